#include "base/disk.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace smsdoc {

namespace fs = std::filesystem;

std::optional<std::string> RealDisk::ReadFile(const std::string& path) const {
  std::ifstream in(root_ / path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return std::move(buffer).str();
}

std::optional<uintmax_t> RealDisk::FileSize(const std::string& path) const {
  std::error_code ec;
  uintmax_t size = fs::file_size(root_ / path, ec);
  if (ec) return std::nullopt;
  return size;
}

std::vector<std::string> RealDisk::ListFiles(const std::string& dir) const {
  std::vector<std::string> out;
  std::error_code ec;
  fs::path base = root_ / dir;
  if (!fs::is_directory(base, ec)) return out;
  fs::recursive_directory_iterator it(base, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (!name.empty() && name[0] == '.') {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    // Lexically relative: a symbolic link keeps its own name here, so its
    // target can never turn into a path outside the root or the site.
    if (it->is_regular_file(ec) || (it->is_symlink(ec) && it->is_directory(ec)))
      out.push_back(it->path().lexically_relative(root_).generic_string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

bool RealDisk::IsFolder(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(root_ / path, ec);
}

bool RealDisk::IsInsideRoot(const std::string& path) const {
  std::error_code ec;
  fs::path real_root = fs::canonical(root_, ec);
  fs::path real = fs::canonical(root_ / path, ec);
  if (ec) return false;
  auto rel = real.lexically_relative(real_root);
  return !rel.empty() && *rel.begin() != "..";
}

std::optional<std::string> MemoryDisk::ReadFile(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> MemoryDisk::ListFiles(const std::string& dir) const {
  std::vector<std::string> out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, content] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    if (path.find("/.") != std::string::npos || path[0] == '.') continue;
    out.push_back(path);
  }
  return out;
}

std::string RealFileWriter::Write(const fs::path& path, std::string_view bytes) const {
  // POSIX calls rather than a stream: errno says why (a full disk) and
  // close() reports what delayed allocation could not write.
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd < 0) return std::strerror(errno);
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      std::string why = std::strerror(errno);
      ::close(fd);
      return why;
    }
    done += static_cast<size_t>(n);
  }
  if (::close(fd) != 0) return std::strerror(errno);
  return "";
}

std::string RealFileWriter::Copy(const fs::path& from, const fs::path& to) const {
  std::error_code ec;
  fs::copy_file(from, to, ec);
  return ec ? ec.message() : "";
}

}  // namespace smsdoc
