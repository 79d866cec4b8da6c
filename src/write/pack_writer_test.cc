#include "write/pack_writer.h"

#include <doctest/doctest.h>

#include <fstream>
#include <map>

#include "adapters/zip.h"
#include "test_support.h"

namespace smsdoc {

namespace fs = std::filesystem;
using testing::ReadBytes;
using testing::TempDir;

namespace {

const BuildInfo kInfo{"2026-11-21", "main@1a2b3c4d5e6f", "0.1.0"};

}  // namespace

TEST_CASE("the default pack sits beside the site folder, named after it and the date") {
  CHECK(DefaultPackPath("site", "2026-11-21") == "site-2026-11-21.zip");
  CHECK(DefaultPackPath("./sms/site/", "2026-11-21") == "sms/site-2026-11-21.zip");
  CHECK(DefaultPackPath("/tmp/manual", "2026-11-21") == "/tmp/manual-2026-11-21.zip");
}

TEST_CASE("a pack holds every file of the site, sorted, and is the same twice") {
  TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site / "registers");
  std::ofstream(site / "index.html") << "home";
  std::ofstream(site / "registers" / "risks.xlsx") << "xlsx";
  std::ofstream(site / "MANIFEST.sha256") << "manifest";
  std::ofstream(site / ".smsdoc-output") << "marker";
  size_t count = 0;
  REQUIRE(WritePack(site, tmp.path / "one.zip", kInfo, count) == "");
  CHECK(count == 4);
  REQUIRE(WritePack(site, tmp.path / "two.zip", kInfo, count) == "");
  CHECK(ReadBytes(tmp.path / "one.zip") == ReadBytes(tmp.path / "two.zip"));

  std::vector<std::pair<std::string, std::string>> entries;
  REQUIRE(ReadZip(tmp.path / "one.zip", [&](const std::string& name, const std::string& bytes) {
            entries.emplace_back(name, bytes);
          }) == "");
  CHECK(entries ==
        std::vector<std::pair<std::string, std::string>>{{".smsdoc-output", "marker"},
                                                         {"MANIFEST.sha256", "manifest"},
                                                         {"index.html", "home"},
                                                         {"registers/risks.xlsx", "xlsx"}});
  CHECK(ZipComment(tmp.path / "one.zip")->rfind(kPackMarker, 0) == 0);
  // Nothing but the two packs and the site is left beside them.
  CHECK(std::distance(fs::directory_iterator(tmp.path), fs::directory_iterator()) == 3);
}

TEST_CASE("a pack replaces only a zip smsdoc pack wrote, outside the site and content") {
  TempDir tmp;
  fs::path root = tmp.path / "sms", site = root / "site";
  fs::create_directories(site);
  fs::create_directories(root / "policies");
  std::ofstream(site / "index.html") << "home";
  std::vector<std::string> content = {"policies", "processes", "records"};

  CHECK(CheckPackFile(root / "site-2026-11-21.zip", site, root, content) == "");
  size_t count = 0;
  REQUIRE(WritePack(site, root / "site-2026-11-21.zip", kInfo, count) == "");
  CHECK(CheckPackFile(root / "site-2026-11-21.zip", site, root, content) == "");

  std::ofstream(tmp.path / "notes.zip") << "not a zip";
  CHECK(CheckPackFile(tmp.path / "notes.zip", site, root, content) ==
        "refusing to write the pack to '" + (tmp.path / "notes.zip").string() +
            "': the file exists and is not a zip that smsdoc pack wrote");
  REQUIRE(WriteZip(tmp.path / "other.zip", {}, {}, "someone else's") == "");
  CHECK_FALSE(CheckPackFile(tmp.path / "other.zip", site, root, content).empty());
  CHECK(CheckPackFile(site / "x.zip", site, root, content).find("in the output folder") !=
        std::string::npos);
  CHECK(CheckPackFile(root / "policies" / "x.zip", site, root, content)
            .find("in the content folder 'policies'") != std::string::npos);
  CHECK(CheckPackFile(tmp.path / "absent" / "x.zip", site, root, content).find("does not exist") !=
        std::string::npos);
  CHECK(CheckPackFile(root / "policies", site, root, content) != "");  // a folder
}

}  // namespace smsdoc
