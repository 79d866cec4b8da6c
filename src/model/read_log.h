#pragma once
#include <string>
#include <tuple>

namespace smsdoc {

/// One question a build asked of a Disk and a digest of the answer, so a
/// later build can ask again and know whether anything it read changed.
struct DiskRead {
  std::string disk;    ///< "sms" (the SMS root or commit) or "theme"
  std::string op;      ///< "read", "why", "size", "list", "inside", "folder"
  std::string path;    ///< the Disk's path
  std::string answer;  ///< SHA-256 of the answer, or the answer when short
  bool operator<(const DiskRead& o) const {
    return std::tie(disk, op, path, answer) < std::tie(o.disk, o.op, o.path, o.answer);
  }
  bool operator==(const DiskRead& o) const = default;
};

}  // namespace smsdoc
