#include "write/new_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace smsdoc {

NewFileResult CreateNewFile(const std::filesystem::path& path, std::string_view bytes,
                            std::string& error) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  if (ec) {
    error = ec.message();
    return NewFileResult::kFailed;
  }
  // O_EXCL makes "does it exist?" and "create it" one step: a file that
  // appears in between (or a symbolic link) is never written through.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0) {
    if (errno == EEXIST) return NewFileResult::kExists;
    error = std::strerror(errno);
    return NewFileResult::kFailed;
  }
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = std::strerror(errno);
      ::close(fd);
      ::unlink(path.c_str());  // ours, just created: no half file left
      return NewFileResult::kFailed;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = std::strerror(errno);
    ::unlink(path.c_str());
    return NewFileResult::kFailed;
  }
  return NewFileResult::kWritten;
}

}  // namespace smsdoc
