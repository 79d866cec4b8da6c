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
  Body r = RenderMarkdown(
      "Intro line.\n\nSee [[POL-1]] and [[PRC-CHG#scope|the change process]].\n", {5, false});
  REQUIRE(r.links.size() == 2);
  CHECK(r.links[0].target == "POL-1");
  CHECK(r.links[0].pos.line == 7);
  CHECK(r.links[0].pos.col == 5);
  CHECK(r.links[1].target == "PRC-CHG");
  CHECK(r.links[1].anchor == "scope");
  CHECK(r.links[1].pos.col == 19);
  CHECK(Contains(r.html, "<a href=\"%3Csmsdoc:1%3E\">the change process</a>"));
  CHECK(r.links[0].show_title);
  CHECK(Contains(r.html, "<a href=\"%3Csmsdoc:0%3E\"></a>"));
}

TEST_CASE("wiki links inside code are left alone; a table cell takes \\|") {
  Body r = RenderMarkdown("`[[NOT-A-LINK]]`\n\n| a | b |\n|---|---|\n| [[X-1\\|label]] | y |\n",
                          {1, false});
  REQUIRE(r.links.size() == 1);
  CHECK(r.links[0].target == "X-1");
  CHECK(r.links[0].pos.line == 5);
  CHECK(Contains(r.html, "<code>[[NOT-A-LINK]]</code>"));
  CHECK(Contains(r.html, ">label</a>"));
}

TEST_CASE("relative links and images are collected; external ones are not") {
  Body r = RenderMarkdown(
      "[a](change.md#scope) [b](https://example.com/x.md) ![c](img/diagram%201.png) "
      "[d](#local)\n",
      {1, false});
  REQUIRE(r.links.size() == 3);
  CHECK(r.links[0].kind == BodyLink::Kind::kPath);
  CHECK(r.links[0].target == "change.md");
  CHECK(r.links[0].anchor == "scope");
  CHECK(r.links[0].pos.col == 1);
  CHECK(r.links[1].target == "img/diagram 1.png");
  CHECK(r.links[2].target.empty());
  CHECK(r.links[2].anchor == "local");
  CHECK(Contains(r.html, "href=\"https://example.com/x.md\""));
}

TEST_CASE("headings get unique anchors and keep inline markup") {
  Body r = RenderMarkdown("# Title\n\n## Scope\n\n## Scope\n\n### The *real* scope\n", {3, false});
  REQUIRE(r.headings.size() == 4);
  CHECK(r.headings[1].anchor == "scope");
  CHECK(r.headings[2].anchor == "scope-1");
  CHECK(r.headings[3].anchor == "the-real-scope");
  CHECK(Contains(r.html, "<h2 id=\"scope-1\">Scope</h2>"));
  CHECK(Contains(r.html, "<h3 id=\"the-real-scope\">The <em>real</em> scope</h3>"));
}

TEST_CASE("columns come from the source line, past escapes and entities") {
  Body r = RenderMarkdown("Emph *x* and \\[[NOT-1]] and &amp; [[POL-0X]].\n", {1, false});
  REQUIRE(r.links.size() == 1);  // \\[[ is an escape: no link
  CHECK(r.links[0].target == "POL-0X");
  CHECK(r.links[0].pos.col == 35);
  CHECK(Contains(r.html, "[[NOT-1]]"));

  Body t = RenderMarkdown("| a |\n|---|\n| x &amp; [[POL-0Y\\|t]] |\n", {1, false});
  REQUIRE(t.links.size() == 1);
  CHECK(t.links[0].pos.col == 11);

  Body c = RenderMarkdown("para\n  indented [[QE]] and [link](nope.md)\n", {1, false});
  REQUIRE(c.links.size() == 2);
  CHECK(c.links[0].pos.col == 12);
  CHECK(c.links[1].pos.col == 23);
}

TEST_CASE("an escaped \\[[ is never a link, and every link on a line has its own column") {
  const std::pair<const char*, std::vector<std::pair<std::string, int>>> cases[] = {
      {"[[A-1]] and \\[[NOT-1]] and [[B-2]]\n", {{"A-1", 1}, {"B-2", 28}}},
      {"[[A-1]]\\[[NOT-1]][[B-2]]\n", {{"A-1", 1}, {"B-2", 18}}},
      {"\\[[NOT-1]] [[A-1]] \\[[NOT-2]] [[B-2]]\n", {{"A-1", 12}, {"B-2", 31}}},
      {"[[A-1]] \\[\\[NOT-1]] [[B-2]]\n", {{"A-1", 1}, {"B-2", 21}}},
      {"[[A-1]] \\[[[B-2]]\n", {{"A-1", 1}, {"B-2", 11}}},
      {"[[A-1]] [\\[NOT-1]] [[B-2]]\n", {{"A-1", 1}, {"B-2", 20}}},
      {"*[[A-1]]* \\[[NOT-1]] `[[NOT-2]]` [[B-2]]\n", {{"A-1", 2}, {"B-2", 34}}},
      {"[[A-1]] &#91;&#91;NOT-1]] [[B-2]]\n", {{"A-1", 1}, {"B-2", 27}}},
  };
  for (const auto& [source, expected] : cases) {
    std::string text = source;
    CAPTURE(text);
    Body r = RenderMarkdown(source, {1, false});
    REQUIRE(r.links.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
      CHECK(r.links[i].target == expected[i].first);
      CHECK(r.links[i].pos.col == expected[i].second);
    }
    CHECK_FALSE(Contains(r.html, "NOT-1</a>"));
  }
}

