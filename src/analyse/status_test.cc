#include "analyse/status.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "analyse/analysis.h"
#include "load/clause_catalogue.h"
#include "test_support.h"

namespace smsdoc {

namespace {

using Ids = std::vector<std::string>;

const char* kRecords =
    // Two dates past: one overdue record.
    "- id: RSK-1\n  kind: risk\n  type: risk\n  title: Late twice\n  status: open\n"
    "  likelihood: 2\n  impact: 3\n  due: 2026-03-01\n  next_review: 2026-06-01\n"
    "- id: ACT-1\n  kind: action\n  title: Late\n  status: open\n  source_type: risk\n"
    "  raised: 2026-01-01\n  due: 2026-02-01\n"
    "- id: AUD-1\n  kind: audit\n  title: Audit\n  status: completed\n  period: \"2026\"\n"
    "  type: internal\n  planned: 2026-05-01\n  performed: 2026-05-02\n"
    "- id: F-1\n  kind: finding\n  title: Major\n  status: open\n  classification: major\n"
    "  raised: 2026-05-02\n  clause: \"8.5.3\"\n  audit: AUD-1\n"
    "- id: F-2\n  kind: finding\n  title: Minor\n  status: open\n  classification: minor\n"
    "  raised: 2026-05-02\n  clause: \"8.5.3\"\n  audit: AUD-1\n"
    "- id: F-3\n  kind: finding\n  title: Closed\n  status: closed\n  classification: major\n"
    "  raised: 2026-05-02\n  clause: \"8.5.3\"\n  audit: AUD-1\n";

}  // namespace

TEST_CASE("status lists each ID once, however many of its dates are late") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/records.yaml", kRecords);
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  int overdue_items = 0;
  for (const AttentionItem& item : sms->analysis().attention)
    if (item.node == sms->Node("RSK-1") && item.kind == AttentionItem::Kind::kOverdue)
      ++overdue_items;
  REQUIRE(overdue_items == 2);

  StatusSummary s = Summarize(sms->graph(), sms->analysis());
  CHECK(s.overdue == Ids{"ACT-1", "RSK-1"});
  CHECK(s.documents_by_status == std::map<std::string, int>{{"approved", 2}});
  CHECK(s.open_findings == std::map<std::string, int>{{"major", 1}, {"minor", 1}});
  CHECK(s.reviews_overdue.empty());
  CHECK(s.expired.empty());
  std::map<std::string, bool> c = s.Conditions();
  CHECK(c.at("overdue"));
  CHECK(c.at("major-nc"));
  CHECK(c.at("minor-nc"));
  CHECK_FALSE(c.at("expired"));
  CHECK_FALSE(c.at("changed"));
  CHECK_FALSE(c.at("approval"));
  CHECK(c.size() == StatusConditionNames().size());
  for (const std::string& name : StatusConditionNames()) CHECK(c.count(name) == 1);
}

TEST_CASE("status reads reviews, uncovered clauses and missing items from the analysis") {
  MemoryDisk disk = testing::BaseSms();
  auto sms = testing::RunSms(disk, "2027-07-01");  // both documents overdue for review
  StatusSummary s = Summarize(sms->graph(), sms->analysis());
  CHECK(s.reviews_overdue == Ids{"POL-1", "PRC-CHG"});
  CHECK(s.Conditions().at("overdue"));
  // Nothing names a clause: every one is uncovered, in catalogue order.
  REQUIRE(s.uncovered_clauses.size() == ClauseCatalogue().size());
  CHECK(s.uncovered_clauses.front() == "4");
  CHECK(s.readiness_missing.size() > 1);
  CHECK(s.Conditions().at("uncovered"));
  CHECK(s.Conditions().at("missing"));

  // The lists follow the analysis, not a recomputation of it.
  Analysis a = sms->analysis();
  for (ClauseCoverage& cov : a.coverage) cov.state = ClauseCoverage::State::kCovered;
  a.coverage[1].state = ClauseCoverage::State::kNotCovered;
  a.coverage[2].state = ClauseCoverage::State::kPartlyCovered;
  for (ReadinessItem& item : a.readiness) item.state = ReadinessItem::State::kMet;
  a.readiness[3].state = ReadinessItem::State::kMissing;
  a.readiness[4].state = ReadinessItem::State::kAtRisk;
  a.attention.clear();
  StatusSummary t = Summarize(sms->graph(), a);
  CHECK(t.uncovered_clauses == Ids{a.coverage[1].clause->id});
  CHECK(t.readiness_missing == Ids{a.readiness[3].key});
  CHECK(t.reviews_overdue.empty());
  CHECK_FALSE(t.Conditions().at("overdue"));
}

