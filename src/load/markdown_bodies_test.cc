#include "load/markdown_bodies.h"

#include <doctest/doctest.h>

#include "adapters/markdown.h"

namespace smsdoc {

TEST_CASE("RenderBodies: the same bodies and diagnostics on one process or several") {
  std::vector<PendingBody> bodies;
  for (int i = 0; i < 60; ++i) {
    std::string md =
        "# Heading " + std::to_string(i) + "\n\nSee [[POL-" + std::to_string(i) +
        "]] and [a](other.md#part?x) and ~~gone~~.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    if (i % 10 == 0) md += "<b>raw</b> and [bad](javascript:alert(1))\n";
    md += std::string(20000, 'z') + "\n";  // past the size worth forking for
    bodies.push_back({"policies/p" + std::to_string(i) + ".md", md, 4 + i});
  }
  std::vector<Diagnostics> one_diags, many_diags;
  std::vector<Body> one = RenderBodies(bodies, false, 1, one_diags);
  std::vector<Body> many = RenderBodies(bodies, false, 3, many_diags);
  REQUIRE(one.size() == 60);
  REQUIRE(many.size() == 60);
  for (size_t i = 0; i < one.size(); ++i) {
    CAPTURE(i);
    Diagnostics direct;
    Body expected =
        RenderMarkdown(bodies[i].markdown, {bodies[i].first_line, false, bodies[i].path}, &direct);
    for (const Body* b : {&one[i], &many[i]}) {
      CHECK(b->html == expected.html);
      REQUIRE(b->headings.size() == expected.headings.size());
      CHECK(b->headings[0].text == expected.headings[0].text);
      CHECK(b->headings[0].anchor == expected.headings[0].anchor);
      REQUIRE(b->links.size() == expected.links.size());
      for (size_t l = 0; l < b->links.size(); ++l) {
        CHECK(b->links[l].kind == expected.links[l].kind);
        CHECK(b->links[l].target == expected.links[l].target);
        CHECK(b->links[l].anchor == expected.links[l].anchor);
        CHECK(b->links[l].suffix == expected.links[l].suffix);
        CHECK(b->links[l].show_title == expected.links[l].show_title);
        CHECK(b->links[l].pos.line == expected.links[l].pos.line);
        CHECK(b->links[l].pos.col == expected.links[l].pos.col);
      }
    }
    for (const Diagnostics* d : {&one_diags[i], &many_diags[i]}) {
      REQUIRE(d->items().size() == direct.items().size());
      for (size_t k = 0; k < d->items().size(); ++k)
        CHECK(FormatDiagnostic(d->items()[k]) == FormatDiagnostic(direct.items()[k]));
    }
    CHECK(one_diags[i].items().size() == (i % 10 == 0 ? 2u : 0u));
  }
}

}  // namespace smsdoc
