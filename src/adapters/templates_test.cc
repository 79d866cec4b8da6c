#include "adapters/templates.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("templates escape text, pass *_html through and include partials") {
  TemplateSet set;
  CHECK(set.Add("page", "<h1>{{title}}</h1>{{{body_html}}}{{> partials/foot}}").empty());
  CHECK(set.Add("partials/foot", "<p>{{#items}}{{.}};{{/items}}</p>").empty());
  TemplateValue v;
  v.Set("title", "<img src=x onerror=alert(1)>");
  v.Set("body_html", "<p>ok</p>");
  TemplateValue items = TemplateValue::List();
  items.Push("a").Push("b");
  v.Set("items", items);
  std::string out, error;
  REQUIRE(set.Render("page", v, out, error));
  CHECK(out == "<h1>&lt;img src=x onerror=alert(1)&gt;</h1><p>ok</p><p>a;b;</p>");
}

TEST_CASE("a template that does not compile is reported") {
  TemplateSet set;
  CHECK_FALSE(set.Add("bad", "{{#open}} never closed").empty());
  std::string out, error;
  CHECK_FALSE(set.Render("bad", {}, out, error));  // not kept
  CHECK(error == "no template 'bad'");
}

TEST_CASE("the partials a template includes are found, also after a change of delimiters") {
  CHECK(PartialsIncluded("{{> a/b}} {{{x}}} {{! c }}{{>  d/e  }}") ==
        std::vector<PartialInclude>{{"a/b", 0}, {"d/e", 26}});
  CHECK(PartialsIncluded("{{=<% %>=}}{{> not}}<%> f/g%><%={{ }}=%>{{>h/i}}") ==
        std::vector<PartialInclude>{{"f/g", 20}, {"h/i", 40}});
  CHECK(PartialsIncluded("{{> never closed").empty());
}

}  // namespace smsdoc