TEST_CASE("with the readiness check off, nothing is missing") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "readiness:\n  check: false\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  for (const Diagnostic& d : sms->diags.items()) CHECK(d.code != "readiness-missing");
  StatusSummary s = Summarize(sms->graph(), sms->analysis());
  CHECK(s.readiness_missing.empty());
  CHECK_FALSE(s.Conditions().at("missing"));
  CHECK_FALSE(s.uncovered_clauses.empty());  // coverage is reported all the same
}

TEST_CASE("approval and change problems each name their document once") {
  auto sms = testing::RunSms(testing::BaseSms());
  Document& doc = sms->DocumentOf("POL-1");
  doc.control.history = {{.commit = "c3",
                          .date = "2026-05-01",
                          .approved_by = {"nobody"},
                          .version = "1.1",
                          .body_hash = 3},
                         {.commit = "c2",
                          .date = "2026-04-01",
                          .approved_by = {"no-one"},
                          .version = "1.1",
                          .body_hash = 2},
                         {.commit = "c1",
                          .date = "2026-03-01",
                          .approved_by = {"sms-manager"},
                          .version = "1.0",
                          .body_hash = 1}};
  Analysis a = Analyse(sms->graph(), testing::kAsOf);
  int approval_items = 0;
  for (const AttentionItem& item : a.attention)
    if (item.node == sms->Node("POL-1") && item.kind == AttentionItem::Kind::kApproval)
      ++approval_items;
  REQUIRE(approval_items == 2);
  StatusSummary s = Summarize(sms->graph(), a);
  CHECK(s.approval_problems == Ids{"POL-1"});
  CHECK(s.changed_after_approval == Ids{"POL-1"});
  CHECK(s.Conditions().at("approval"));
  CHECK(s.Conditions().at("changed"));
}

TEST_CASE("status counts each other framework's items per state, as its page does") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "frameworks: [iso27001]\n");
  disk.Add("policies/access.md", testing::Doc("POL-9", "controls: {iso27001: [A.5.15]}\n"));
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  StatusSummary s = Summarize(sms->graph(), sms->analysis());
  REQUIRE(s.framework_coverage.size() == 1);
  CHECK(s.framework_coverage[0].first == "iso27001");
  const auto& counts = s.framework_coverage[0].second;
  REQUIRE(counts.size() == 6);
  CHECK(counts[5] == std::pair<std::string, int>{"excluded", 0});
  CHECK(counts[2] == std::pair<std::string, int>{"documented only", 1});  // A.5.15
  CHECK(counts[1] == std::pair<std::string, int>{"partly covered", 1});   // A.5
  int total = 0;
  for (const auto& [state, n] : counts) total += n;
  CHECK(total == static_cast<int>(sms->analysis().frameworks[0].items.size()));
  auto plain = testing::RunSms(testing::BaseSms());
  CHECK(Summarize(plain->graph(), plain->analysis()).framework_coverage.empty());
}

TEST_CASE("another framework's gaps are uncovered, named with its ID; excluded is no gap") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "frameworks: [frameworks/ctl.yaml]\n");
  disk.Add("frameworks/ctl.yaml",
           "id: ctl\nname: Controls\nitems:\n"
           "  - {number: C, title: All, kind: control}\n"
           "  - {number: C.1, title: Masking, kind: control, parent: C}\n"
           "  - {number: C.2, title: Backup, kind: control, parent: C}\n"
           "  - {number: D, title: Dev}\n");  // a requirement: no SoA entry
  disk.Add("policies/backup.md", testing::Doc("POL-BAK", "controls: {ctl: [C.2]}\n"));
  disk.Add("records/soa.yaml",
           "- {id: SOA-C.1, kind: applicability, control: \"ctl:C.1\", title: Masking, "
           "status: approved, applicable: false, justification: No data to mask.}\n"
           "- {id: SOA-C.2, kind: applicability, control: \"ctl:C.2\", title: Backup, "
           "status: approved, applicable: true, implementation: implemented}\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  StatusSummary s = Summarize(sms->graph(), sms->analysis());
  // ISO/IEC 20000-1's clauses first, then ctl's: D alone (C.1 is excluded,
  // C.2 documented and so C judged from it).
  REQUIRE_FALSE(s.uncovered_clauses.empty());
  CHECK(s.uncovered_clauses.front() == ClauseCatalogue().front().id);
  CHECK(s.uncovered_clauses.back() == "ctl:D");
  CHECK(std::count_if(s.uncovered_clauses.begin(), s.uncovered_clauses.end(),
                      [](const std::string& id) { return id.starts_with("ctl:"); }) == 1);
  CHECK(s.Conditions().at("uncovered"));
}

}  // namespace smsdoc
