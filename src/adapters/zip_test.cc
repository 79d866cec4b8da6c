#include "adapters/zip.h"

#include <doctest/doctest.h>

#include <map>

#include "test_support.h"

namespace smsdoc {

namespace fs = std::filesystem;
using testing::ReadBytes;
using testing::TempDir;
using testing::WriteBytes;

namespace {}  // namespace

TEST_CASE("a zip is written deterministically and read back") {
  TempDir tmp;
  WriteBytes(tmp.path / "a", "alpha");
  WriteBytes(tmp.path / "b", std::string(200000, 'b'));  // more than one chunk
  std::vector<ZipEntry> entries = {{"index.html", tmp.path / "a"}, {"sub/é.txt", tmp.path / "b"}};
  ZipDate date{2026, 11, 21};
  REQUIRE(WriteZip(tmp.path / "one.zip", entries, date, "smsdoc pack") == "");
  REQUIRE(WriteZip(tmp.path / "two.zip", entries, date, "smsdoc pack") == "");
  CHECK(ReadBytes(tmp.path / "one.zip") == ReadBytes(tmp.path / "two.zip"));

  std::map<std::string, std::string> read;
  CHECK(ReadZip(tmp.path / "one.zip", [&](const std::string& name, const std::string& bytes) {
          read[name] = bytes;
        }) == "");
  CHECK(read == std::map<std::string, std::string>{{"index.html", "alpha"},
                                                   {"sub/é.txt", std::string(200000, 'b')}});
  CHECK(ZipComment(tmp.path / "one.zip") == std::optional<std::string>("smsdoc pack"));

  // The first local header's DOS time (bytes 10-11) and date (12-13).
  std::string bytes = ReadBytes(tmp.path / "one.zip");
  auto u16 = [&](size_t at) {
    return static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1]) << 8;
  };
  CHECK(u16(10) == 0);
  CHECK(u16(12) == ((2026 - 1980) << 9 | 11 << 5 | 21));
}

TEST_CASE("a file that is not a zip has no comment and cannot be read") {
  TempDir tmp;
  WriteBytes(tmp.path / "notes.zip", "not a zip at all");
  CHECK_FALSE(ZipComment(tmp.path / "notes.zip").has_value());
  CHECK_FALSE(ZipComment(tmp.path / "absent.zip").has_value());
  CHECK(ReadZip(tmp.path / "notes.zip", [](const std::string&, const std::string&) {}) ==
        "'" + (tmp.path / "notes.zip").string() + "' is not a zip file");
  CHECK(WriteZip(tmp.path / "x.zip", {{"a", tmp.path / "absent"}}, {}, "") ==
        "cannot read '" + (tmp.path / "absent").string() + "'");
}

}  // namespace smsdoc
