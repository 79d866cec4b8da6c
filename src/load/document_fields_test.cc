#include <doctest/doctest.h>

#include "load/loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

Corpus Load(const std::string& config_extra, const std::string& front_matter, Diagnostics& d) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + config_extra);
  disk.Add("policies/x.md", testing::Doc("POL-X", front_matter));
  Corpus c = LoadCorpus(disk, 1, d);
  d.Sort();
  return c;
}

const Document& X(const Corpus& c) {
  for (const auto& doc : c.documents)
    if (doc.id == "POL-X") return doc;
  throw std::logic_error("no POL-X");
}

}  // namespace

TEST_CASE("document_fields are read with the record fields' types and rules") {
  Diagnostics d;
  Corpus c = Load(
      "document_fields:\n  updated: {type: date}\n  satisfies: {type: refs, label: Satisfies}\n",
      "updated: 2026-03-01\nsatisfies: [PRC-CHG]\n", d);
  CHECK(d.items().empty());
  const Document& doc = X(c);
  REQUIRE(doc.fields.size() == 2);
  CHECK(doc.fields[0].spec->name == "updated");
  CHECK(doc.fields[0].text == "2026-03-01");
  CHECK(doc.fields[1].items == std::vector<std::string>{"PRC-CHG"});
  bool linked = false;  // a ref field's IDs are references, checked by the link stage
  for (const auto& ref : doc.refs) linked |= ref.relation == "satisfies" && ref.target == "PRC-CHG";
  CHECK(linked);
}

TEST_CASE("a document field of the wrong type is an error at its value") {
  Diagnostics d;
  Load("document_fields: {updated: {type: date}}\n", "updated: soon\n", d);
  REQUIRE(d.items().size() == 1);
  CHECK(FormatDiagnostic(d.items()[0]) ==
        "policies/x.md:11:10: error: 'updated' must be a date YYYY-MM-DD, got 'soon' "
        "[field-date]");
}

TEST_CASE("a document field may not be a built-in field nor computed") {
  Diagnostics d;
  Load("document_fields:\n  owner: {type: text}\n  total: {type: score}\n", "", d);
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].code == "schema-field");
  CHECK(d.items()[0].message.find("built-in") != std::string::npos);
  CHECK(d.items()[1].code == "field-enum");  // score is not a document field type
}

TEST_CASE("unknown_fields: error by default, warn, or keep and show") {
  Diagnostics d1;
  Load("", "lang: en\n", d1);
  REQUIRE(d1.items().size() == 1);
  CHECK(d1.items()[0].code == "field-unknown");
  CHECK(d1.items()[0].severity == Severity::kError);

  Diagnostics d2;
  Corpus warned = Load("unknown_fields: warn\n", "lang: en\n", d2);
  REQUIRE(d2.items().size() == 1);
  CHECK(d2.items()[0].code == "field-undeclared");
  CHECK(d2.items()[0].severity == Severity::kWarning);
  CHECK(X(warned).kept.empty());

  Diagnostics d3;
  Corpus kept = Load("unknown_fields: keep\n",
                     "lang: en\ntranslated_from: [POL-1, {id: POL-2, lang: de}]\n", d3);
  CHECK(d3.items().empty());
  REQUIRE(X(kept).kept.size() == 2);
  CHECK(X(kept).kept[0].key == "lang");
  CHECK(X(kept).kept[1].text == "POL-1, {id: POL-2, lang: de}");

  Diagnostics d4;
  Load("unknown_fields: sometimes\n", "", d4);
  REQUIRE(d4.items().size() == 1);
  CHECK(d4.items()[0].code == "field-enum");
}

}  // namespace smsdoc
