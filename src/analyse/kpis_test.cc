#include "analyse/kpis.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

// BaseSms with a process of two typed KPIs and the measurements `csv`.
std::unique_ptr<testing::Sms> WithMeasurements(const std::string& csv,
                                               const std::string& as_of = "2026-07-10") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("processes/inc.md",
           testing::Doc("PRC-INC",
                        "kpis:\n"
                        "  - {id: KPI-INC-01, name: Resolved, unit: percent, direction: higher,\n"
                        "     target: 95, warning: 90, frequency: monthly}\n"
                        "  - {id: KPI-INC-02, name: P2 time, unit: duration, direction: lower,\n"
                        "     target: 4h, frequency: quarterly}\n"
                        "  - {name: Calls answered, target: \"90%\", frequency: Monthly}\n",
                        "Body.\n", "process"));
  disk.Add("records/m.csv", "kpi,period,value\n" + csv);
  return testing::RunSms(disk, as_of);
}

// The diagnostics with `code`, or of the measurements file.
std::vector<std::string> Messages(const Diagnostics& d, const std::string& code = "") {
  std::vector<std::string> out;
  for (const auto& item : d.items())
    if (code.empty() ? item.path == "records/m.csv" : item.code == code)
      out.push_back(FormatDiagnostic(item));
  return out;
}

}  // namespace

TEST_CASE("a KPI's series: points oldest first, states, missing periods, missed in a row") {
  auto sms = WithMeasurements(
      "KPI-INC-01,2026-05,89\nKPI-INC-01,2026-01,97\nKPI-INC-01,2026-02,92\n"
      "KPI-INC-01,2026-06-30,80\nKPI-INC-02,2026-Q1,3h\nKPI-INC-02,2025-Q3,300\n");
  CHECK(sms->diags.ErrorCount() == 0);
  const std::vector<KpiSeries>& kpis = sms->analysis().kpis;
  REQUIRE(kpis.size() == 2);
  const KpiSeries& s = kpis[0];
  CHECK(sms->model.corpus.documents[s.document].id == "PRC-INC");
  CHECK(s.kpi == 0);
  REQUIRE(s.points.size() == 4);
  CHECK(s.points[0].period == "2026-01");
  CHECK(s.points[0].state == KpiState::kMet);
  CHECK(s.points[1].state == KpiState::kNear);
  CHECK(s.points[3].period == "2026-06");  // the date counts in its month
  CHECK(s.points[3].value == 80);
  CHECK(s.missing == std::vector<std::string>{"2026-03", "2026-04"});
  CHECK(s.missed_in_a_row == 2);
  // Quarterly, lower is better; 2026-Q2 is the last complete quarter.
  const KpiSeries& q = kpis[1];
  REQUIRE(q.points.size() == 2);
  CHECK(q.points[0].state == KpiState::kMissed);
  CHECK(q.points[1].value == 180);
  CHECK(q.points[1].state == KpiState::kMet);
  CHECK(q.missing == std::vector<std::string>{"2025-Q4", "2026-Q2"});
  CHECK(q.missed_in_a_row == 0);
  CHECK(Messages(sms->diags, "measurement-missing") ==
        std::vector<std::string>{
            "processes/inc.md:12:10: warning: 'PRC-INC': KPI-INC-01 (Resolved) has no "
            "measurement for 2026-03, 2026-04; record one, or say why in a comment "
            "[measurement-missing]",
            "processes/inc.md:14:10: warning: 'PRC-INC': KPI-INC-02 (P2 time) has no measurement "
            "for 2025-Q4, 2026-Q2; record one, or say why in a comment [measurement-missing]"});
}

TEST_CASE("measurements that do not count are errors; later periods wait for their date") {
  auto sms = WithMeasurements(
      "KPI-INC-01,2026-01,97\nKPI-INC-01,2026-01,96\nKPI-INC-01,2026-Q1,96\n"
      "KPI-INC-01,2026-02,101\nKPI-INC-1,2026-03,90\nKPI-INC-01,2026-08,90\n"
      "KPI-INC-01,2026-07-11,90\nKPI-INC-02,2026-Q1,2h\ncalls answered,2026-04,3\n");
  CHECK(Messages(sms->diags) ==
        std::vector<std::string>{
            "records/m.csv:3:12: error: KPI-INC-01 already has a measurement for 2026-01 at "
            "records/m.csv:2 [measurement-duplicate]",
            "records/m.csv:4:12: error: period '2026-Q1' of KPI-INC-01 (monthly) must be "
            "YYYY-MM or a date YYYY-MM-DD [measurement-period]",
            "records/m.csv:5:20: error: value of KPI-INC-01 (percent) must be a percentage "
            "0..100, got '101' [measurement-value]",
            "records/m.csv:6:1: error: unknown KPI 'KPI-INC-1' (did you mean 'KPI-INC-01'?); "
            "KPIs are defined under 'kpis:' in a process, each with an 'id' [kpi-unknown]",
            "records/m.csv:10:1: error: KPI 'Calls answered' of PRC-INC is free text: give it an "
            "'id', 'unit', 'direction' and a numeric 'target' there, and name that id here "
            "[measurement-untyped-kpi]"});
  // 2026-08 and 2026-07-11 are after the as-of date: not errors, not measured yet.
  REQUIRE(sms->analysis().kpis[0].points.size() == 1);
  CHECK(sms->analysis().kpis[0].points[0].value == 97);
}

TEST_CASE("a published-only corpus leaves out the measurements of a draft's KPIs") {
  MemoryDisk disk = testing::BaseSms();
  std::string draft =
      testing::Doc("PRC-NEW",
                   "kpis:\n  - {id: KPI-NEW-01, name: N, unit: count, direction: lower,\n"
                   "     target: 0, frequency: monthly}\n",
                   "Body.\n", "process");
  draft.replace(draft.find("status: approved"), 16, "status: draft");
  disk.Add("processes/new.md", draft);
  disk.Add("processes/ok.md", testing::Doc("PRC-OK",
                                           "kpis:\n  - {id: KPI-OK-01, name: O, unit: count, "
                                           "direction: lower, target: 0, frequency: yearly}\n",
                                           "Body.\n", "process"));
  disk.Add("records/m.csv", "kpi,period,value\nKPI-NEW-01,2026-10,0\nKPI-OK-01,2025,0\n");
  auto sms = testing::RunSms(disk);
  CHECK(sms->diags.ErrorCount() == 0);
  CHECK(sms->model.corpus.measurements.size() == 2);
  Corpus published = WithoutDrafts(sms->model.corpus);
  REQUIRE(published.measurements.size() == 1);  // else an unknown KPI in a published build
  CHECK(published.measurements[0].kpi == "KPI-OK-01");
  REQUIRE(AnalyseKpis(published, testing::kAsOf).size() == 1);
  CHECK(AnalyseKpis(published, testing::kAsOf)[0].points.size() == 1);
}

}  // namespace smsdoc
