#include "load/kind_translations.h"

#include <doctest/doctest.h>

#include <set>

#include "base/embedded.h"
#include "load/kinds_loader.h"

namespace smsdoc {

namespace {
// The diagnostics of putting `table` on the built-in kinds.
Diagnostics Translate(const std::string& table, KindCatalogue& kinds) {
  Diagnostics d;
  kinds = BuiltinKinds();
  TranslateKinds(kinds, ParseYaml(table, "kinds.xx.yaml", 1, d), "kinds.xx.yaml", d);
  return d;
}
}  // namespace

TEST_CASE("kinds.de.yaml translates every built-in kind and field, and names no other") {
  const std::string path = "src/model/kinds.de.yaml";
  REQUIRE(!EmbeddedFile(path).empty());
  KindCatalogue kinds;
  Diagnostics d = Translate(std::string(EmbeddedFile(path)), kinds);
  std::string problems;
  for (const auto& item : d.items()) problems += FormatDiagnostic(item) + "\n";
  CHECK_MESSAGE(d.items().empty(), problems);
  // Every kind's title and every field's label is German: only words the
  // languages share (ID, Status, Person, ...) may equal the English.
  const std::set<std::string> shared = {"ID",   "Status",  "Person",  "Audit",
                                        "Name", "Auditor", "Services"};
  const KindCatalogue& english = BuiltinKinds();
  REQUIRE(kinds.kinds.size() == english.kinds.size());
  for (size_t k = 0; k < kinds.kinds.size(); ++k) {
    CHECK_MESSAGE(kinds.kinds[k].title != english.kinds[k].title, kinds.kinds[k].name);
    for (size_t f = 0; f < kinds.kinds[k].fields.size(); ++f) {
      const std::string& label = kinds.kinds[k].fields[f].label;
      if (shared.count(label)) continue;
      std::string where = kinds.kinds[k].name + "." + kinds.kinds[k].fields[f].name;
      CHECK_MESSAGE(label != english.kinds[k].fields[f].label, where);
    }
  }
  CHECK(kinds.Find("risk")->Field("likelihood")->label == "Eintrittswahrscheinlichkeit");
  CHECK(kinds.Find("person")->Field("title")->label == "Name");  // a kind's own over common's
  CHECK(kinds.Find("review")->Field("title")->label == "Titel");
  CHECK(BuiltinKindsIn("de").Find("risk")->title == "Risikoregister");
}

TEST_CASE("a language without a kinds table keeps the English kinds") {
  CHECK(BuiltinKindsIn("fr").Find("risk")->title == BuiltinKinds().Find("risk")->title);
  CHECK(BuiltinKindsIn("en").Find("risk")->Field("due")->label == "Treatment due");
}

TEST_CASE("a kinds table that misses a field or names an unknown one is an error") {
  KindCatalogue kinds;
  Diagnostics d = Translate(
      "kinds:\n  risk:\n    title: Risques\n    fields:\n      nope: Non\n"
      "  ghost:\n    title: Fantôme\n",
      kinds);
  std::string all;
  for (const auto& item : d.items()) all += FormatDiagnostic(item) + "\n";
  CHECK(all.find("kind 'risk' names field 'nope', which has none") != std::string::npos);
  CHECK(all.find("kind 'ghost' is not a built-in kind") != std::string::npos);
  CHECK(all.find("field 'likelihood' of kind 'risk' has no translated label") != std::string::npos);
  CHECK(all.find("kind 'person' needs a translated 'title'") != std::string::npos);
  // Kinds an SMS defines get the common fields from `common:`.
  CHECK(all.find("common field 'owner' has no translated label") != std::string::npos);
}

TEST_CASE("a label twice in one kind is an error: Excel names Table columns by it") {
  KindCatalogue kinds;
  Diagnostics d = Translate(
      "kinds:\n  review:\n    title: T\n    fields:\n      held: Am\n"
      "      inputs: am\n",
      kinds);
  std::string all;
  for (const auto& item : d.items()) all += FormatDiagnostic(item) + "\n";
  CHECK(all.find("kind 'review' has the label 'am' twice") != std::string::npos);
}

}  // namespace smsdoc
