#include "cli/environment.h"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/dates.h"
#include "base/text.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

std::string ReadFirstLine(const fs::path& path) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  return std::string(Trim(line));
}

// The hash of a ref, loose or in packed-refs.
std::string ResolveRef(const fs::path& git, const std::string& ref) {
  std::string loose = ReadFirstLine(git / ref);
  if (!loose.empty()) return loose;
  std::ifstream packed(git / "packed-refs");
  for (std::string line; std::getline(packed, line);) {
    if (EndsWith(line, " " + ref)) return line.substr(0, line.find(' '));
  }
  return "";
}

}  // namespace

std::string Today() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
    now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  return FormatDate(DateFromDays(static_cast<long>(now / 86400)));
}

std::string SourceRevision(const std::string& root) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(root, ec).lexically_normal(); !dir.empty();
       dir = dir.parent_path()) {
    fs::path git = dir / ".git";
    if (fs::is_regular_file(git, ec)) {  // a worktree: "gitdir: PATH"
      std::string line = ReadFirstLine(git);
      if (!StartsWith(line, "gitdir: ")) return "";
      git = fs::path(line.substr(8));
      if (git.is_relative()) git = dir / git;
    } else if (!fs::is_directory(git, ec)) {
      if (dir == dir.root_path()) break;
      continue;
    }
    std::string head = ReadFirstLine(git / "HEAD");
    if (!StartsWith(head, "ref: ")) return head.substr(0, 12);  // detached
    std::string ref = head.substr(5);
    // A linked worktree keeps HEAD, but its branches live in the common dir.
    fs::path refs_dir = git;
    if (std::string common = ReadFirstLine(git / "commondir"); !common.empty())
      refs_dir = fs::path(common).is_relative() ? git / common : fs::path(common);
    std::string hash = ResolveRef(refs_dir, ref);
    std::string branch = ref.substr(ref.rfind('/') + 1);
    return hash.empty() ? branch + " (no commit yet)" : branch + "@" + hash.substr(0, 12);
  }
  return "";
}

}  // namespace smsdoc
