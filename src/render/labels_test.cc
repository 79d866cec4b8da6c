#include "render/labels.h"

#include <doctest/doctest.h>

#include "render/theme.h"

namespace smsdoc {

namespace {

const LabelSources kSources = {
    {"en", {{"themes/default/labels/en.yaml", "documents: Documents\nsearch: Search\n"}}},
    {"de", {{"themes/default/labels/de.yaml", "documents: Dokumente\nsearch: Suche\n"}}}};

}  // namespace

TEST_CASE("labels: the chosen language's table, a user's table over it key by key") {
  LabelSources sources = kSources;
  sources["de"].push_back({"theme/labels/de.yaml", "search: Finden\n"});
  Diagnostics diags;
  Labels labels = ChooseLabels(sources, "de", {3, 11}, diags);
  CHECK(diags.items().empty());
  CHECK(labels.language == "de");
  CHECK(labels("documents") == "Dokumente");
  CHECK(labels("search") == "Finden");
  CHECK_THROWS_AS(labels("nothing"), std::logic_error);
}

TEST_CASE("labels: a language without a table is an error at `language:` naming those there are") {
  Diagnostics diags;
  Labels labels = ChooseLabels(kSources, "dee", {7, 11}, diags);
  REQUIRE(diags.items().size() == 1);
  const Diagnostic& d = diags.items()[0];
  CHECK(d.path == "smsdoc.yaml");
  CHECK(d.pos.line == 7);
  CHECK(d.code == "config-language");
  CHECK(d.message ==
        "no label table for language 'dee'; the theme has de, en (did you mean 'de'?) (add "
        "labels/dee.yaml to a theme: docs/themes.md#languages)");
  CHECK(labels("search") == "Search");  // the rest of the build goes on in English
}

TEST_CASE("labels: a table lacking English keys is an error naming them; unknown keys warn") {
  LabelSources sources = kSources;
  sources["fr"] = {{"theme/labels/fr.yaml", "documents: Documents\nserch: Rechercher\n"}};
  Diagnostics diags;
  ChooseLabels(sources, "fr", {}, diags);
  REQUIRE(diags.items().size() == 2);
  CHECK(diags.items()[0].code == "theme-unused");
  CHECK(diags.items()[0].message == "label 'serch' is not used by smsdoc (did you mean 'search'?)");
  CHECK(diags.items()[1].code == "theme-labels");
  CHECK(diags.items()[1].path == "theme/labels/fr.yaml");
  CHECK(diags.items()[1].message ==
        "the 'fr' labels lack 1 key(s) the English table has: search; add them "
        "(docs/themes.md#languages)");
}

TEST_CASE("labels: texts are plain: markup and quotes are refused") {
  LabelSources sources = kSources;
  sources["de"].push_back({"theme/labels/de.yaml", "search: <b>Suche</b>\n"});
  Diagnostics diags;
  Labels labels = ChooseLabels(sources, "de", {}, diags);
  REQUIRE(diags.items().size() == 1);
  CHECK(diags.items()[0].code == "theme-labels");
  CHECK(diags.items()[0].pos.line == 1);
  CHECK(labels("search") == "Suche");
}

TEST_CASE("labels: the default theme's tables are complete and German is chosen by the theme") {
  Diagnostics diags;
  Theme theme = LoadTheme(nullptr, "", diags, "de", {});
  CHECK(diags.items().empty());
  CHECK(theme.labels.language == "de");
  CHECK(theme.labels.text.size() == EnglishLabels().text.size());
  CHECK(EnglishLabels()("nav_home") == "Home");
  CHECK(EnglishLabels().Format("map_neighbourhood_title", {{"id", "PRC-01"}}) ==
        "PRC-01 and the processes it interfaces with");
}

}  // namespace smsdoc

namespace smsdoc {

TEST_CASE("labels: a template gets the labels it and its partials name, no others") {
  CHECK(LabelKeysNamed("<h1>{{{l.documents}}}</h1>{{l.search}} {{html.x}} {{title}} l.") ==
        std::set<std::string>{"documents", "search"});
  Diagnostics diags;
  MemoryDisk user;
  user.Add("templates/partials/toc.mustache", "<nav>{{{l.contents}}}</nav>");
  Theme theme = LoadTheme(&user, "mytheme", diags, "de", {});
  const TemplateValue& document = theme.labels_of.at("document");
  CHECK(document.Find("contents")->text == "Inhalt");  // through partials/toc
  CHECK(document.Find("purpose")->text == "Zweck");
  CHECK(document.Find("nav_home") == nullptr);  // C++'s, not the template's
  CHECK(theme.labels_of.at("partials/register-row").keys.empty());
}

}  // namespace smsdoc
