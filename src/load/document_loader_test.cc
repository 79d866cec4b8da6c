#include "load/document_loader.h"

#include <doctest/doctest.h>

#include "adapters/yaml.h"
#include "load/config_loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {
Config TestConfig() {
  Diagnostics d;
  return ParseConfig(ParseYaml(testing::kConfig, "smsdoc.yaml", 1, d), d);
}

std::vector<std::string> Messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(FormatDiagnostic(item));
  return out;
}
}  // namespace

TEST_CASE("a valid document loads with its fields and references") {
  Diagnostics d;
  auto doc = LoadDocument(
      "policies/a.md",
      testing::Doc("POL-1", "clauses: [\"5.2\"]\nrelated: [PRC-CHG]\n", "See [[PRC-CHG]].\n"),
      false, TestConfig(), d);
  REQUIRE(doc);
  CHECK(d.items().empty());
  CHECK(doc->id == "POL-1");
  CHECK(doc->clauses == std::vector<std::string>{"5.2"});
  REQUIRE(doc->refs.size() == 2);
  CHECK(doc->refs[0].relation == "related");
  CHECK(doc->refs[0].pos.line == 12);
  CHECK(doc->refs[1].relation == "body");
  CHECK(doc->refs[1].pos.line == 14);
}

TEST_CASE("the id-format suggestion reads characters, not bytes") {
  auto suggestion = [](const std::string& id) {
    Diagnostics d;
    LoadDocument("policies/a.md",
                 "---\nid: \"" + id +
                     "\"\ntitle: T\ntype: policy\nowner: sms-manager\napprover: sms-manager\n"
                     "version: \"1\"\nstatus: draft\neffective: 2026-01-01\nreview_months: 12\n"
                     "clauses: [\"5.2\"]\n---\n",
                 false, TestConfig(), d);
    REQUIRE(d.items().size() == 1);
    const std::string& m = d.items()[0].message;
    size_t at = m.find("did you mean '");
    return at == std::string::npos ? std::string()
                                   : m.substr(at + 14, m.find('\'', at + 14) - at - 14);
  };
  CHECK(suggestion("POL\u201001") == "POL-01");            // hyphen
  CHECK(suggestion("POL\u201401") == "POL-01");            // em dash
  CHECK(suggestion("POL\u00a001") == "POL-01");            // no-break space
  CHECK(suggestion("RL-\u00c4NDERUNG") == "RL-ANDERUNG");  // accents dropped
  CHECK(suggestion("RL-Ae\u0301") == "RL-Ae");             // a combining accent too
  CHECK(suggestion("STRA\u00dfE-1") == "STRAssE-1");       // letters spelt out
  CHECK(suggestion("RSK\u2605\u260501") == "RSK--01");     // one '-' per other character
  CHECK(suggestion("POL 01") == "POL-01");
  CHECK(suggestion("\u2010POL") == "");  // no ID starts with '-'
}

TEST_CASE("every field problem is reported at its value, in one pass") {
  Diagnostics d;
  std::string text =
      "---\nid: POL 1\ntitle: T\ntype: polcy\nowner: sms-manger\napprover: sms-manager\n"
      "version: \"1\"\nstatus: Approved\neffective: 2026-02-30\nreview_months: twelve\n"
      "clauses: [\"8.15\"]\nreviewer: x\n---\n";
  LoadDocument("policies/a.md", text, false, TestConfig(), d);
  d.Sort();
  auto m = Messages(d);
  REQUIRE(m.size() == 8);
  CHECK(m[0] ==
        "policies/a.md:2:5: error: 'id' must be an ID of letters, digits, '.', '_' or '-', got "
        "'POL 1' (did you mean 'POL-1'?) [id-format]");
  CHECK(m[1] ==
        "policies/a.md:4:7: error: 'type' must be one of guideline, manual, plan, policy, "
        "procedure, process, register, report, standard, statement, form, work-instruction; got "
        "'polcy' (did you mean 'policy'?) [field-enum]");
  CHECK(m[2] ==
        "policies/a.md:5:8: error: unknown role 'sms-manger' in 'owner' (did you mean "
        "'sms-manager'?); roles are defined under 'roles:' in smsdoc.yaml [role-unknown]");
  CHECK(m[3] ==
        "policies/a.md:8:9: error: 'status' must be one of draft, approved, retired; got "
        "'Approved' (did you mean 'approved'?) [field-enum]");
  CHECK(m[4] ==
        "policies/a.md:9:12: error: 'effective' must be a date YYYY-MM-DD, got '2026-02-30' "
        "(2026-02 has 28 days) [field-date]");
  CHECK(m[5] ==
        "policies/a.md:10:16: error: 'review_months' must be an integer 1..60, got 'twelve' "
        "[field-type]");
  CHECK(m[6].rfind("policies/a.md:11:11: error: unknown clause '8.15'", 0) == 0);
  CHECK(m[7] == "policies/a.md:12:1: error: unknown field 'reviewer' [field-unknown]");
}

