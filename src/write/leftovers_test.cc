#include "write/leftovers.h"

#include <doctest/doctest.h>

#include <fstream>

#include "base/process.h"
#include "base/temp_folder.h"

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("RemoveLeftovers removes only what a process that is gone left") {
  fs::path tmp = MakeTempFolder("smsdoc-leftovers");
  REQUIRE_FALSE(tmp.empty());
  // No process has a 9-digit ID; process 1 always runs.
  for (const char* name : {".smsdoc-new-999999998", ".smsdoc-new-1", ".smsdoc-old-999999999",
                           ".smsdoc-new-12x", ".smsdoc-pack-999999997"})
    fs::create_directory(tmp / name);
  std::ofstream(tmp / ".smsdoc-pack-999999996.zip") << "zip";
  std::ofstream(tmp / (".smsdoc-new-" + std::to_string(ThisProcessId()))) << "this build's own";

  // The site is gone: its old copy may be the only one, so it stays.
  std::vector<std::string> removed = RemoveLeftovers(tmp, tmp / "site");
  CHECK(removed == std::vector<std::string>{
                       "removed '.smsdoc-new-999999998', left by a build that was killed",
                       "removed '.smsdoc-pack-999999996.zip', left by a build that was killed"});
  CHECK(fs::exists(tmp / ".smsdoc-old-999999999"));

  fs::create_directory(tmp / "site");
  removed = RemoveLeftovers(tmp, tmp / "site");
  CHECK(removed == std::vector<std::string>{
                       "removed '.smsdoc-old-999999999', left by a build that was killed"});
  for (const char* name : {".smsdoc-new-1", ".smsdoc-new-12x", ".smsdoc-pack-999999997", "site"})
    CHECK_MESSAGE(fs::exists(tmp / name), name);
  CHECK(fs::exists(tmp / (".smsdoc-new-" + std::to_string(ThisProcessId()))));
  fs::remove_all(tmp);
}

}  // namespace smsdoc
