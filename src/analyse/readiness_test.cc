#include "analyse/readiness.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "test_support.h"

namespace smsdoc {

namespace {

const ReadinessItem& Item(const Analysis& analysis, const std::string& key) {
  for (const ReadinessItem& item : analysis.readiness)
    if (item.key == key) return item;
  static const ReadinessItem none;
  FAIL("no readiness item " << key);
  return none;
}

const char* kAllClauses = "[\"4\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10\"]";

}  // namespace

TEST_CASE("Stage 1 documents: every non-process document and the evidence of items") {
  MemoryDisk disk = testing::BaseSms();  // POL-1 (policy), PRC-CHG (process)
  disk.Add("processes/other.md", testing::Doc("PRC-OTHER", "", "Body.\n", "process"));
  disk.Add("policies/a-plan.md", testing::Doc("PLN-9", "", "Body.\n", "plan"));
  disk.Add("records/r.yaml",
           "id: RSK-1\nkind: risk\ntype: risk\ntitle: Outage\nstatus: open\nlikelihood: 2\n"
           "impact: 3\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  const Graph& graph = sms->graph();
  int pol = sms->Node("POL-1"), chg = sms->Node("PRC-CHG");
  int plan = sms->Node("PLN-9"), risk = sms->Node("RSK-1");

  std::vector<ReadinessItem> checklist(2);
  checklist[0].evidence = {chg, risk};  // a record is not a document
  checklist[1].evidence = {pol, chg};
  std::vector<Stage1Document> docs = Stage1Documents(graph, checklist);
  REQUIRE(docs.size() == 3);  // by ID; PRC-OTHER is evidence for nothing
  CHECK(docs[0].node == plan);
  CHECK(docs[0].items.empty());
  CHECK(docs[1].node == pol);
  CHECK(docs[1].items == std::vector<size_t>{1});
  CHECK(docs[2].node == chg);
  CHECK(docs[2].items == std::vector<size_t>{0, 1});

  // The analysis holds the same, from its own checklist.
  const std::vector<Stage1Document>& stage1 = sms->analysis().stage1;
  CHECK(stage1.size() == 2);  // POL-1 and PLN-9: no item rests on a process here
  CHECK(std::none_of(stage1.begin(), stage1.end(),
                     [&](const Stage1Document& d) { return d.node == chg || d.node == risk; }));
}

TEST_CASE("readiness judges reviews by the analysis' one rule") {
  // Approved in 2024 and reviewed in June 2026: next review June 2027.
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/continuity.md",
           testing::Doc("PLN-1",
                        "clauses: [\"8.7.2\"]\napproved_on: 2024-03-16\nreviewed_on: 2026-06-01\n",
                        "Body.\n", "plan"));
  auto now = testing::RunSms(disk, "2026-11-21");
  REQUIRE_FALSE(now->diags.HasErrors());
  const ReadinessItem& met = Item(now->analysis(), "continuity-plan");
  CHECK(met.state == ReadinessItem::State::kMet);
  CHECK(met.reason.empty());
  CHECK(met.evidence == std::vector<int>{now->Node("PLN-1")});
  CHECK(now->StateOf("PLN-1").next_review == "2027-06-01");

  auto later = testing::RunSms(disk, "2027-07-01");
  const ReadinessItem& late = Item(later->analysis(), "continuity-plan");
  CHECK(late.state == ReadinessItem::State::kAtRisk);
  CHECK(late.reason == "PLN-1 was due for review on 2027-06-01");
  CHECK(ReadinessStateName(late.state) == std::string("at risk"));
}

TEST_CASE("documents that are not in force put an item at risk; any one in force meets it") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/continuity.md",
           testing::Doc("PLN-1", "clauses: [\"8.7.2\"]\n", "Body.\n", "plan"));
  disk.Add("policies/draft.md",
           "---\nid: PLN-2\ntitle: Draft plan\ntype: plan\nowner: sms-manager\n"
           "approver: sms-manager\nversion: \"0.1\"\nstatus: draft\neffective: 2026-01-15\n"
           "review_months: 12\nclauses: [\"8.7.2\"]\n---\nBody.\n");
  auto both = testing::RunSms(disk);
  CHECK(Item(both->analysis(), "continuity-plan").state == ReadinessItem::State::kMet);

  disk.Add("policies/continuity.md",
           "---\nid: PLN-1\ntitle: Old plan\ntype: plan\nowner: sms-manager\n"
           "approver: sms-manager\nversion: \"1.0\"\nstatus: retired\neffective: 2026-01-15\n"
           "review_months: 12\nclauses: [\"8.7.2\"]\n---\nBody.\n");
  auto none = testing::RunSms(disk);
  const ReadinessItem& item = Item(none->analysis(), "continuity-plan");
  CHECK(item.state == ReadinessItem::State::kAtRisk);
  CHECK(item.reason == "PLN-1 is retired; PLN-2 is draft");

  // A document of another type does not count for a typed item.
  MemoryDisk policy = testing::BaseSms();
  policy.Add("policies/continuity.md", testing::Doc("POL-7", "clauses: [\"8.7.2\"]\n"));
  auto wrong = testing::RunSms(policy);
  CHECK(Item(wrong->analysis(), "continuity-plan").state == ReadinessItem::State::kMissing);
  CHECK(Item(wrong->analysis(), "continuity-plan").reason == "no plan names clause 8.7.2");
}