TEST_CASE("a relative link keeps its query and fragment as written") {
  Body r = RenderMarkdown(
      "[m](manual.pdf#page=3) [q](file.pdf?x=1&y=%20#top) [p](change.md?v=2#scope) [n](a.pdf)\n",
      {1, false});
  REQUIRE(r.links.size() == 4);
  CHECK(r.links[0].target == "manual.pdf");
  CHECK(r.links[0].suffix == "#page=3");
  CHECK(r.links[0].anchor == "page=3");
  CHECK(r.links[1].target == "file.pdf");
  CHECK(r.links[1].suffix == "?x=1&y=%20#top");
  CHECK(r.links[2].target == "change.md");
  CHECK(r.links[2].suffix == "?v=2#scope");
  CHECK(r.links[2].anchor == "scope");
  CHECK(r.links[3].suffix.empty());
}

TEST_CASE("text that looks like a placeholder never renders as one") {
  Body r = RenderMarkdown(
      "`=\"%3Csmsdoc:0%3E\"` and href=\"%3Csmsdoc:0%3E\" "
      "[x](https://e.example/%3Csmsdoc:0%3E) [[X]]\n",
      {1, false});
  REQUIRE(r.links.size() == 1);
  size_t found = 0;
  for (size_t at = 0; (at = r.html.find("=\"%3Csmsdoc:", at)) != std::string::npos; ++at) ++found;
  CHECK(found == 1);
}

TEST_CASE("a wiki link in a heading reads as its ID in the anchor") {
  Body r = RenderMarkdown("## See [[POL-SM-01]] for more\n", {1, false});
  REQUIRE(r.headings.size() == 1);
  CHECK(r.headings[0].anchor == "see-pol-sm-01-for-more");
  CHECK(r.headings[0].text == "See POL-SM-01 for more");
}

TEST_CASE("[[#anchor]] links within the page") {
  Body r = RenderMarkdown("[[#scope|see scope]]\n", {1, false});
  REQUIRE(r.links.size() == 1);
  CHECK(r.links[0].kind == BodyLink::Kind::kPath);
  CHECK(r.links[0].target.empty());
  CHECK(r.links[0].anchor == "scope");
}

TEST_CASE("GFM extensions render") {
  Body r = RenderMarkdown(
      "~~old~~ www.example.com\n\n- [x] done\n- [ ] open\n\n| a |\n|---|\n| 1 |\n", {1, false});
  CHECK(Contains(r.html, "<del>old</del>"));
  CHECK(Contains(r.html, "<a href=\"http://www.example.com\">"));
  CHECK(Contains(r.html, "type=\"checkbox\""));
  CHECK(Contains(r.html, "checked=\"\" disabled=\"\" aria-label=\"done\""));
  CHECK(Contains(r.html, "<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\""));
  CHECK(Contains(r.html, "<table>"));
  // Tables scroll in a focusable region of their own.
  CHECK(Contains(r.html,
                 "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
                 "aria-label=\"Table\">\n<table>"));
  CHECK(Contains(r.html, "</table>\n</div>"));
}

TEST_CASE("fenced code names its language as CommonMark does") {
  Body r = RenderMarkdown("```yaml\nkey: 1\n```\n", {1, false});
  CHECK(Contains(r.html, "<pre><code class=\"language-yaml\">"));
  CHECK(!Contains(r.html, "lang="));
}

