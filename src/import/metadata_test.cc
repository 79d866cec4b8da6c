#include "import/metadata.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("front matter, a leading YAML block or nothing; the body is the rest as it was") {
  SourceParts fm = SplitSource("---\ntitle: A\n---\n# A\n\nText\n");
  CHECK(fm.kind == SourceParts::Kind::kFrontMatter);
  CHECK(fm.yaml == "title: A\n");
  CHECK(fm.body == "# A\n\nText\n");

  SourceParts crlf = SplitSource("\xEF\xBB\xBF---\r\na: 1\r\n...\r\nBody\r\n");
  CHECK(crlf.kind == SourceParts::Kind::kFrontMatter);
  CHECK(crlf.body == "Body\r\n");

  SourceParts leading = SplitSource("owner: Jane\nsatisfies:\n  - 8.5\n\n# Title\n");
  CHECK(leading.kind == SourceParts::Kind::kLeadingYaml);
  CHECK(leading.yaml == "owner: Jane\nsatisfies:\n  - 8.5\n");
  CHECK(leading.body == "# Title\n");

  CHECK(SplitSource("# Title\n\nowner: x\n").kind == SourceParts::Kind::kNone);
  CHECK(SplitSource("Note: a sentence\nthat goes on\n\n").kind == SourceParts::Kind::kNone);
  SourceParts open = SplitSource("---\ntitle: A\n");
  CHECK(open.unclosed);
  CHECK(open.body == "---\ntitle: A\n");
}

TEST_CASE("the first level-1 heading outside code is the title") {
  CHECK(FirstHeading("Intro\n\n# \xC3\x84nderung ##\n# Second\n") == "\xC3\x84nderung");
  CHECK(FirstHeading("```\n# not this\n```\n## Sub\n# This\n") == "This");
  CHECK(FirstHeading("#hashtag\n") == "");
  CHECK(FirstHeading("    # code\n") == "");
}

}  // namespace smsdoc
