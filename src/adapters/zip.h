#pragma once
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace smsdoc {

/// One file to put in a zip: its name inside the archive ('/'-separated,
/// UTF-8) and the file whose bytes it holds.
struct ZipEntry {
  std::string name;
  std::filesystem::path source;
};

/// A calendar day, stamped on every entry (zip times have no time zone).
struct ZipDate {
  int year = 1980, month = 1, day = 1;
};

/// Writes a new zip at `path` through minizip (the only file that sees
/// it): the entries deflated in the order given, each stamped `date` at
/// 00:00:00 with mode 0644, and `comment` as the archive comment, so equal
/// inputs give equal bytes. Returns "" or an error message.
std::string WriteZip(const std::filesystem::path& path, const std::vector<ZipEntry>& entries,
                     ZipDate date, const std::string& comment);

/// Calls `visit(name, bytes)` for every file entry of the zip at `path`, in
/// archive order (folder entries are skipped). A damaged entry (its
/// compressed data unreadable, or its CRC-32 not that of its bytes) goes to
/// `damaged(name, why)` instead, and reading goes on; without `damaged` it
/// ends the read with an error naming the entry. Returns "" or an error
/// message (not a zip, entries that cannot be listed).
std::string ReadZip(
    const std::filesystem::path& path,
    const std::function<void(const std::string& name, const std::string& bytes)>& visit,
    const std::function<void(const std::string& name, const std::string& why)>& damaged = {});

/// The archive comment, or nullopt when `path` is not a readable zip.
std::optional<std::string> ZipComment(const std::filesystem::path& path);

}  // namespace smsdoc
