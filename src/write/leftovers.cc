#include "write/leftovers.h"

#include <regex>

#include "base/file_access.h"
#include "base/process.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// A process with this ID exists (this one's own names included).
bool Running(long pid) {
  if (pid <= 0 || pid == ThisProcessId()) return pid == ThisProcessId();
  return ProcessExists(pid);
}

}  // namespace

std::vector<std::string> RemoveLeftovers(const fs::path& folder, const fs::path& target) {
  static const std::regex kLeftover(R"(\.smsdoc-(new|old|pack)-(\d{1,9})(\.zip)?)");
  std::vector<std::string> removed;
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
    entries.push_back(it->path());
  std::sort(entries.begin(), entries.end());
  for (const auto& path : entries) {
    std::smatch m;
    std::string name = path.filename().string();
    if (!std::regex_match(name, m, kLeftover) || Running(std::stol(m[2]))) continue;
    const std::string kind = m[1];
    if ((kind == "pack") != m[3].matched) continue;
    // Until the site exists again, an old copy may be the only one.
    if (kind == "old" && !fs::is_directory(target, ec)) continue;
    fs::remove_all(path, ec);
    removed.push_back(ec ? "cannot remove '" + name +
                               "', left by a build that was killed: " + ec.message()
                         : "removed '" + name + "', left by a build that was killed");
  }
  return removed;
}

std::string CheckRemovable(const fs::path& site, const fs::path& shown) {
  std::error_code ec;
  if (!fs::is_directory(site, ec)) return "";
  std::vector<fs::path> folders{site};
  for (fs::recursive_directory_iterator it(site, ec), end; !ec && it != end; it.increment(ec))
    if (it->is_directory(ec) && !it->is_symlink(ec)) folders.push_back(it->path());
  for (const auto& folder : folders)
    if (std::string why = WhyFolderNotModifiable(folder); !why.empty())
      return "cannot replace the previous site: '" +
             (shown / folder.lexically_relative(site)).lexically_normal().generic_string() +
             "' is read-only (" + why + "); make it writable (chmod -R u+w '" +
             shown.lexically_normal().generic_string() + "') and build again";
  return "";
}

}  // namespace smsdoc
