#include "adapters/markdown_complexity.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

}  // namespace

TEST_CASE("ordinary Markdown passes every limit") {
  std::string doc =
      "# Title\n\nText with *emphasis*, `code <?php`, a [link](a.md) and ![img](i.png).\n\n"
      "- item\n  continued\n  - nested [[POL-1]]\n\n    more\n\n> quote\n> > deeper\nlazy\n\n"
      "| a | b |\n|---|:-:|\n| 1 | 2 |\n| 3 |\n\n<!-- a comment -->\n\n```php\n<?php echo "
      "1;\n```\n";
  CHECK_FALSE(FindMarkdownTooComplex(Repeat(doc, 2000)));
  CHECK_FALSE(FindMarkdownTooComplex(""));
  // Just under each limit (the sizes docs/PERFORMANCE.md times).
  CHECK_FALSE(FindMarkdownTooComplex(Repeat(">", 32) + "a"));
  CHECK_FALSE(FindMarkdownTooComplex("a" + Repeat("<?", 10000)));
  CHECK_FALSE(FindMarkdownTooComplex(Repeat("![[]()", 5000)));
  CHECK_FALSE(FindMarkdownTooComplex("|" + Repeat("x|", 256) + "\n|" + Repeat("-|", 256) + "\n" +
                                     Repeat("a\n", 3000)));
}

TEST_CASE("deep nesting is refused at the marker past the limit (CVE-2023-24824)") {
  auto found = FindMarkdownTooComplex("intro\n\n" + Repeat(">", 40) + Repeat("a*", 40));
  REQUIRE(found);
  CHECK(found->line == 3);
  CHECK(found->col == 33);
  CHECK(found->message ==
        "block quotes and lists nested 33 deep; at most 32, since the Markdown parser "
        "(cmark-gfm 0.29) slows down with the depth of every line inside: nest less");
  auto lists = FindMarkdownTooComplex(Repeat(" -", 100) + "x\n");
  REQUIRE(lists);
  CHECK(lists->col == 66);
  std::string indented;
  for (int i = 0; i < 40; ++i) indented += std::string(2 * i, ' ') + "- a\n";
  auto by_indent = FindMarkdownTooComplex(indented);
  REQUIRE(by_indent);
  CHECK(by_indent->line == 33);
  CHECK(by_indent->col == 65);
  CHECK_FALSE(FindMarkdownTooComplex(Repeat("- - -\n", 100)));  // thematic breaks
}

TEST_CASE("blank and lazy lines inside nested lists are counted (CVE-2023-24824)") {
  // 29 lists open (the last "-x" is text), then blank lines: each walks all 29.
  std::string blank = Repeat(" -", 30) + "x" + std::string(2300000, '\n');
  auto found = FindMarkdownTooComplex(blank);
  REQUIRE(found);
  CHECK(found->line == 1);
  CHECK(found->col == 58);
  CHECK(found->message ==
        "blank and continuation lines inside lists and block quotes nested up to 29 deep keep "
        "the Markdown parser (cmark-gfm 0.29) busy too long (it walks the open lists at each "
        "line; over 64,000,000 steps in this file): end the lists sooner, nest less or split "
        "the file");
  CHECK_FALSE(FindMarkdownTooComplex(Repeat(" -", 30) + "x" + std::string(2000000, '\n')));
  CHECK_FALSE(FindMarkdownTooComplex(" -x" + std::string(3000000, '\n')));

  auto lazy = FindMarkdownTooComplex(Repeat(">", 20) + "x\n" + Repeat("a\n", 3300000));
  REQUIRE(lazy);
  CHECK(lazy->col == 20);
}

TEST_CASE("unclosed inline HTML is measured to the end of its paragraph (CVE-2023-22483/4)") {
  for (std::string opener : {"<?", "<!A ", "<![CDATA["}) {
    CAPTURE(opener);
    auto found = FindMarkdownTooComplex("para\n\nx " + Repeat(opener, 16000) + "\n");
    REQUIRE(found);
    CHECK(found->line == 3);
    CHECK(found->col == 3);
  }
  auto pi = FindMarkdownTooComplex("a" + Repeat("<?", 20000));
  REQUIRE(pi);
  CHECK(pi->message ==
        "'<?' is never closed by '?>' in this paragraph, nor are 19,999 more after it; the "
        "Markdown parser (cmark-gfm 0.29) rescans the rest of the paragraph for each (over "
        "256,000,000 bytes in this file): close them, or write '\\<'");
  // Closed ones cost nothing; paragraphs apart add up.
  CHECK_FALSE(FindMarkdownTooComplex(Repeat("<?x?> <!DOCTYPE x> <![CDATA[y]]> ", 200000)));
  CHECK(FindMarkdownTooComplex(Repeat("a" + Repeat("<?", 4000) + "\n\n", 40)));
  // In a fenced code block nothing is parsed, unless the fence's quote ends.
  CHECK_FALSE(FindMarkdownTooComplex("```\n" + Repeat("<?", 20000) + "\n```\n"));
  CHECK(FindMarkdownTooComplex("> ```\n" + Repeat("<?", 20000) + "\n"));
  CHECK(FindMarkdownTooComplex("``` a`b\n" + Repeat("<?", 20000) + "\n"));
}

TEST_CASE("open images walked at every link are counted (CVE-2023-22486)") {
  auto found = FindMarkdownTooComplex("text\n" + Repeat("![[]()", 6000));
  REQUIRE(found);
  CHECK(found->line == 2);
  CHECK(found->col == 1);
  CHECK(Contains(found->message, "images '![' are open where a link closes"));
  CHECK_FALSE(FindMarkdownTooComplex(Repeat("![a](b.png) [c](d) ", 500000)));
  CHECK_FALSE(FindMarkdownTooComplex(Repeat("\\![[]()", 6000)));
}

TEST_CASE("tables are bounded in columns and cells (CVE-2023-37463)") {
  auto wide = FindMarkdownTooComplex("intro\n\n|" + Repeat("x|", 300) + "\n|" + Repeat("-|", 300));
  REQUIRE(wide);
  CHECK(wide->line == 3);
  CHECK(wide->col == 1);
  CHECK(Contains(wide->message, "table of 300 columns; at most 256"));
  // Short rows are filled up to the header's columns.
  auto cells = FindMarkdownTooComplex("- |" + Repeat("x|", 200) + "\n  |" + Repeat("-|", 200) +
                                      "\n" + Repeat("  a\n", 5000));
  REQUIRE(cells);
  CHECK(cells->line == 1);
  CHECK(cells->col == 3);
  CHECK(Contains(cells->message, "cells of the file's tables to 1,000,200 (rows"));
  CHECK_FALSE(FindMarkdownTooComplex(Repeat("| a | b |\n|---|---|\n| 1 | 2 |\n\n", 100000)));
}

TEST_CASE("the limits can be set") {
  MarkdownLimits tight;
  tight.nesting = 2;
  CHECK(FindMarkdownTooComplex("> > > a", tight));
  CHECK_FALSE(FindMarkdownTooComplex("> > a", tight));
}

}  // namespace smsdoc
