#include "write/schema_file.h"

#include <fstream>

#include "base/process.h"
#include "write/new_file.h"

namespace smsdoc {

namespace fs = std::filesystem;

bool SchemaFileReplaceable(const fs::path& path, std::string_view marker) {
  std::error_code ec;
  fs::file_status status = fs::symlink_status(path, ec);
  if (status.type() == fs::file_type::not_found) return true;
  if (status.type() != fs::file_type::regular) return false;  // never through a link
  std::ifstream in(path, std::ios::binary);
  std::string start(marker.size(), '\0');
  in.read(start.data(), static_cast<std::streamsize>(start.size()));
  return in && start == marker;
}

SchemaFileResult ReplaceSchemaFile(const fs::path& path, std::string_view bytes,
                                   std::string_view marker, std::string& error) {
  if (!SchemaFileReplaceable(path, marker)) return SchemaFileResult::kForeign;
  // A name smsdoc's own outputs are known by (cli/own_outputs.h).
  fs::path temp = path;
  temp += ".smsdoc-new-" + std::to_string(ThisProcessId());
  std::error_code ec;
  switch (CreateNewFile(temp, bytes, error)) {
    case NewFileResult::kWritten: break;
    case NewFileResult::kExists: error = "'" + temp.string() + "' is in the way"; [[fallthrough]];
    case NewFileResult::kFailed: return SchemaFileResult::kFailed;
  }
  fs::rename(temp, path, ec);
  if (ec) {
    error = ec.message();
    fs::remove(temp, ec);
    return SchemaFileResult::kFailed;
  }
  return SchemaFileResult::kWritten;
}

}  // namespace smsdoc
