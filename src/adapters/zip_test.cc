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

TEST_CASE("a damaged entry is named, and the others are still read") {
  TempDir tmp;
  WriteBytes(tmp.path / "a", std::string(1000, 'a'));
  WriteBytes(tmp.path / "b", "bravo");
  WriteBytes(tmp.path / "c", "charlie");
  REQUIRE(
      WriteZip(tmp.path / "good.zip",
               {{"a.html", tmp.path / "a"}, {"b.html", tmp.path / "b"}, {"c.html", tmp.path / "c"}},
               {2026, 11, 21}, "") == "");
  std::string zip = ReadBytes(tmp.path / "good.zip");
  // a.html: its deflated data (after the 30-byte local header and the
  // 6-byte name) made an invalid block; b.html: the CRC-32 in its local
  // header (14 bytes in) and its central directory entry (16 bytes in)
  // changed alike, so only the bytes disagree with it.
  std::string bad = zip;
  for (size_t i = 36; i < 40; ++i) bad[i] = '\xFF';
  size_t local = bad.find("PK\x03\x04", 4);
  size_t central = bad.find("PK\x01\x02", bad.find("PK\x01\x02") + 4);
  REQUIRE(local != std::string::npos);
  REQUIRE(central != std::string::npos);
  bad[local + 14] ^= 1;
  bad[central + 16] ^= 1;
  WriteBytes(tmp.path / "bad.zip", bad);

  std::vector<std::string> read, damaged;
  CHECK(ReadZip(
            tmp.path / "bad.zip",
            [&](const std::string& name, const std::string&) { read.push_back(name); },
            [&](const std::string& name, const std::string& why) {
              damaged.push_back(name + ": " + why);
            }) == "");
  CHECK(read == std::vector<std::string>{"c.html"});
  CHECK(damaged == std::vector<std::string>{"a.html: its compressed data cannot be read",
                                            "b.html: its CRC-32 does not match its bytes"});
  // Without a handler the first damaged entry ends the read, named.
  CHECK(ReadZip(tmp.path / "bad.zip", [](const std::string&, const std::string&) {}) ==
        "'a.html' in '" + (tmp.path / "bad.zip").string() +
            "' is damaged: its compressed data cannot be read");
}

}  // namespace smsdoc
