#pragma once
#include <filesystem>
#include <string>
#include <string_view>

namespace smsdoc {

/// What ReplaceSchemaFile did.
enum class SchemaFileResult { kWritten, kForeign, kFailed };

/// True when `path` is free for a schema: no file there, or a regular file
/// that starts with `marker` (one `smsdoc schema` wrote before).
bool SchemaFileReplaceable(const std::filesystem::path& path, std::string_view marker);

/// Writes `bytes` to `path` (creating its folder) unless a file is there
/// that does not start with `marker`: `smsdoc schema` replaces its own
/// files and nobody else's. Written beside it first, then renamed over it,
/// so a reader never sees half a schema. On kFailed `error` says why.
SchemaFileResult ReplaceSchemaFile(const std::filesystem::path& path, std::string_view bytes,
                                   std::string_view marker, std::string& error);

}  // namespace smsdoc
