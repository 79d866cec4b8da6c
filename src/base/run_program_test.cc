#include "base/run_program.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("a program runs with its arguments and gives back its exit code") {
  CHECK(IsExecutableFile("/bin/sh"));
  CHECK_FALSE(IsExecutableFile("/"));                   // a folder
  CHECK_FALSE(IsExecutableFile("/etc/hostname-none"));  // nothing
  CHECK(RunQuietly({"/bin/sh", "-c", "echo chatty; exit 3"}) == 3);
  CHECK(RunQuietly({"/bin/sh", "-c", "read x; exit 0"}) == 0);  // stdin is empty, not waited on
  CHECK(RunQuietly({"/no/such/program"}) == 127);
  CHECK(RunQuietly({}) == -1);
}

}  // namespace smsdoc