TEST_CASE("a document naming a parent clause names all of it, as coverage says") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/sm.md", testing::Doc("POL-7", "clauses: [\"5\"]\n"));
  auto sms = testing::RunSms(disk);
  CHECK(Item(sms->analysis(), "service-management-policy").state == ReadinessItem::State::kMet);
  CHECK(sms->analysis().CoverageOf("5.2")->documents.size() == 1);
}

TEST_CASE("a planned management review is not evidence, for readiness or coverage") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/reviews.yaml",
           "- {id: MR-1, kind: review, title: Review, status: planned, held: 2027-03-01, "
           "clauses: [\"9.3\"]}\n"
           "- {id: MR-2, kind: review, title: Review, status: completed, held: 2026-12-01, "
           "clauses: [\"9.3\"], decisions: Go, outputs: Plan}\n");
  auto sms = testing::RunSms(disk);  // as of 2026-11-21: MR-2 is dated later
  CHECK(Item(sms->analysis(), "management-review").state == ReadinessItem::State::kMissing);
  CHECK(sms->analysis().CoverageOf("9.3")->records.empty());
  auto later = testing::RunSms(disk, "2026-12-01");
  CHECK(Item(later->analysis(), "management-review").state == ReadinessItem::State::kMet);
  CHECK(later->analysis().CoverageOf("9.3")->records.size() == 1);
}

TEST_CASE("a management review counts as performed only with its decisions and outputs") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/reviews.yaml",
           "- {id: MR-1, kind: review, title: Review, status: completed, held: 2026-06-01, "
           "clauses: [\"9.3\"], outputs: Plan}\n"
           "- {id: MR-2, kind: review, title: Review, status: completed, held: 2026-07-01, "
           "clauses: [\"9.3\"], decisions: \" \"}\n");
  auto sms = testing::RunSms(disk);
  const ReadinessItem& item = Item(sms->analysis(), "management-review");
  CHECK(item.state == ReadinessItem::State::kMissing);
  CHECK(item.reason ==
        "no completed management review with its decisions and outputs recorded "
        "(MR-1 lacks decisions; MR-2 lacks decisions and outputs)");
  CHECK(sms->analysis().CoverageOf("9.3")->records.empty());

  disk.Add("records/reviews.yaml",
           "- {id: MR-1, kind: review, title: Review, status: completed, held: 2026-06-01, "
           "clauses: [\"9.3\"], decisions: Go, outputs: Plan}\n");
  auto minuted = testing::RunSms(disk);
  CHECK(Item(minuted->analysis(), "management-review").state == ReadinessItem::State::kMet);
  CHECK(minuted->analysis().CoverageOf("9.3")->records.size() == 1);
}

