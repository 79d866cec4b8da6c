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

TEST_CASE("control characters in a file name cannot split the line") {
  CHECK(FormatDiagnostic({"policies/two\nlines\t\x1b.md", {1, 1}, Severity::kError, "m", "c"}) ==
        "policies/two\\nlines\\t\\x1b.md:1:1: error: m [c]");
  CHECK(FormatDiagnostic({"a\\b\u0085\u2028.md", {}, Severity::kError, "m", "c"}) ==
        "a\\\\b\\u0085\\u2028.md: error: m [c]");
  CHECK(FormatDiagnostic({"caf\u00e9.md", {}, Severity::kError, "m", "c"}) ==
        "caf\u00e9.md: error: m [c]");  // letters stay as they are
}

TEST_CASE("a diagnostic without a position names just the file") {
  CHECK(FormatDiagnostic({"smsdoc.yaml", {}, Severity::kError, "cannot read", "io"}) ==
        "smsdoc.yaml: error: cannot read [io]");
}

}  // namespace smsdoc
