#include "base/temp_folder.h"

#include <stdlib.h>

namespace smsdoc {

std::filesystem::path MakeTempFolder(const std::string& prefix) {
  std::error_code ec;
  std::filesystem::path temp = std::filesystem::temp_directory_path(ec);
  if (ec) return {};
  std::string name = (temp / (prefix + "-XXXXXX")).string();
  // mkdtemp: the name is chosen and the folder made (mode 0700) in one step.
  return mkdtemp(name.data()) ? std::filesystem::path(name) : std::filesystem::path();
}

}  // namespace smsdoc
