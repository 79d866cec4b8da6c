#include "base/diagnostics.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("diagnostics print GCC style and sort by file and position") {
  Diagnostics d;
  d.Warning("b.md", {3, 1}, "later file", "w");
  d.Error("a.md", {10, 2}, "second", "e2");
  d.Error("a.md", {2, 5}, "first", "e1");
  d.Error("a.md", {2, 5}, "first", "e1");  // same problem twice: kept once
  d.Sort();
  REQUIRE(d.items().size() == 3);
  CHECK(FormatDiagnostic(d.items()[0]) == "a.md:2:5: error: first [e1]");
  CHECK(FormatDiagnostic(d.items()[1]) == "a.md:10:2: error: second [e2]");
  CHECK(FormatDiagnostic(d.items()[2]) == "b.md:3:1: warning: later file [w]");
  CHECK(d.ErrorCount() == 2);
  CHECK(d.WarningCount() == 1);
}

TEST_CASE("a diagnostic without a position names just the file") {
  CHECK(FormatDiagnostic({"smsdoc.yaml", {}, Severity::kError, "cannot read", "io"}) ==
        "smsdoc.yaml: error: cannot read [io]");
}

}  // namespace smsdoc
