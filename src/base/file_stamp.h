#pragma once
#include <filesystem>
#include <optional>

namespace smsdoc {

/// What a poll compares to see that an entry changed.
struct FileStamp {
  long long modified_ns = 0;  ///< last modification, in nanoseconds since 1970
  long long size = 0;         ///< in bytes; -1 for a folder
  bool operator==(const FileStamp&) const = default;
};

/// The stamp of the entry `path` itself (a symbolic link's own, not its
/// target's); nullopt when there is none.
std::optional<FileStamp> StampOf(const std::filesystem::path& path);

}  // namespace smsdoc
