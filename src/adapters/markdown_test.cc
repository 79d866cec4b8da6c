#include "adapters/markdown.h"

#include <doctest/doctest.h>

#include <thread>

namespace smsdoc {

namespace {
bool Contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}
}  // namespace

TEST_CASE("[[ID]] links are extracted with their file position") {
  MarkdownResult r = RenderMarkdown(
      "Intro line.\n\nSee [[POL-1]] and [[PRC-CHG#scope|the change process]].\n",
      {5, false});
  REQUIRE(r.links.size() == 2);
  CHECK(r.links[0].target == "POL-1");
  CHECK_FALSE(r.links[0].has_text);
  CHECK(r.links[0].pos.line == 7);
  CHECK(r.links[0].pos.col == 5);
  CHECK(r.links[1].target == "PRC-CHG");
  CHECK(r.links[1].anchor == "scope");
  CHECK(r.links[1].pos.col == 19);
  CHECK(Contains(r.html, "<a href=\"smsdoc-link:1\">the change process</a>"));
  CHECK(Contains(r.html, "<a href=\"smsdoc-link:0\">" + LinkTitlePlaceholder(0) + "</a>"));
}

TEST_CASE("wiki links inside code are left alone; a table cell takes \\|") {
  MarkdownResult r = RenderMarkdown(
      "`[[NOT-A-LINK]]`\n\n| a | b |\n|---|---|\n| [[X-1\\|label]] | y |\n", {1, false});
  REQUIRE(r.links.size() == 1);
  CHECK(r.links[0].target == "X-1");
  CHECK(r.links[0].pos.line == 5);
  CHECK(Contains(r.html, "<code>[[NOT-A-LINK]]</code>"));
  CHECK(Contains(r.html, ">label</a>"));
}

TEST_CASE("relative links and images are collected; external ones are not") {
  MarkdownResult r = RenderMarkdown(
      "[a](change.md#scope) [b](https://example.com/x.md) ![c](img/diagram%201.png) "
      "[d](#local)\n",
      {1, false});
  REQUIRE(r.links.size() == 3);
  CHECK(r.links[0].kind == MarkdownLink::Kind::kPath);
  CHECK(r.links[0].target == "change.md");
  CHECK(r.links[0].anchor == "scope");
  CHECK(r.links[0].pos.col == 1);
  CHECK(r.links[1].target == "img/diagram 1.png");
  CHECK(r.links[2].target.empty());
  CHECK(r.links[2].anchor == "local");
  CHECK(Contains(r.html, "href=\"https://example.com/x.md\""));
}

TEST_CASE("headings get unique anchors and keep inline markup") {
  MarkdownResult r = RenderMarkdown("# Title\n\n## Scope\n\n## Scope\n\n### The *real* scope\n",
                                    {3, false});
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[1].anchor == "scope");
  CHECK(r.headings[2].anchor == "scope-1");
  CHECK(r.headings[3].anchor == "the-real-scope");
  CHECK(r.headings[3].line == 9);
  CHECK(Contains(r.html, "<h2 id=\"scope-1\">Scope</h2>"));
  CHECK(Contains(r.html, "<h3 id=\"the-real-scope\">The <em>real</em> scope</h3>"));
}

TEST_CASE("GFM extensions render") {
  MarkdownResult r = RenderMarkdown(
      "~~old~~ www.example.com\n\n- [x] done\n- [ ] open\n\n| a |\n|---|\n| 1 |\n", {1, false});
  CHECK(Contains(r.html, "<del>old</del>"));
  CHECK(Contains(r.html, "<a href=\"http://www.example.com\">"));
  CHECK(Contains(r.html, "type=\"checkbox\""));
  CHECK(Contains(r.html, "<table>"));
}

TEST_CASE("raw HTML is dropped unless allowed") {
  const char* text = "<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b>\n";
  MarkdownResult safe = RenderMarkdown(text, {1, false});
  CHECK_FALSE(Contains(safe.html, "<script"));
  CHECK_FALSE(Contains(safe.html, "onclick"));
  MarkdownResult raw = RenderMarkdown(text, {1, true});
  CHECK(Contains(raw.html, "<b onclick"));
  CHECK_FALSE(Contains(raw.html, "<script>"));  // tagfilter still applies
}

TEST_CASE("javascript: links never reach the page") {
  MarkdownResult r = RenderMarkdown("[x](javascript:alert(1))\n", {1, false});
  CHECK_FALSE(Contains(r.html, "javascript:"));
}

TEST_CASE("parsing from several threads loses no GFM syntax") {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "~~gone " + std::to_string(i) + "~~ and | a |\n\n";
  std::string expected = RenderMarkdown(text, {1, false}).html;
  std::vector<std::string> results(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&, t] {
      for (int k = 0; k < 25; ++k) {
        std::string html = RenderMarkdown(text, {1, false}).html;
        if (html != expected) results[t] = html;
      }
    });
  for (auto& th : threads) th.join();
  for (const auto& r : results) CHECK(r.empty());
}

}  // namespace smsdoc
