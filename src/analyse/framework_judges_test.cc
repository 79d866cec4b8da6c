#include "analyse/framework_judges.h"

#include <doctest/doctest.h>

#include "analyse/readiness.h"
#include "analyse/soa.h"
#include "load/framework_loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

// Two controls, numbered so that string order is not catalogue order.
const char* kMini =
    "id: mini\nname: Mini\nedition: \"1\"\nitems:\n"
    "  - {number: \"6\", title: Planning}\n"
    "  - {number: \"9\", title: Evaluation}\n"
    "  - {number: A.1, title: Controls, kind: control}\n"
    "  - {number: A.1.2, title: Second, kind: control}\n"
    "  - {number: A.1.10, title: Tenth, kind: control}\n"
    "readiness:\n"
    "  - {key: soa, title: Statement of Applicability, clause: \"6\", judge: soa}\n"
    "  - {key: planning, title: Planning, clause: \"6\"}\n"
    "  - {key: monitoring, title: Monitoring results, clause: \"9\", judge: measurements}\n";

std::string Entry(const std::string& control, const std::string& title, bool applicable) {
  return "- id: SOA-" + control + "\n  kind: applicability\n  control: mini:" + control +
         "\n  title: " + title + "\n  status: approved\n  applicable: " +
         (applicable ? "true\n  implementation: implemented\n"
                     : "false\n  justification: Not needed.\n");
}

MemoryDisk Mini(const std::string& records, const std::string& extra_config = "") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml",
           std::string(testing::kConfig) + "frameworks: [mini.yaml]\n" + extra_config);
  disk.Add("mini.yaml", kMini);
  if (!records.empty()) disk.Add("records/soa.yaml", records);
  return disk;
}

const ReadinessItem& Item(const Analysis& analysis, const std::string& key) {
  REQUIRE(analysis.framework_readiness.size() == 1);
  for (const ReadinessItem& item : analysis.framework_readiness[0].items)
    if (item.key == key) return item;
  FAIL("no item " << key);
  static const ReadinessItem none;
  return none;
}

}  // namespace

TEST_CASE("the SoA judge: missing, at risk with its reasons, met") {
  auto none = testing::RunSms(Mini(""));
  REQUIRE_FALSE(none->diags.HasErrors());
  CHECK(none->analysis().framework_readiness[0].title == "Mini:1");
  const ReadinessItem& missing = Item(none->analysis(), "soa");
  CHECK(missing.state == ReadinessItem::State::kMissing);
  CHECK(missing.reason.find("no Statement of Applicability entry") == 0);

  // A.1.10 has no entry; A.1.2 is applicable but no document names it.
  auto partial = testing::RunSms(Mini(Entry("A.1.2", "Second", true)));
  const ReadinessItem& risk = Item(partial->analysis(), "soa");
  CHECK(risk.state == ReadinessItem::State::kAtRisk);
  CHECK(risk.reason ==
        "no entry for 1 control (A.1.10); 1 applicable control without a document in force "
        "naming it (A.1.2)");

  // Every control listed, the applicable one named by a document in force.
  MemoryDisk disk = Mini(Entry("A.1.10", "Tenth", false) + Entry("A.1.2", "Second", true));
  disk.Add("policies/access.md", testing::Doc("POL-ACC", "controls: {mini: [A.1.2]}\n"));
  auto met = testing::RunSms(disk);
  REQUIRE_FALSE(met->diags.HasErrors());
  const ReadinessItem& ok = Item(met->analysis(), "soa");
  CHECK(ok.state == ReadinessItem::State::kMet);
  // Evidence in catalogue order: A.1.2 before A.1.10.
  CHECK(ok.evidence == std::vector<int>{met->Node("SOA-A.1.2"), met->Node("SOA-A.1.10")});
  // A document rule of another framework reads the documents' `controls`.
  CHECK(Item(met->analysis(), "planning").state == ReadinessItem::State::kMissing);
  CHECK(Item(met->analysis(), "planning").reason == "no document or process names clause mini:6");
}

TEST_CASE("SortByControl: catalogue order, not string order") {
  auto sms =
      testing::RunSms(Mini(Entry("A.1.10", "Tenth", false) + Entry("A.1.2", "Second", true)));
  std::vector<int> nodes = {sms->Node("SOA-A.1.10"), sms->Node("SOA-A.1.2")};
  SortByControl(sms->graph(), nodes);
  CHECK(nodes == std::vector<int>{sms->Node("SOA-A.1.2"), sms->Node("SOA-A.1.10")});
  CHECK(BuiltinFramework("iso27001")->SoaControls().size() == 93);
}

