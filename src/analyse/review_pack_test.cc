#include "analyse/review_pack.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

// Two reviews (MR-1 in January, MR-2 on 1 June 2026) and records dated
// before, between and after them.
const char* kRecords = R"(- {id: MR-1, kind: review, title: R1, status: completed, held: 2026-01-10,
   decisions: Go, outputs: Plan, related: [ACT-1]}
- {id: MR-2, kind: review, title: R2, status: completed, held: 2026-06-01,
   decisions: Go, outputs: Plan, related: [ACT-3]}
- {id: MR-3, kind: review, title: R3, status: planned, held: 2027-02-01}
- {id: AUD-1, kind: audit, title: A1, status: completed, period: "2026", type: internal,
   planned: 2026-03-01, performed: 2026-03-01}
- {id: AUD-2, kind: audit, title: A2, status: completed, period: "2026", type: internal,
   planned: 2026-08-01, performed: 2026-08-01}
- {id: FND-1, kind: finding, title: F1, status: open, audit: AUD-1, raised: 2026-03-01,
   clause: "8.1", classification: minor}
- {id: FND-2, kind: finding, title: F2, status: closed, audit: AUD-1, raised: 2026-03-01,
   clause: "8.1", classification: ofi, closed_on: 2026-05-01}
- {id: FND-3, kind: finding, title: F3, status: open, audit: AUD-2, raised: 2026-08-01,
   clause: "8.1", classification: major}
- {id: FND-4, kind: finding, title: F4, status: closed, audit: AUD-1, raised: 2025-12-01,
   clause: "8.1", classification: major, closed_on: 2026-01-05}
- {id: ACT-1, kind: action, title: C1, status: closed, source_type: management-review,
   raised: 2025-12-01, due: 2026-02-01, closed_on: 2026-07-01}
- {id: ACT-2, kind: action, title: C2, status: open, source: MR-2,
   source_type: management-review, raised: 2026-09-01}
- {id: ACT-3, kind: action, title: C3, status: open, source_type: other, raised: 2026-05-30}
- {id: RSK-1, kind: risk, type: risk, title: K1, status: open, opened: 2026-02-01,
   likelihood: 4, impact: 4}
- {id: RSK-2, kind: risk, type: risk, title: K2, status: open, opened: 2026-07-01,
   likelihood: 4, impact: 4}
- {id: RSK-3, kind: risk, type: risk, title: K3, status: open, opened: 2026-02-01,
   likelihood: 1, impact: 2}
- {id: OPP-1, kind: risk, type: opportunity, title: O1, status: open, opened: 2026-04-01,
   likelihood: 3, impact: 3}
)";

std::vector<std::string> Ids(const Graph& graph, const std::vector<int>& nodes) {
  std::vector<std::string> ids;
  for (int n : nodes) ids.push_back(graph.nodes[n].id);
  return ids;
}

using Ids_ = std::vector<std::string>;

}  // namespace

TEST_CASE("a review pack holds what the records held on the review's date") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/all.yaml", kRecords);
  auto sms = testing::RunSms(disk);  // as of 2026-11-21
  REQUIRE_FALSE(sms->diags.HasErrors());
  const Graph& g = sms->graph();

  ReviewPack pack = GatherReviewPack(g, sms->analysis(), sms->Node("MR-2"));
  CHECK(pack.date == "2026-06-01");
  CHECK_FALSE(pack.capped);
  CHECK(g.nodes[pack.previous].id == "MR-1");
  CHECK(Ids(g, pack.previous_actions) == Ids_{"ACT-1"});
  CHECK(Ids(g, pack.audits) == Ids_{"AUD-1"});  // AUD-2 came later
  // FND-2 closed in May; FND-3 raised in August.
  CHECK(Ids(g, pack.open_findings) == Ids_{"FND-1"});
  // FND-4 closed before MR-1 and was raised before it: an earlier period's.
  CHECK(Ids(g, pack.nonconformities) == Ids_{"FND-1"});
  // ACT-1 was closed only in July; ACT-2 was raised after the review.
  CHECK(Ids(g, pack.corrective_actions) == Ids_{"ACT-1", "ACT-3"});
  CHECK(Ids(g, pack.risks) == Ids_{"RSK-1"});  // RSK-2 later, RSK-3 within acceptance
  CHECK(Ids(g, pack.opportunities) == Ids_{"FND-2", "OPP-1"});
  // Named by the review or naming it as their source, whatever their date.
  CHECK(Ids(g, pack.raised_actions) == Ids_{"ACT-2", "ACT-3"});
  CHECK(OverdueAt(sms->model.corpus.records[g.nodes[sms->Node("ACT-1")].index], pack.date));
  CHECK_FALSE(OverdueAt(sms->model.corpus.records[g.nodes[sms->Node("ACT-1")].index],
                        "2026-08-01"));  // closed by then

  ReviewPack first = GatherReviewPack(g, sms->analysis(), sms->Node("MR-1"));
  CHECK(first.previous == -1);
  CHECK(first.previous_actions.empty());
  CHECK(first.audits.empty());
  // No earlier review: every nonconformity raised by then.
  CHECK(Ids(g, first.nonconformities) == Ids_{"FND-4"});

  // A planned review dated after the build: as of the build's date.
  ReviewPack planned = GatherReviewPack(g, sms->analysis(), sms->Node("MR-3"));
  CHECK(planned.capped);
  CHECK(planned.date == testing::kAsOf);
  CHECK(g.nodes[planned.previous].id == "MR-2");
  CHECK(Ids(g, planned.previous_actions) == Ids_{"ACT-2", "ACT-3"});
  CHECK(Ids(g, planned.audits) == Ids_{"AUD-1", "AUD-2"});
}

