#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace smsdoc {

/// What WriteExclusive did.
enum class ExclusiveWrite { kWritten, kExists, kFailed };

/// Creates the file `path` and writes `bytes` to it, only if nothing is
/// there, not even a symbolic link: asking and creating are one step, so a
/// file that appears in between is never written through. Its folder must
/// exist. On kFailed, `error` holds the system's reason and no part of the
/// file is left.
ExclusiveWrite WriteExclusive(const std::filesystem::path& path, std::string_view bytes,
                              std::string& error);

}  // namespace smsdoc
