#include "render/theme.h"

#include <algorithm>
#include <regex>

#include "base/embedded.h"
#include "base/text.h"

namespace smsdoc {

namespace {

constexpr std::string_view kDefaultTheme = "themes/default/";
constexpr std::string_view kTemplates = "templates/";
constexpr std::string_view kSuffix = ".mustache";

// "templates/partials/toc.mustache" -> "partials/toc"; "" for other files.
std::string TemplateName(const std::string& rel) {
  if (!StartsWith(rel, kTemplates) || !EndsWith(rel, kSuffix)) return "";
  return rel.substr(kTemplates.size(), rel.size() - kTemplates.size() - kSuffix.size());
}

}  // namespace

const std::vector<std::string>& TemplateNames() {
  static const std::vector<std::string> kNames = {"layout",
                                                  "home",
                                                  "documents",
                                                  "processes",
                                                  "document",
                                                  "records",
                                                  "kind",
                                                  "record",
                                                  "clauses",
                                                  "clause",
                                                  "process-map",
                                                  "readiness",
                                                  "stage-1",
                                                  "attention",
                                                  "changes",
                                                  "partials/history",
                                                  "partials/referenced-by",
                                                  "partials/register-row",
                                                  "partials/registers",
                                                  "partials/toc"};
  return kNames;
}

Theme LoadTheme(const Disk* user, const std::string& label, Diagnostics& diags) {
  std::map<std::string, std::pair<std::string, std::string>> templates;  // name -> (file, source)
  Theme theme;
  auto add = [&](const std::string& rel, std::string bytes, const std::string& shown) {
    if (std::string name = TemplateName(rel); !name.empty()) {
      templates[name] = {shown, std::move(bytes)};
    } else if (StartsWith(rel, "assets/")) {
      theme.assets[rel] = std::move(bytes);
    }
  };
  for (const auto& path : EmbeddedFilesUnder(kDefaultTheme))
    add(path.substr(kDefaultTheme.size()), std::string(EmbeddedFile(path)), path);
  if (user) {
    FileList list = user->ListFiles("");
    for (const auto& entry : list.unreadable)
      diags.Error(label + "/" + entry.path, {},
                  "cannot be read: " + entry.reason + "; give smsdoc read access to it", "io-read");
    for (const auto& rel : list.files) {
      std::string shown = label + "/" + rel;
      std::string name = TemplateName(rel);
      const auto& known = TemplateNames();
      if (!name.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
        diags.Warning(shown, {},
                      "template '" + name + "' is not used by smsdoc" + DidYouMean(name, known),
                      "theme-unused");
      }
      if (auto bytes = user->ReadFile(rel))
        add(rel, std::move(*bytes), shown);
      else
        diags.Error(
            shown, {},
            "cannot read the file: " + user->WhyUnreadable(rel) + "; give smsdoc read access to it",
            "io-read");
    }
  }
  // kainjow renders an unknown partial as nothing; say so instead.
  static const std::regex kPartial(R"(\{\{>\s*([^}\s]+)\s*\}\})");
  for (const auto& [name, file_and_source] : templates) {
    const std::string& source = file_and_source.second;
    for (std::sregex_iterator it(source.begin(), source.end(), kPartial), end; it != end; ++it) {
      std::string partial = (*it)[1];
      if (!templates.count(partial))
        diags.Error(
            file_and_source.first, {},
            "includes unknown partial '" + partial + "'" + DidYouMean(partial, TemplateNames()),
            "template");
    }
  }
  for (auto& [name, file_and_source] : templates) {
    theme.files[name] = file_and_source.first;
    std::string error = theme.templates.Add(name, file_and_source.second);
    if (!error.empty())
      diags.Error(file_and_source.first, {}, "template error: " + error, "template");
  }
  return theme;
}

}  // namespace smsdoc
