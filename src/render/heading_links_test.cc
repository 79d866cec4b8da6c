#include "render/heading_links.h"

#include <doctest/doctest.h>

#include "render/labels.h"
#include "render/navigation.h"

namespace smsdoc {

TEST_CASE("AddHeadingLinks ends each heading with a link to itself") {
  CHECK(AddHeadingLinks("<h2 id=\"scope\">Scope</h2>\n<p>x</p><h3 id=\"a-b\">A <em>b</em></h3>") ==
        "<h2 id=\"scope\">Scope<a class=\"heading-link\" href=\"#scope\" aria-label=\"Link to "
        "this section\">#</a></h2>\n<p>x</p><h3 id=\"a-b\">A <em>b</em><a "
        "class=\"heading-link\" href=\"#a-b\" aria-label=\"Link to this section\">#</a></h3>");
  // Headings without an id, and other tags starting with <h, stay as they are.
  CHECK(AddHeadingLinks("<hr><h2>Plain</h2><header>") == "<hr><h2>Plain</h2><header>");
}

TEST_CASE("PrefixHeadingIds prefixes heading ids and same-page links only") {
  CHECK(PrefixHeadingIds("<h1 id=\"x\">X</h1><a href=\"#x\">x</a><a href=\"other.html#x\">o</a>"
                         "<p id=\"keep\">",
                         "doc-A--") ==
        "<h1 id=\"doc-A--x\">X</h1><a href=\"#doc-A--x\">x</a><a href=\"other.html#x\">o</a>"
        "<p id=\"keep\">");
}

TEST_CASE("TypeHeading makes a group heading of a document type") {
  CHECK(TypeHeading("policy", EnglishLabels()) == "Policies");
  CHECK(TypeHeading("process", EnglishLabels()) == "Processes");
  CHECK(TypeHeading("plan", EnglishLabels()) == "Plans");
  CHECK(TypeHeading("", EnglishLabels()) == "Documents");
}

}  // namespace smsdoc
