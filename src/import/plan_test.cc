#include "import/plan.h"

#include <doctest/doctest.h>

#include "base/text.h"

namespace smsdoc {

namespace {

ImportInput Input() {
  ImportInput in;
  in.config.roles = {{"sms-manager", "SMS Manager"}, {"ceo", "CEO"}};
  in.config.defaults = {"sms-manager", "ceo", "policy", 12};
  in.mapping.fields = {{"updated", "reviewed_on"}};
  in.mapping.values = {{"status", {{"published", "approved"}}}};
  in.mapping.owners = {{"Jane Doe", "sms-manager"}};
  in.mapping.drop = {"lang"};
  return in;
}

}  // namespace

TEST_CASE("a document keeps its body; its metadata is mapped, dropped and reported") {
  ImportInput in = Input();
  in.markdown = {{"de/\xC3\x84nderung.md",
                  "---\nlang: de\nowner: Jane Doe\nupdated: 2024-03-01T10:00:00Z\n"
                  "status: published\nsatisfies: [8.5]\n---\n# \xC3\x84nderung\n\nText.\n"},
                 {"plain.md", "Just text.\n"}};
  ImportPlan plan = PlanImport(in);
  REQUIRE(plan.problems.empty());
  REQUIRE(plan.documents.size() == 2);
  const ImportedDocument& d = plan.documents[0];
  CHECK(d.target == "policies/de/\xC3\x84nderung.md");
  CHECK(d.id == "DOC-ANDERUNG");
  CHECK(d.title == "\xC3\x84nderung");
  CHECK(d.title_from == "the first '# ' heading");
  CHECK(d.bytes ==
        "---\n# Imported by `smsdoc import` from de/\xC3\x84nderung.md: review it with "
        "import-report.md.\nid: DOC-ANDERUNG\ntitle: \"\xC3\x84nderung\"\nowner: sms-manager\n"
        "version: \"0.1\"\nstatus: draft\nreviewed_on: 2024-03-01\n---\n# \xC3\x84nderung\n\n"
        "Text.\n");
  REQUIRE(d.dropped.size() == 2);
  CHECK(d.dropped[0].key == "lang");
  CHECK(d.dropped[0].why == "dropped by the mapping");
  CHECK(d.dropped[1].key == "satisfies");
  CHECK(d.dropped[1].value == "[8.5]");
  // Approved by the mapping, but no effective date: a draft, said so.
  REQUIRE(d.notes.size() == 1);
  CHECK(StartsWith(d.notes[0], "status 'approved' needs an 'effective' date"));

  const ImportedDocument& p = plan.documents[1];
  CHECK(p.id == "DOC-PLAIN");
  CHECK(p.title == "plain");
  CHECK(p.metadata == "none");
  CHECK(EndsWith(p.bytes, "---\nJust text.\n"));
}

TEST_CASE("a field without value or default stops the import; images are copied") {
  ImportInput in = Input();
  in.config.defaults.approver.clear();
  in.markdown = {{"a.md", "![x](img/a%20b.png) [en](en/)\n"}};
  in.other_files = {"img/a b.png", "unused.pdf"};
  ImportPlan plan = PlanImport(in);
  REQUIRE(plan.problems.size() == 1);
  CHECK(StartsWith(plan.problems[0], "1 document has no 'approver'"));
  REQUIRE(plan.assets.size() == 1);
  CHECK(plan.assets[0].target == "policies/img/a b.png");
}

}  // namespace smsdoc
