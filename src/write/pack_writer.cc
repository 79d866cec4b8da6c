#include "write/pack_writer.h"

#include <cstdio>

#include "adapters/zip.h"
#include "base/interrupt.h"
#include "base/process.h"
#include "base/text.h"
#include "write/manifest.h"
#include "write/paths.h"

namespace smsdoc {

namespace fs = std::filesystem;

fs::path DefaultPackPath(const fs::path& site, const std::string& as_of) {
  return SiblingPath(site, "-" + as_of + ".zip");
}

std::string CheckPackFile(const fs::path& zip, const fs::path& site, const fs::path& root,
                          const std::vector<std::string>& content_folders) {
  fs::path abs = AbsolutePath(zip);
  const std::string refusing = "refusing to write the pack to '" + zip.string() + "': ";
  if (IsWithin(abs, AbsolutePath(site)))
    return refusing + "it is in the output folder '" + site.lexically_normal().string() +
           "', which every build replaces";
  for (const auto& folder : content_folders)
    if (IsWithin(abs, AbsolutePath(root / folder)))
      return refusing + "it is in the content folder '" + folder + "', whose files are published";
  std::error_code ec;
  if (!fs::is_directory(abs.parent_path(), ec))
    return "cannot write the pack to '" + zip.string() + "': folder '" +
           abs.parent_path().string() + "' does not exist";
  if (!fs::exists(abs, ec)) return "";
  if (!fs::is_regular_file(abs, ec)) return refusing + "it exists and is not a file";
  std::optional<std::string> comment = ZipComment(abs);
  if (!comment || !StartsWith(*comment, kPackMarker))
    return refusing + "the file exists and is not a zip that smsdoc pack wrote";
  return "";
}

std::string WritePack(const fs::path& site, const fs::path& zip, const BuildInfo& info,
                      size_t& count) {
  std::vector<std::string> paths;
  if (std::string error = ListFolder(site, paths); !error.empty()) return error;
  std::vector<ZipEntry> entries;
  for (const auto& p : paths) entries.push_back({p, site / p});
  count = entries.size();
  int year = 1980, month = 1, day = 1;
  std::sscanf(info.as_of.c_str(), "%d-%d-%d", &year, &month, &day);
  std::string comment = std::string(kPackMarker) + " of a service management system, as of " +
                        info.as_of + ", source " +
                        (info.revision.empty() ? "not in git" : info.revision) + ", smsdoc " +
                        info.version + "; check it with: smsdoc verify FILE.zip";

  fs::path abs = AbsolutePath(zip);
  fs::path temp = abs.parent_path() / (".smsdoc-pack-" + std::to_string(ThisProcessId()) + ".zip");
  std::error_code ec;
  std::string error;
  {
    // Ctrl-C while zipping: finish the entry list, then drop the temp file.
    InterruptGuard guard;
    error = WriteZip(temp, entries, {year, month, day}, comment);
    if (error.empty() && InterruptSignal())
      error = std::string("interrupted by ") + SignalName(InterruptSignal()) + "; no pack written";
  }
  if (error.empty()) {
    fs::rename(temp, abs, ec);
    if (ec) error = "cannot move the pack into place: " + ec.message();
  }
  if (!error.empty()) fs::remove(temp, ec);
  return error;
}

}  // namespace smsdoc
