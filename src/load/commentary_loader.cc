#include "load/commentary_loader.h"

#include "base/text.h"
#include "load/document_loader.h"

namespace smsdoc {

std::optional<Commentary> LoadCommentary(const std::string& path, const std::string& folder,
                                         std::string_view text, Diagnostics& diags,
                                         PendingBody& body) {
  // PERIOD/SERVICE.md below the folder: one folder per period, so a
  // month's reports sit together.
  std::string inside = path.substr(folder.size() + 1);
  size_t slash = inside.find('/'), dot = inside.rfind('.');
  if (slash == std::string::npos || slash == 0 ||
      inside.find('/', slash + 1) != std::string::npos || dot <= slash + 1) {
    diags.Error(path, {},
                "a service report's commentary goes in " + folder + "/PERIOD/SERVICE.md, e.g. " +
                    folder + "/2026-10/managed-workplace.md",
                "report-path");
    return std::nullopt;
  }
  if (StartsWith(text, "---\n") || StartsWith(text, "---\r\n")) {
    diags.Error(path, {1, 1},
                "a service report's commentary has no front matter: its period and service "
                "come from its path",
                "report-front-matter");
    return std::nullopt;
  }
  Commentary c;
  c.path = path;
  c.period = inside.substr(0, slash);
  c.service_slug = inside.substr(slash + 1, dot - slash - 1);
  body = {path, std::string(text), 1};
  return c;
}

void AttachCommentaryBody(Commentary& commentary, Body body, Diagnostics& diags) {
  commentary.body = std::move(body);
  commentary.refs = BodyReferences(commentary.path, commentary.body, diags);
}

}  // namespace smsdoc
