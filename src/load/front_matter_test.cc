#include "load/front_matter.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("front matter is cut at its fences, with line numbers") {
  Diagnostics d;
  FrontMatter fm = SplitFrontMatter("---\nid: A\n---\n# Body\n", "a.md", d);
  REQUIRE(fm.ok);
  CHECK(fm.yaml == "id: A\n");
  CHECK(fm.yaml_first_line == 2);
  CHECK(fm.body == "# Body\n");
  CHECK(fm.body_first_line == 4);
  CHECK(d.items().empty());
}

TEST_CASE("a byte-order mark and CRLF line ends are accepted") {
  Diagnostics d;
  FrontMatter fm = SplitFrontMatter("\xEF\xBB\xBF---\r\nid: A\r\n---\r\nBody\r\n", "a.md", d);
  REQUIRE(fm.ok);
  CHECK(fm.body_first_line == 4);
  CHECK(fm.body == "Body\r\n");
}

TEST_CASE("missing and unclosed front matter are errors") {
  Diagnostics d;
  CHECK_FALSE(SplitFrontMatter("# Just markdown\n", "a.md", d).ok);
  CHECK_FALSE(SplitFrontMatter("---\nid: A\n# no close\n", "b.md", d).ok);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].code == "frontmatter-missing");
  CHECK(d.items()[1].code == "frontmatter-unclosed");
  CHECK(FormatDiagnostic(d.items()[1]) ==
        "b.md:1:1: error: front matter opened here is never closed with '---' "
        "[frontmatter-unclosed]");
}

}  // namespace smsdoc
