#include "base/file_stamp.h"

#include <sys/stat.h>

namespace smsdoc {

std::optional<FileStamp> StampOf(const std::filesystem::path& path) {
  struct stat st;
  if (lstat(path.c_str(), &st) != 0) return std::nullopt;
  return FileStamp{static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec,
                   S_ISDIR(st.st_mode) ? -1 : static_cast<long long>(st.st_size)};
}

}  // namespace smsdoc
