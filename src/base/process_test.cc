#include "base/process.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("this process exists, an ID no system hands out does not, and its executable is known") {
  CHECK(ThisProcessId() > 0);
  CHECK(ProcessExists(ThisProcessId()));
  CHECK(ProcessExists(1));  // init always runs
  CHECK_FALSE(ProcessExists(999999999));
  std::filesystem::path self = ThisExecutable();
  REQUIRE_FALSE(self.empty());
  CHECK(std::filesystem::is_regular_file(self));
}

}  // namespace smsdoc