TEST_CASE("missing required fields are listed") {
  Diagnostics d;
  LoadDocument("policies/a.md", "---\nid: A\n---\n", false, TestConfig(), d);
  CHECK(d.ErrorCount() == 8);
  CHECK(FormatDiagnostic(d.items()[0]) ==
        "policies/a.md:1:1: error: missing required field 'title' [field-missing]");
}

TEST_CASE("process definitions read RACI activities and KPIs") {
  Diagnostics d;
  auto doc =
      LoadDocument("processes/c.md",
                   testing::Doc("PRC-C",
                                "activities:\n  - step: Assess\n    responsible: change-manager\n"
                                "    accountable: sms-manager\n    consulted: [sms-manager]\n"
                                "    informed: change-manager\n"
                                "kpis:\n  - {id: KPI-C-01, name: Success rate, unit: percent,\n"
                                "     direction: higher, target: 95%, frequency: monthly}\n"
                                "interfaces: [PRC-INC]\n",
                                "", "process"),
                   true, TestConfig(), d);
  REQUIRE(doc);
  CHECK(d.items().empty());
  REQUIRE(doc->activities.size() == 1);
  CHECK(doc->activities[0].informed == std::vector<std::string>{"change-manager"});
  REQUIRE(doc->kpis.size() == 1);
  CHECK(doc->kpis[0].target == "95%");
  CHECK(doc->kpis[0].target_value == 95);
  REQUIRE(doc->refs.size() == 1);
  CHECK(doc->refs[0].required_kind == "process");
}

TEST_CASE("relative links resolve against the file's folder and may not climb out") {
  Diagnostics d;
  auto doc =
      LoadDocument("policies/sub/a.md",
                   testing::Doc("A", "", "[x](../../processes/c.md) [y](../../../etc/passwd)\n"),
                   false, TestConfig(), d);
  REQUIRE(doc);
  REQUIRE(doc->refs.size() == 1);
  CHECK(doc->refs[0].target == "processes/c.md");
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "link-path");
}

}  // namespace smsdoc

namespace smsdoc {

TEST_CASE("defaults: fill what a document leaves out, folder entries first") {
  Diagnostics d;
  Config config = ParseConfig(
      ParseYaml(std::string(testing::kConfig) +
                    "defaults:\n"
                    "  owner: sms-manager\n  approver: change-manager\n  review_months: 24\n"
                    "  type: policy\n"
                    "  folders:\n    policies/plans/: {type: plan, owner: change-manager}\n",
                "smsdoc.yaml", 1, d),
      d);
  REQUIRE(d.items().empty());
  const std::string bare = "---\nid: PLN-1\ntitle: A plan\nversion: \"0.1\"\nstatus: draft\n---\n";
  auto plan = LoadDocument("policies/plans/p.md", bare, false, config, d);
  auto policy = LoadDocument("policies/q.md", bare, false, config, d);
  CHECK(Messages(d).empty());  // a draft needs no effective date either
  REQUIRE(plan);
  REQUIRE(policy);
  CHECK(plan->type == "plan");
  CHECK(plan->owner == "change-manager");
  CHECK(policy->type == "policy");
  CHECK(policy->owner == "sms-manager");
  for (const auto& doc : {*plan, *policy}) {
    CHECK(doc.approver == "change-manager");
    CHECK(doc.review_months == 24);
    CHECK(doc.effective.empty());
  }
  // What the document says wins; a process is never given a default type.
  auto own = LoadDocument("policies/r.md", testing::Doc("POL-2"), false, config, d);
  REQUIRE(own);
  CHECK(own->owner == "sms-manager");
  CHECK(own->approver == "sms-manager");
  CHECK(own->review_months == 12);
  LoadDocument("processes/c.md", bare, true, config, d);
  CHECK(Messages(d) ==
        std::vector<std::string>{"processes/c.md:1:1: error: missing required field 'type' "
                                 "[field-missing]"});
}

TEST_CASE("an approved document still needs its effective date") {
  Diagnostics d;
  LoadDocument("policies/a.md",
               "---\nid: POL-1\ntitle: T\ntype: policy\nowner: sms-manager\napprover: "
               "sms-manager\nversion: \"1.0\"\nstatus: approved\nreview_months: 12\n---\n",
               false, TestConfig(), d);
  CHECK(Messages(d) == std::vector<std::string>{"policies/a.md:1:1: error: missing required "
                                                "field 'effective' [field-missing]"});
}

}  // namespace smsdoc
