#include "base/temp_folder.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("each temporary folder is new, empty, this user's alone and named by its prefix") {
  fs::path a = MakeTempFolder("smsdoc-temp-test"), b = MakeTempFolder("smsdoc-temp-test");
  REQUIRE_FALSE(a.empty());
  REQUIRE_FALSE(b.empty());
  CHECK(a != b);
  CHECK(fs::equivalent(a.parent_path(), fs::temp_directory_path()));
  CHECK(a.filename().string().rfind("smsdoc-temp-test-", 0) == 0);
  CHECK(fs::is_empty(a));
  CHECK((fs::status(a).permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
  fs::remove_all(a);
  fs::remove_all(b);
}

}  // namespace smsdoc
