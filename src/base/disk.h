#pragma once
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace smsdoc {

/// An entry a listing could not read, with the system's reason
/// ("Permission denied").
struct Unreadable {
  std::string path;
  std::string reason;
};

/// The files under a folder, and what could not be read on the way.
struct FileList {
  std::vector<std::string> files;
  std::vector<Unreadable> unreadable;
};

/// The seam between the core and the file system, so stages can be tested
/// in memory. Paths are '/'-separated and relative to the SMS root.
class Disk {
 public:
  virtual ~Disk() = default;
  /// The file's bytes, or nullopt when it cannot be read.
  virtual std::optional<std::string> ReadFile(const std::string& path) const = 0;
  /// Why ReadFile failed, as the system says it ("Permission denied").
  virtual std::string WhyUnreadable(const std::string&) const { return "not found"; }
  /// The file's size in bytes, or nullopt when it cannot be read.
  virtual std::optional<uintmax_t> FileSize(const std::string& path) const = 0;
  /// Every regular file under `dir`, recursively, sorted; hidden entries
  /// (starting with '.') are skipped. Symbolic links to folders are listed
  /// but not followed, so the caller can refuse those that leave the root.
  /// A folder or entry that cannot be read is named in `unreadable`, and
  /// the walk goes on past it.
  virtual FileList ListFiles(const std::string& dir) const = 0;
  /// False when the file, through a symbolic link, lies outside the root.
  virtual bool IsInsideRoot(const std::string& path) const = 0;
  virtual bool IsFolder(const std::string& path) const = 0;
};

/// The seam for writing: the site writer puts every page, copy and marker
/// through one, so a test can fail a write as a full disk would.
class FileWriter {
 public:
  virtual ~FileWriter() = default;
  /// Writes `bytes` to the new file `path`; "" or why not.
  virtual std::string Write(const std::filesystem::path& path, std::string_view bytes) const = 0;
  /// Copies the file `from` to the new file `to`; "" or why not.
  virtual std::string Copy(const std::filesystem::path& from,
                           const std::filesystem::path& to) const = 0;
};

/// Writes to the real file system, with the system's reason on failure
/// ("No space left on device").
class RealFileWriter : public FileWriter {
 public:
  std::string Write(const std::filesystem::path& path, std::string_view bytes) const override;
  std::string Copy(const std::filesystem::path& from,
                   const std::filesystem::path& to) const override;
};

/// The real file system below a root folder.
class RealDisk : public Disk {
 public:
  explicit RealDisk(std::filesystem::path root) : root_(std::move(root)) {}
  std::optional<std::string> ReadFile(const std::string& path) const override;
  std::string WhyUnreadable(const std::string& path) const override;
  std::optional<uintmax_t> FileSize(const std::string& path) const override;
  FileList ListFiles(const std::string& dir) const override;
  bool IsInsideRoot(const std::string& path) const override;
  bool IsFolder(const std::string& path) const override;

 private:
  std::filesystem::path root_;
};

/// An in-memory tree for tests.
class MemoryDisk : public Disk {
 public:
  void Add(const std::string& path, std::string content) { files_[path] = std::move(content); }
  std::optional<std::string> ReadFile(const std::string& path) const override;
  std::optional<uintmax_t> FileSize(const std::string& path) const override {
    auto it = files_.find(path);
    return it == files_.end() ? std::nullopt : std::optional<uintmax_t>(it->second.size());
  }
  FileList ListFiles(const std::string& dir) const override;
  bool IsInsideRoot(const std::string&) const override { return true; }
  bool IsFolder(const std::string& path) const override {
    auto it = files_.lower_bound(path + "/");
    return it != files_.end() && it->first.compare(0, path.size() + 1, path + "/") == 0;
  }

 private:
  std::map<std::string, std::string> files_;
};

}  // namespace smsdoc