TEST_CASE("only internal audits, performed by the as-of date, meet the internal audit item") {
  for (const char* type : {"certification", "external", "surveillance"}) {
    CAPTURE(type);
    MemoryDisk disk = testing::BaseSms();
    disk.Add("records/audits.yaml",
             testing::Audit("AUD-1", type, "completed", "2026-06-10", kAllClauses));
    auto sms = testing::RunSms(disk);
    REQUIRE_FALSE(sms->diags.HasErrors());
    const ReadinessItem& item = Item(sms->analysis(), "internal-audit");
    CHECK(item.state == ReadinessItem::State::kMissing);
    CHECK(item.reason == "no completed internal audit");
    CHECK(item.evidence.empty());
  }

  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/audits.yaml",
           testing::Audit("AUD-1", "certification", "completed", "2026-06-10", kAllClauses) +
               testing::Audit("AUD-2", "internal", "completed", "2026-06-01", kAllClauses));
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  const ReadinessItem& item = Item(sms->analysis(), "internal-audit");
  CHECK(item.state == ReadinessItem::State::kMet);
  CHECK(item.evidence == std::vector<int>{sms->Node("AUD-2")});

  // Not performed yet, by the as-of date or at all: nothing counts.
  for (const std::string& audit :
       {testing::Audit("AUD-3", "internal", "completed", "2026-12-01", kAllClauses),
        testing::Audit("AUD-3", "internal", "planned", "2026-06-01", kAllClauses),
        testing::Audit("AUD-3", "internal", "in-progress", "2026-06-01", kAllClauses),
        testing::Audit("AUD-3", "internal", "cancelled", "2026-06-01", kAllClauses),
        testing::Audit("AUD-3", "internal", "completed", "", kAllClauses)}) {
    CAPTURE(audit);
    MemoryDisk not_yet = testing::BaseSms();
    not_yet.Add("records/audits.yaml", audit);
    auto s = testing::RunSms(not_yet);
    CHECK(Item(s->analysis(), "internal-audit").state == ReadinessItem::State::kMissing);
  }
}

TEST_CASE("an internal audit item is at risk when old or when clauses were left out") {
  MemoryDisk old = testing::BaseSms();
  old.Add("records/audits.yaml",
          testing::Audit("AUD-1", "internal", "completed", "2025-10-01", kAllClauses));
  auto o = testing::RunSms(old);
  const ReadinessItem& stale = Item(o->analysis(), "internal-audit");
  CHECK(stale.state == ReadinessItem::State::kAtRisk);
  CHECK(stale.reason == "the last was more than 12 months before 2026-11-21");

  // Every leaf of 4 to 10 must be audited; a parent none of whose leaves
  // was audited stands for them.
  MemoryDisk part = testing::BaseSms();
  part.Add("records/audits.yaml",
           testing::Audit("AUD-1", "internal", "completed", "2026-06-01",
                          "[\"4.1\", \"5\", \"6\", \"7\", \"8\", \"9\", \"10.1\"]"));
  auto p = testing::RunSms(part);
  const ReadinessItem& partial = Item(p->analysis(), "internal-audit");
  CHECK(partial.state == ReadinessItem::State::kAtRisk);
  CHECK(partial.reason ==
        "internal audits of the last 12 months did not cover clause 4.2, 4.3, 4.4, 10.2");

  // An external audit does not fill the gaps an internal one left.
  part.Add("records/more.yaml",
           testing::Audit("AUD-2", "external", "completed", "2026-07-01", "[\"4\", \"10\"]"));
  auto q = testing::RunSms(part);
  CHECK(Item(q->analysis(), "internal-audit").reason == partial.reason);
}

TEST_CASE("items marked not applicable keep their justification") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) +
                              "readiness:\n  not_applicable:\n"
                              "    supplier-agreements: We have no suppliers.\n");
  auto sms = testing::RunSms(disk);
  const ReadinessItem& item = Item(sms->analysis(), "supplier-agreements");
  CHECK(item.state == ReadinessItem::State::kNotApplicable);
  CHECK(item.reason == "We have no suppliers.");
  CHECK(sms->analysis().readiness.size() == ReadinessKeys(sms->graph().corpus->config).size());
}

}  // namespace smsdoc
