#include "base/exclusive_file.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "base/temp_folder.h"

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("an exclusive write creates a file, never over one, nor through a link") {
  fs::path dir = MakeTempFolder("smsdoc-exclusive-test");
  REQUIRE_FALSE(dir.empty());
  std::string error;
  CHECK(WriteExclusive(dir / "a.md", "first", error) == ExclusiveWrite::kWritten);
  CHECK(WriteExclusive(dir / "a.md", "second", error) == ExclusiveWrite::kExists);
  std::stringstream bytes;
  bytes << std::ifstream(dir / "a.md").rdbuf();
  CHECK(bytes.str() == "first");
  fs::create_symlink(dir / "nowhere.md", dir / "link.md");  // dangling: would create nowhere.md
  CHECK(WriteExclusive(dir / "link.md", "x", error) == ExclusiveWrite::kExists);
  CHECK_FALSE(fs::exists(dir / "nowhere.md"));
  CHECK(WriteExclusive(dir / "no-folder" / "b.md", "x", error) == ExclusiveWrite::kFailed);
  CHECK(error == "No such file or directory");
  fs::remove_all(dir);
}

}  // namespace smsdoc