TEST_CASE("the measurements judge: missing without measurements, met, at risk without the latest") {
  auto none = testing::RunSms(Mini(""));
  const ReadinessItem& missing = Item(none->analysis(), "monitoring");
  CHECK(missing.state == ReadinessItem::State::kMissing);
  CHECK(missing.reason == "no KPI has a measurement");

  auto with = [](const std::string& csv) {
    MemoryDisk disk = Mini("");
    disk.Add("processes/ok.md", testing::Doc("PRC-OK",
                                             "kpis:\n  - {id: KPI-OK-01, name: O, unit: count, "
                                             "direction: lower, target: 0, frequency: monthly}\n",
                                             "Body.\n", "process"));
    disk.Add("records/m.csv", "kpi,period,value\n" + csv);
    return testing::RunSms(disk);
  };
  auto measured = with("KPI-OK-01,2026-10,0\n");
  REQUIRE_FALSE(measured->diags.HasErrors());
  const ReadinessItem& met = Item(measured->analysis(), "monitoring");
  CHECK(met.state == ReadinessItem::State::kMet);
  CHECK(met.evidence == std::vector<int>{measured->Node("PRC-OK")});
  auto gaps = with("KPI-OK-01,2026-08,0\n");
  const ReadinessItem& risk = Item(gaps->analysis(), "monitoring");
  CHECK(risk.state == ReadinessItem::State::kAtRisk);
  CHECK(risk.reason == "latest period without a measurement: KPI-OK-01 (2026-10)");
  // A gap before the latest period is a measurement-missing warning, not a risk.
  auto older_gap = with("KPI-OK-01,2026-08,0\nKPI-OK-01,2026-10,0\n");
  CHECK(older_gap->analysis().kpis.at(0).missing == std::vector<std::string>{"2026-09"});
  CHECK(Item(older_gap->analysis(), "monitoring").state == ReadinessItem::State::kMet);
}

TEST_CASE("another framework's item is not applicable as iso27001:KEY, here mini:KEY") {
  auto sms = testing::RunSms(
      Mini("", "readiness:\n  not_applicable:\n    mini:planning: Planned elsewhere.\n"));
  REQUIRE_FALSE(sms->diags.HasErrors());
  const ReadinessItem& item = Item(sms->analysis(), "planning");
  CHECK(item.state == ReadinessItem::State::kNotApplicable);
  CHECK(item.reason == "Planned elsewhere.");
  std::vector<std::string> keys = ReadinessKeys(sms->graph().corpus->config);
  CHECK(std::find(keys.begin(), keys.end(), "mini:soa") != keys.end());
}

TEST_CASE("another framework's internal audits must cover its requirements, not its controls") {
  const char* catalogue =
      "id: aud\nname: Aud\nitems:\n"
      "  - {number: \"4\", title: Context}\n"
      "  - {number: \"4.1\", title: Issues, parent: \"4\"}\n"
      "  - {number: \"4.2\", title: Parties, parent: \"4\"}\n"
      "  - {number: \"5\", title: Leadership}\n"
      "  - {number: \"5.1\", title: Commitment, parent: \"5\"}\n"
      "  - {number: \"5.2\", title: Policy, parent: \"5\"}\n"
      "  - {number: \"6\", title: Planning}\n"
      "  - {number: A.1, title: Controls, kind: control}\n"
      "readiness:\n"
      "  - {key: internal-audit, title: Audits, clause: \"6\", record_kind: audit}\n";
  auto run = [&](const std::string& clauses) {
    MemoryDisk disk = testing::BaseSms();
    disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "frameworks: [aud.yaml]\n");
    disk.Add("aud.yaml", catalogue);
    disk.Add("records/audits.yaml",
             "- {id: AUD-1, kind: audit, title: Audit, status: completed, period: \"2026\", "
             "type: internal, planned: 2026-06-01, performed: 2026-06-10, clauses: [" +
                 clauses + "]}\n");
    return testing::RunSms(disk);
  };
  auto unaudited = [](const testing::Sms& sms) {
    const ReadinessItem& item = sms.analysis().framework_readiness.at(0).items.at(0);
    CHECK(item.evidence == std::vector<int>{sms.Node("AUD-1")});
    return UnauditedRequirements(sms.graph(), *FindFramework(sms.graph().corpus->config, "aud"),
                                 item.evidence);
  };
  // Part of 4, a control and nothing of 5 or 6: 5 stands for its leaves.
  auto some = run("\"aud:4.1\", \"aud:A.1\"");
  REQUIRE_FALSE(some->diags.HasErrors());
  CHECK(unaudited(*some) == std::vector<std::string>{"4.2", "5", "6"});
  const ReadinessItem& at_risk = some->analysis().framework_readiness[0].items[0];
  CHECK(at_risk.state == ReadinessItem::State::kAtRisk);
  CHECK(at_risk.reason == "internal audits of the last 12 months did not cover clause 4.2, 5, 6");
  // Naming the parents audits every leaf; the controls need no audit here.
  auto all = run("\"aud:4\", \"aud:5.1\", \"aud:5.2\", \"aud:6\"");
  CHECK(unaudited(*all).empty());
  CHECK(all->analysis().framework_readiness[0].items[0].state == ReadinessItem::State::kMet);
}

}  // namespace smsdoc
