#include "serve/watcher.h"

#include "base/file_stamp.h"
#include "write/paths.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

void Note(const fs::path& p, InputScan& scan) {
  if (std::optional<FileStamp> stamp = StampOf(p))
    scan[p.string()] = {stamp->modified_ns, stamp->size};
}

}  // namespace

InputScan ScanInputs(const std::vector<fs::path>& paths, const std::vector<fs::path>& skip) {
  std::vector<fs::path> skipped;
  for (const fs::path& s : skip) skipped.push_back(AbsolutePath(s));
  auto skip_it = [&](const fs::path& p) {
    if (p.filename() == ".git") return true;
    fs::path abs = AbsolutePath(p);
    for (const fs::path& s : skipped)
      if (IsWithin(abs, s)) return true;
    return false;
  };
  InputScan scan;
  for (const fs::path& root : paths) {
    if (skip_it(root)) continue;
    Note(root, scan);
    std::error_code ec;
    if (!fs::is_directory(fs::symlink_status(root, ec))) continue;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec),
        end;
    for (; !ec && it != end; it.increment(ec)) {
      std::error_code kind_ec;
      if (it->is_directory(kind_ec) && !it->is_symlink(kind_ec) && skip_it(it->path())) {
        it.disable_recursion_pending();
        continue;
      }
      Note(it->path(), scan);
    }
  }
  return scan;
}

InputWatcher::InputWatcher(std::vector<fs::path> paths, std::vector<fs::path> skip)
    : paths_(std::move(paths)), skip_(std::move(skip)), last_(ScanInputs(paths_, skip_)) {}

bool InputWatcher::Poll() {
  InputScan now = ScanInputs(paths_, skip_);
  if (now != last_) {
    last_ = std::move(now);
    changed_ = true;
    return false;  // still changing, perhaps: wait for a quiet scan
  }
  bool fire = changed_;
  changed_ = false;
  return fire;
}

}  // namespace smsdoc
