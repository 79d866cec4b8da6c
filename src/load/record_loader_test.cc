#include "load/record_loader.h"

#include <doctest/doctest.h>

#include "adapters/yaml.h"
#include "load/config_loader.h"
#include "load/kinds_loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {
// A schema of the common fields plus `kinds` (YAML under `kinds:`).
KindCatalogue TestKinds(const std::string& kinds) {
  Diagnostics d;
  YamlNode schema = ParseYaml(
      "common:\n  id: {type: id, required: true}\n  kind: {type: kind, required: true}\n"
      "  title: {type: text, required: true}\n  status: {type: status}\nkinds:\n" +
          kinds,
      "kinds.yaml", 1, d);
  KindCatalogue out = ParseKinds(schema, "kinds.yaml", d);
  REQUIRE(d.items().empty());
  return out;
}

Config TestConfig() {
  Diagnostics d;
  return ParseConfig(ParseYaml(testing::kConfig, "smsdoc.yaml", 1, d), d);
}
}  // namespace

TEST_CASE("a file of comments warns; an explicit empty list is an empty register") {
  for (const char* text : {"# nothing yet\n", "", "# an example:\n# - id: RSK-1\n[]\n"}) {
    Diagnostics d;
    bool complete = false;
    auto records = LoadRecords("records/r.yaml", text, TestConfig(), BuiltinKinds(), d, complete);
    CHECK(records.empty());
    CHECK(complete);
    bool is_list = std::string(text).find("[]") != std::string::npos;
    CHECK(d.items().size() == (is_list ? 0 : 1));
    if (!is_list) CHECK(d.items()[0].code == "record-empty");
  }
}

TEST_CASE("a list of records is validated against each kind's schema") {
  Diagnostics d;
  bool complete = false;
  auto records =
      LoadRecords("records/r.yaml",
                  "- id: RSK-1\n  kind: risk\n  title: Outage\n  status: open\n  likelihood: 4\n"
                  "  impact: 5\n  owner: sms-manager\n  actions: [ACT-1]\n  type: risk\n"
                  "- id: ACT-1\n  kind: action\n  title: Fix\n  status: open\n  due: 2026-05-01\n"
                  "  source_type: risk\n  raised: 2026-04-01\n",
                  TestConfig(), BuiltinKinds(), d, complete);
  CHECK(d.items().empty());
  CHECK(complete);
  REQUIRE(records.size() == 2);
  CHECK(records[0].kind->name == "risk");
  CHECK(records[0].Field("likelihood")->text == "4");
  REQUIRE(records[0].refs.size() == 1);
  CHECK(records[0].refs[0].required_kind == "action");
  CHECK(records[1].pos.line == 10);
  // Computed from the scoring in smsdoc.yaml (defaults: 4 x 5 is High).
  CHECK(records[0].Field("inherent_score")->text == "20");
  CHECK(records[0].Field("inherent_level")->text == "High");
  CHECK(records[0].Field("exceeds_acceptance")->text == "true");
  CHECK(records[0].Field("residual_score") == nullptr);  // no residual rating given
}

TEST_CASE("record problems: unknown kind, unknown field, out-of-range value") {
  Diagnostics d;
  bool complete = true;
  LoadRecords("records/r.yaml",
              "- id: X-1\n  kind: rsk\n  title: T\n"
              "- id: X-2\n  kind: risk\n  title: T\n  status: open\n  likelihood: 7\n"
              "  type: risk\n"
              "  impact: 1\n  treatmnt: avoid\n",
              TestConfig(), BuiltinKinds(), d, complete);
  CHECK_FALSE(complete);  // X-1 has no usable kind; X-2 loads despite its errors
  d.Sort();
  REQUIRE(d.items().size() == 3);
  CHECK(FormatDiagnostic(d.items()[0])
            .rfind("records/r.yaml:2:9: error: 'kind' must be one of risk, person, competence",
                   0) == 0);
  CHECK(FormatDiagnostic(d.items()[0]).find("(did you mean 'risk'?)") != std::string::npos);
  CHECK(FormatDiagnostic(d.items()[1]) ==
        "records/r.yaml:8:15: error: 'likelihood' must be an integer 1..5, got '7' [field-type]");
  CHECK(FormatDiagnostic(d.items()[2]) ==
        "records/r.yaml:11:3: error: unknown field 'treatmnt' (did you mean 'treatment'?) "
        "[field-unknown]");
}

TEST_CASE("the built-in kinds schema is valid") {
  const KindCatalogue& kinds = BuiltinKinds();
  for (const char* name : {"risk", "training", "audit", "finding", "action", "review"})
    CHECK(kinds.Find(name) != nullptr);
  CHECK(kinds.Find("risk")->Field("id")->type == FieldType::kId);
}

TEST_CASE("computed fields may stand before their inputs; odd numbers are errors") {
  Diagnostics d;
  KindCatalogue kinds = TestKinds(
      "  hazard:\n    statuses: [open]\n    fields:\n"
      "      level: {type: level, of: s}\n      s: {type: score, of: [a, b]}\n"
      "      a: {type: integer}\n      b: {type: integer}\n      cost: {type: number}\n");
  bool complete = false;
  auto records = LoadRecords("records/h.yaml",
                             "- {id: H-1, kind: hazard, title: T, a: 3, b: 4, cost: 1e999}\n",
                             TestConfig(), kinds, d, complete);
  REQUIRE(records.size() == 1);
  CHECK(records[0].Field("s")->text == "12");
  CHECK(records[0].Field("level")->text == "Medium");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == "'cost' must be a number, got '1e999'");
}

TEST_CASE("a new kind is data: a schema without C++ changes") {
  Diagnostics d;
  KindCatalogue kinds = TestKinds(
      "  supplier:\n    title: Suppliers\n    statuses: [active, exited]\n"
      "    columns: [id, title, contract_end]\n"
      "    fields:\n      contract_end: {type: date, required: true}\n");
  bool complete = false;
  auto records = LoadRecords("records/s.yaml",
                             "id: SUP-1\nkind: supplier\ntitle: Acme\nstatus: active\n"
                             "contract_end: 2027-13-01\n",
                             TestConfig(), kinds, d, complete);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "field-date");
}

}  // namespace smsdoc
