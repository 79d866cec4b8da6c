#include "render/theme.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("partials that include each other are an error naming the cycle, and never render") {
  MemoryDisk user;
  user.Add("templates/partials/toc.mustache", "<ul>{{#toc}}{{> partials/toc}}{{/toc}}</ul>");
  user.Add("templates/partials/history.mustache", "<p>{{> partials/referenced-by }}</p>");
  // Other delimiters hide nothing.
  user.Add("templates/partials/referenced-by.mustache", "{{=<% %>=}}<%> partials/history%>");
  Diagnostics diags;
  Theme theme = LoadTheme(&user, "mytheme", diags);
  std::vector<Diagnostic> found = diags.items();
  REQUIRE(found.size() == 2);
  if (found[0].path > found[1].path) std::swap(found[0], found[1]);
  CHECK(found[0].path == "mytheme/templates/partials/history.mustache");
  CHECK(found[0].code == "template-cycle");
  CHECK(found[0].pos.line == 1);
  CHECK(found[0].pos.col == 4);  // the include of the next in the cycle
  CHECK(found[0].message ==
        "partials include each other without end: partials/history.mustache → "
        "partials/referenced-by.mustache → partials/history.mustache; rendering would never "
        "finish: remove one of these includes");
  CHECK(found[1].path == "mytheme/templates/partials/toc.mustache");
  CHECK(found[1].pos.col == 13);
  CHECK(found[1].message ==
        "partials include each other without end: partials/toc.mustache → "
        "partials/toc.mustache; rendering would never finish: remove one of these includes");
  // Were the cycle kept, this would overflow the stack.
  TemplateValue v;
  v.Set("toc", TemplateValue::List().Push(TemplateValue()));
  v.Set("has_toc", true);
  v.Set("has_history", true);
  std::string out, error;
  CHECK(theme.templates.Render("document", v, out, error));
}

TEST_CASE("the default theme has no cycle") {
  Diagnostics diags;
  LoadTheme(nullptr, "", diags);
  CHECK(diags.items().empty());
}

}  // namespace smsdoc
