#include "base/disk.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sstream>

namespace smsdoc {

namespace fs = std::filesystem;

std::optional<std::string> RealDisk::ReadFile(const std::string& path) const {
  // Read straight into a string of the file's size: a stream would copy
  // every byte twice more, for each of the thousands of files of a build.
  int fd = ::open((root_ / path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  std::string bytes;
  // One byte more, so that the read that finds the end needs no growth.
  if (::fstat(fd, &st) == 0 && st.st_size > 0) bytes.resize(static_cast<size_t>(st.st_size) + 1);
  size_t done = 0;
  for (;;) {
    if (done == bytes.size()) bytes.resize(done + 65536);  // grew, or no size known
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0) break;
    done += static_cast<size_t>(n);
  }
  ::close(fd);
  bytes.resize(done);
  return bytes;
}

std::optional<uintmax_t> RealDisk::FileSize(const std::string& path) const {
  std::error_code ec;
  uintmax_t size = fs::file_size(root_ / path, ec);
  if (ec) return std::nullopt;
  return size;
}

std::string RealDisk::WhyUnreadable(const std::string& path) const {
  int fd = ::open((root_ / path).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::strerror(errno);
  char byte;
  std::string why = ::read(fd, &byte, 1) < 0 ? std::strerror(errno) : "read failed";
  ::close(fd);
  return why;
}

namespace {

// One folder level at a time, so an unreadable folder is reported and its
// siblings are still walked (a recursive iterator stops at the first).
void Walk(const fs::path& root, const fs::path& dir, FileList& out) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec), end;
  auto unreadable = [&](const fs::path& path) {
    out.unreadable.push_back({path.lexically_relative(root).generic_string(), ec.message()});
  };
  if (ec) return unreadable(dir);
  std::vector<fs::directory_entry> entries;
  for (; !ec && it != end; it.increment(ec)) entries.push_back(*it);
  if (ec) unreadable(dir);
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    fs::file_status status = entry.symlink_status(ec);
    if (ec) {
      unreadable(entry.path());
      continue;
    }
    // Lexically relative: a symbolic link keeps its own name here, so its
    // target can never turn into a path outside the root or the site.
    std::string rel = entry.path().lexically_relative(root).generic_string();
    if (fs::is_directory(status)) {
      Walk(root, entry.path(), out);
    } else if (fs::is_symlink(status)) {
      // Listed, not followed; one that leads nowhere is reported.
      fs::file_status target = fs::status(entry.path(), ec);
      if (fs::is_directory(target) || fs::is_regular_file(target))
        out.files.push_back(rel);
      else
        unreadable(entry.path());
    } else if (fs::is_regular_file(status)) {
      out.files.push_back(rel);
    }
  }
}

}  // namespace

FileList RealDisk::ListFiles(const std::string& dir) const {
  FileList out;
  std::error_code ec;
  fs::path base = root_ / dir;
  if (!fs::is_directory(base, ec)) return out;
  Walk(root_, base, out);
  std::sort(out.files.begin(), out.files.end());
  return out;
}

bool RealDisk::IsFolder(const std::string& path) const {
  std::error_code ec;
  return fs::is_directory(root_ / path, ec);
}

bool RealDisk::IsInsideRoot(const std::string& path) const {
  // Without a symbolic link or ".." on the way a path below the root stays
  // there: a few lstat calls, where resolving it costs a readlink per
  // component and the root's own resolution again (the loader asks for
  // every file).
  fs::path rel(path);
  bool plain = !rel.is_absolute() && !rel.empty();
  fs::path at = root_;
  for (auto it = rel.begin(); plain && it != rel.end(); ++it) {
    struct stat st;
    at /= *it;
    plain = *it != ".." && ::lstat(at.c_str(), &st) == 0 && !S_ISLNK(st.st_mode);
  }
  if (plain) return true;
  std::error_code ec;
  fs::path real_root = fs::canonical(root_, ec);
  fs::path real = fs::canonical(root_ / path, ec);
  if (ec) return false;
  auto relative = real.lexically_relative(real_root);
  return !relative.empty() && *relative.begin() != "..";
}

std::optional<std::string> MemoryDisk::ReadFile(const std::string& path) const {
  auto it = files_.find(path);
  if (it == files_.end()) return std::nullopt;
  return it->second;
}

FileList MemoryDisk::ListFiles(const std::string& dir) const {
  FileList out;
  std::string prefix = dir.empty() ? "" : dir + "/";
  for (const auto& [path, content] : files_) {
    if (path.compare(0, prefix.size(), prefix) != 0) continue;
    if (path.find("/.") != std::string::npos || path[0] == '.') continue;
    out.files.push_back(path);
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
