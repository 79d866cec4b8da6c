#include "base/file_stamp.h"

#include <doctest/doctest.h>

#include <fstream>

#include "base/temp_folder.h"

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("a stamp tells a file's size and time, a folder apart, a link by itself") {
  fs::path dir = MakeTempFolder("smsdoc-stamp-test");
  REQUIRE_FALSE(dir.empty());
  std::ofstream(dir / "a.md") << "12345";
  std::optional<FileStamp> a = StampOf(dir / "a.md");
  REQUIRE(a);
  CHECK(a->size == 5);
  fs::last_write_time(dir / "a.md", fs::last_write_time(dir / "a.md") - std::chrono::seconds(10));
  CHECK(StampOf(dir / "a.md")->modified_ns == a->modified_ns - 10'000'000'000LL);
  CHECK(StampOf(dir)->size == -1);
  fs::create_symlink("a.md", dir / "link.md");
  CHECK(StampOf(dir / "link.md")->size == 4);  // the link's own: the 4 bytes of "a.md"
  CHECK_FALSE(StampOf(dir / "none.md"));
  fs::remove_all(dir);
}

}  // namespace smsdoc
