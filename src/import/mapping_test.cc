#include "import/mapping.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {

ImportMapping Parse(const std::string& yaml, Diagnostics& diags) {
  return ParseMapping(ParseYaml(yaml, "map.yaml", 1, diags), "map.yaml", {"sms-manager", "ceo"},
                      diags);
}

}  // namespace

TEST_CASE("a mapping file renames keys, maps values, owners, types and drops") {
  Diagnostics diags;
  ImportMapping m = Parse(
      "id_prefix: POL\n"
      "fields: {updated: reviewed_on, majorRevisions: version}\n"
      "values: {status: {published: approved, wip: draft}}\n"
      "owners: {Jane Doe: sms-manager}\n"
      "types: {en/procedures/: procedure}\n"
      "drop: [lang, translated_from]\n",
      diags);
  CHECK(diags.items().empty());
  CHECK(m.id_prefix == "POL");
  CHECK(m.fields.at("updated") == "reviewed_on");
  CHECK(m.values.at("status").at("published") == "approved");
  CHECK(m.owners.at("Jane Doe") == "sms-manager");
  CHECK(m.types.at("en/procedures") == "procedure");  // the trailing '/' goes
  CHECK(m.drop == std::vector<std::string>{"lang", "translated_from"});
}

TEST_CASE("mapping file errors point at the value, with a suggestion") {
  Diagnostics diags;
  Parse(
      "fields: {updated: reviewd_on}\n"
      "values: {status: {published: aproved}}\n"
      "owners: {Jane: boss}\n"
      "typs: {}\n",
      diags);
  diags.Sort();
  REQUIRE(diags.items().size() == 4);
  CHECK(FormatDiagnostic(diags.items()[0]) ==
        "map.yaml:1:19: error: unknown smsdoc field 'reviewd_on' (did you mean "
        "'reviewed_on'?) [import-map]");
  CHECK(FormatDiagnostic(diags.items()[1]) ==
        "map.yaml:2:30: error: unknown status 'aproved' (did you mean 'approved'?) [import-map]");
  CHECK(diags.items()[2].message == "unknown role 'boss'");
  CHECK(diags.items()[3].pos.line == 4);
}

}  // namespace smsdoc
