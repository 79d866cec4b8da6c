#include "write/new_file.h"

#include "base/exclusive_file.h"

namespace smsdoc {

NewFileResult CreateNewFile(const std::filesystem::path& path, std::string_view bytes,
                            std::string& error) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    error = ec.message();
    return NewFileResult::kFailed;
  }
  switch (WriteExclusive(path, bytes, error)) {
    case ExclusiveWrite::kWritten: return NewFileResult::kWritten;
    case ExclusiveWrite::kExists: return NewFileResult::kExists;
    case ExclusiveWrite::kFailed: break;
  }
  return NewFileResult::kFailed;
}

}  // namespace smsdoc
