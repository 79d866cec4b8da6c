#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace smsdoc {

/// What CreateNewFile did.
enum class NewFileResult { kWritten, kExists, kFailed };

/// Writes `bytes` to `path`, creating its missing parent folders, only if
/// no file is there yet: the one place `smsdoc init` and `smsdoc new`
/// write through, so neither can ever overwrite a file. On kFailed,
/// `error` holds the system's reason.
NewFileResult CreateNewFile(const std::filesystem::path& path, std::string_view bytes,
                            std::string& error);

}  // namespace smsdoc