TEST_CASE("raw HTML is shown as text unless allowed, with one warning per file") {
  const char* text =
      "Intro.\n\n<script>alert(1)</script>\n\nHi <b onclick=\"x()\">there</b> <!-- note -->\n";
  Diagnostics diags;
  Body safe = RenderMarkdown(text, {10, false, "p.md"}, &diags);
  CHECK_FALSE(Contains(safe.html, "<script"));
  CHECK_FALSE(Contains(safe.html, "<b "));
  CHECK(Contains(safe.html, "<pre><code>&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>"));
  CHECK(Contains(safe.html, "Hi &lt;b onclick=&quot;x()&quot;&gt;there&lt;/b&gt;"));
  CHECK_FALSE(Contains(safe.html, "note"));  // a comment is dropped, not shown
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.path == "p.md");
  CHECK(d.severity == Severity::kWarning);
  CHECK(d.code == "raw-html-text");
  CHECK(d.pos.line == 12);
  CHECK(d.pos.col == 1);
  CHECK(Contains(d.message, "'<script>' is shown as text, not rendered (3 uses in this file)"));

  Diagnostics allowed;
  Body raw = RenderMarkdown(text, {10, true, "p.md"}, &allowed);
  CHECK(Contains(raw.html, "<b onclick"));
  CHECK(Contains(raw.html, "<!-- note -->"));
  CHECK_FALSE(Contains(raw.html, "<script>"));  // tagfilter still applies
  REQUIRE(allowed.items().size() == 1);
  CHECK(allowed.items()[0].code == "raw-html");
  CHECK(allowed.items()[0].pos.line == 12);
}

TEST_CASE("the raw HTML warning points at the first tag in the file") {
  Diagnostics diags;
  RenderMarkdown("para\n  x <iframe src=\"https://e.example\"></iframe>\n", {1, false, "p.md"},
                 &diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].pos.line == 2);
  CHECK(diags.items()[0].pos.col == 5);
  CHECK(Contains(diags.items()[0].message, "'<iframe src=\"https://e.example\">'"));

  Diagnostics none;
  RenderMarkdown("a < b and `<b>` and\n\n    <b>code</b>\n", {1, false, "p.md"}, &none);
  CHECK(none.items().empty());
}

TEST_CASE("links and images to script, data and file URLs keep only their text") {
  const char* text =
      "[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z]( java&#x09;script:alert(1))\n"
      "![alt](data:image/png;base64,AAAA) [v](vbscript:msgbox) <javascript:alert(2)>\n"
      "[f](file:///etc/passwd) [ok](https://e.example/javascript:x) [rel](javascript.md)\n";
  for (bool allow : {false, true}) {
    Diagnostics diags;
    Body r = RenderMarkdown(text, {1, allow, "p.md"}, &diags);
    CHECK_FALSE(Contains(r.html, "href=\"javascript"));
    CHECK_FALSE(Contains(r.html, "data:"));
    CHECK_FALSE(Contains(r.html, "<img"));
    CHECK_FALSE(Contains(r.html, "file:"));
    CHECK(Contains(r.html, "<p>x y z\nalt v javascript:alert(2)\nf "));
    CHECK(Contains(r.html, "href=\"https://e.example/javascript:x\""));
    REQUIRE(r.links.size() == 1);
    CHECK(r.links[0].target == "javascript.md");
    REQUIRE(diags.items().size() == 7);
    CHECK(diags.items()[0].code == "url-blocked");
    CHECK(diags.items()[0].message ==
          "link to a 'javascript:' URL removed; only its text is shown");
    CHECK(diags.items()[3].message == "image to a 'data:' URL removed; only its alt text is shown");
    CHECK(diags.items()[3].pos.line == 2);
    CHECK(diags.items()[3].pos.col == 1);
    CHECK(diags.items()[5].pos.col == 57);  // the autolink's '<'
  }
}

TEST_CASE("an image from another host becomes a link to it, with a warning") {
  Diagnostics diags;
  Body r = RenderMarkdown(
      "Logo: ![the logo](https://cdn.example/logo.png \"Logo\") and ![](//cdn.example/x.png)\n"
      "[![badge](http://ci.example/b.svg)](https://ci.example) ![local](img/a.png)\n",
      {4, false, "p.md"}, &diags);
  CHECK_FALSE(Contains(r.html, "<img src=\"http"));
  CHECK_FALSE(Contains(r.html, "<img src=\"//"));
  CHECK(Contains(r.html, "<a href=\"https://cdn.example/logo.png\" title=\"Logo\">the logo</a>"));
  CHECK(Contains(r.html, "<a href=\"//cdn.example/x.png\">//cdn.example/x.png</a>"));
  CHECK(Contains(r.html, "<a href=\"https://ci.example\">badge</a>"));  // no link in a link
  CHECK(Contains(r.html, "<img src=\"%3Csmsdoc:0%3E\" alt=\"local\" />"));
  REQUIRE(diags.items().size() == 3);
  CHECK(diags.items()[0].code == "url-remote");
  CHECK(diags.items()[0].pos.line == 4);
  CHECK(diags.items()[0].pos.col == 7);
  CHECK(diags.items()[0].message ==
        "image 'https://cdn.example/logo.png' is on another host and pages load nothing from "
        "outside the site: a link to it is shown; copy the image into the SMS and link it by a "
        "relative path");
  CHECK(diags.items()[1].pos.col == 60);
  CHECK(diags.items()[2].pos.line == 5);
  CHECK(diags.items()[2].pos.col == 2);
  CHECK(Contains(diags.items()[2].message, "only its alt text is shown"));
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
