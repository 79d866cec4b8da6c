#include "base/exclusive_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace smsdoc {

ExclusiveWrite WriteExclusive(const std::filesystem::path& path, std::string_view bytes,
                              std::string& error) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (errno == EEXIST) return ExclusiveWrite::kExists;
    error = std::strerror(errno);
    return ExclusiveWrite::kFailed;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());  // ours, just created: no half file left
      return ExclusiveWrite::kFailed;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    ::unlink(path.c_str());
    return ExclusiveWrite::kFailed;
  }
  return ExclusiveWrite::kWritten;
}

}  // namespace smsdoc
