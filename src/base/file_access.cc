#include "base/file_access.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace smsdoc {

std::string WhyFolderNotModifiable(const std::filesystem::path& folder) {
  // Writing and searching a folder are what adding and removing need.
  return ::access(folder.c_str(), W_OK | X_OK) == 0 ? "" : std::strerror(errno);
}

}  // namespace smsdoc
