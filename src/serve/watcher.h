#pragma once
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace smsdoc {

/// Every file and folder under some paths, each with its modification time
/// and size: two scans differ when anything was added, removed or written.
using InputScan = std::map<std::string, std::pair<long long, long long>>;

/// Scans `paths` (files or folders, walked without following links; a
/// missing one counts as missing), leaving out everything under `skip`
/// (the output folder) and every `.git` folder.
InputScan ScanInputs(const std::vector<std::filesystem::path>& paths,
                     const std::vector<std::filesystem::path>& skip);

/// Watches the inputs by polling: Poll() says true once after a change,
/// when a scan has found them unchanged since the one that saw it (so an
/// editor's save in several writes, or a checkout, builds once).
class InputWatcher {
 public:
  /// Takes the first scan, which the first change is measured against;
  /// later ones against the last scan that differed, so what changes while
  /// a build runs is seen after it.
  InputWatcher(std::vector<std::filesystem::path> paths, std::vector<std::filesystem::path> skip);
  bool Poll();
  const std::vector<std::filesystem::path>& paths() const { return paths_; }

 private:
  std::vector<std::filesystem::path> paths_, skip_;
  InputScan last_;
  bool changed_ = false;
};

}  // namespace smsdoc