TEST_CASE("a KPI series up to a date keeps the periods ended by then") {
  KpiSeries s;
  s.document = 1;
  s.kpi = 2;
  s.points = {{0, "2026-01", 90, KpiState::kMet},
              {1, "2026-02", 80, KpiState::kMissed},
              {2, "2026-04", 70, KpiState::kMissed},
              {3, "2026-05", 99, KpiState::kMet}};
  s.missing = {"2026-03"};
  s.missed_in_a_row = 0;
  KpiSeries upto = SeriesUpTo(s, "2026-05-30");  // May has not ended
  CHECK(upto.document == 1);
  CHECK(upto.kpi == 2);
  REQUIRE(upto.points.size() == 3);
  CHECK(upto.points.back().period == "2026-04");
  CHECK(upto.missing == std::vector<std::string>{"2026-03"});
  CHECK(upto.missed_in_a_row == 2);
  CHECK(SeriesUpTo(s, "2026-03-30").missing.empty());
  CHECK(SeriesUpTo(s, "2026-05-31").missed_in_a_row == 0);
  CHECK(SeriesUpTo(s, "2025-12-31").points.empty());
}

TEST_CASE("a review pack's KPIs: missed first, customer and supplier ones by clause") {
  MemoryDisk disk = testing::BaseSms();  // PRC-CHG names no clause
  disk.Add("processes/brm.md",
           testing::Doc("PRC-BRM", "clauses: [\"8.3.2\"]\n", "B.\n", "process"));
  disk.Add("processes/sup.md",
           testing::Doc("PRC-SUP", "clauses: [\"8.3.4.1\"]\n", "S.\n", "process"));
  disk.Add("records/r.yaml",
           "- {id: MR-1, kind: review, title: R, status: completed, held: 2026-04-10, "
           "decisions: Go, outputs: Plan}\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  // The KPI loader is another stage's: give each process one typed KPI.
  Analysis analysis = sms->analysis();
  analysis.kpis.clear();
  for (const char* id : {"PRC-BRM", "PRC-CHG", "PRC-SUP"}) {
    Document& d = sms->DocumentOf(id);
    d.kpis = {Kpi{.id = std::string("KPI-") + id, .name = "K", .typed = true}};
    KpiSeries s{.document = static_cast<int>(sms->graph().nodes[sms->Node(id)].index), .kpi = 0};
    // PRC-CHG missed in March; the others met it, and PRC-SUP missed April,
    // which has not ended by the review.
    s.points = {
        {0, "2026-03", 1, id == std::string("PRC-CHG") ? KpiState::kMissed : KpiState::kMet},
        {1, "2026-04", 1, KpiState::kMissed}};
    analysis.kpis.push_back(s);
  }
  ReviewPack pack = GatherReviewPack(sms->graph(), analysis, sms->Node("MR-1"));
  REQUIRE(pack.kpis.size() == 3);
  auto process_of = [&](size_t i) { return sms->model.corpus.documents[pack.kpis[i].document].id; };
  CHECK(process_of(0) == "PRC-CHG");  // missed in its latest period (March)
  CHECK(process_of(1) == "PRC-BRM");
  CHECK(process_of(2) == "PRC-SUP");
  CHECK(pack.kpis[0].points.size() == 1);
  CHECK(pack.kpis[0].missed_in_a_row == 1);
  CHECK(pack.customer_kpis == std::vector<size_t>{1});
  CHECK(pack.supplier_kpis == std::vector<size_t>{2});  // 8.3.4.1 is part of 8.3.4
}

}  // namespace smsdoc
