#include "analyse/kpi_query.h"

#include <doctest/doctest.h>

#include "base/text.h"
#include "test_support.h"

namespace smsdoc {

namespace {

// Incidents resolved in 2026: August two P1s (one late) and a P2 of 3 days,
// September a P3 only, October a P1 in time; one open P1 without a date.
const char* kIncidents =
    "- {id: I1, kind: incident, title: A, status: closed, opened: 2026-08-01, priority: P1,\n"
    "   resolved: 2026-08-02, resolved_within_sla: true}\n"
    "- {id: I2, kind: incident, title: B, status: closed, opened: 2026-08-03, priority: P1,\n"
    "   resolved: 2026-08-05, resolved_within_sla: false}\n"
    "- {id: I3, kind: incident, title: C, status: closed, opened: 2026-08-10, priority: P2,\n"
    "   resolved: 2026-08-13, resolved_within_sla: true}\n"
    "- {id: I4, kind: incident, title: D, status: closed, opened: 2026-09-01, priority: P3,\n"
    "   resolved: 2026-09-02}\n"
    "- {id: I5, kind: incident, title: E, status: closed, opened: 2026-10-01, priority: P1,\n"
    "   resolved: 2026-10-01, resolved_within_sla: true}\n"
    "- {id: I6, kind: incident, title: F, status: new, opened: 2026-10-20, priority: P1}\n";

std::unique_ptr<testing::Sms> KpiSms(const std::string& kpis, const std::string& measurements = "",
                                     const std::string& as_of = testing::kAsOf) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add(
      "processes/incident.md",
      testing::Doc("PRC-INC", "purpose: Restore service.\nkpis:\n" + kpis, "Body.\n", "process"));
  disk.Add("records/incidents.yaml", kIncidents);
  if (!measurements.empty()) disk.Add("records/measurements.csv", measurements);
  return testing::RunSms(disk, as_of);
}

const KpiSeries& SeriesOf(const testing::Sms& sms, const std::string& id) {
  for (const KpiSeries& s : sms.analysis().kpis)
    if (sms.model.corpus.documents[s.document].kpis[s.kpi].id == id) return s;
  throw std::runtime_error("no series " + id);
}

std::vector<std::string> Points(const testing::Sms& sms, const std::string& id) {
  std::vector<std::string> out;
  for (const KpiPoint& p : SeriesOf(sms, id).points) {
    char value[32];
    std::snprintf(value, sizeof value, "%g", p.value);
    out.push_back(p.period + "=" + value);
  }
  return out;
}

std::vector<std::string> Messages(const testing::Sms& sms) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sms.diags.items())
    if (d.severity == Severity::kError) out.push_back(FormatDiagnostic(d));
  return out;
}

const char* kRatio =
    "  - id: KPI-INC-01\n"
    "    name: P1 in SLA\n"
    "    unit: percent\n"
    "    direction: higher\n"
    "    target: 95\n"
    "    frequency: monthly\n"
    "    from: {kind: incident, date: resolved, where: {priority: P1},\n"
    "           ratio: {resolved_within_sla: true}}\n";

}  // namespace

TEST_CASE("a ratio is the percentage of the filtered records matching, per period") {
  auto sms = KpiSms(kRatio);
  CHECK(Messages(*sms).empty());
  // September has no P1 to judge: not measured, and not missing either.
  CHECK(Points(*sms, "KPI-INC-01") == std::vector<std::string>{"2026-08=50", "2026-10=100"});
  CHECK(SeriesOf(*sms, "KPI-INC-01").missing.empty());
  CHECK(SeriesOf(*sms, "KPI-INC-01").unjudged == std::vector<std::string>{"2026-09"});
  const KpiPoint& p = SeriesOf(*sms, "KPI-INC-01").points[0];
  CHECK(p.state == KpiState::kMissed);
  const Measurement& m = sms->model.corpus.measurements[p.measurement];
  CHECK(m.computed);
  CHECK(m.comment == "1 of 2");
  CHECK(m.source == "computed from 2 incident records (records/incidents.yaml)");
  CHECK(m.path == "processes/incident.md");
}

TEST_CASE("a count is 0 in a period without matching records; a running period waits") {
  auto sms = KpiSms(
      "  - {id: KPI-INC-05, name: P1s, unit: count, direction: lower, target: 1,\n"
      "     frequency: monthly, from: {kind: incident, date: opened, where: {priority: P1},\n"
      "     count: true}}\n",
      "", "2026-10-15");
  CHECK(Messages(*sms).empty());
  // October has not ended by the as-of date.
  CHECK(Points(*sms, "KPI-INC-05") == std::vector<std::string>{"2026-08=2", "2026-09=0"});
}

TEST_CASE("a median of days between two dates is a duration in minutes") {
  auto sms = KpiSms(
      "  - {id: KPI-INC-02, name: P1 and P2 time, unit: duration, direction: lower,\n"
      "     target: 2d, frequency: quarterly, from: {kind: incident, date: resolved,\n"
      "     where: {priority: [P1, P2]}, median: {from: opened, to: resolved}}}\n");
  CHECK(Messages(*sms).empty());
  // Q3: 1, 2 and 3 days; Q4 has not ended by 2026-11-21.
  CHECK(Points(*sms, "KPI-INC-02") == std::vector<std::string>{"2026-Q3=2880"});
}

TEST_CASE("a measurement of a period a KPI computes is an error at the measurement") {
  auto sms = KpiSms(kRatio,
                    "kpi,period,value\n"
                    "KPI-INC-01,2026-07,97\n"
                    "KPI-INC-01,2026-08,97\n");
  CHECK(Messages(*sms) ==
        std::vector<std::string>{
            "records/measurements.csv:3:12: error: KPI-INC-01 is computed from incident records "
            "for 2026-08 ('from' at processes/incident.md:19): remove this measurement "
            "[measurement-computed]"});
  // An earlier period's measurement stays: the history before the export.
  CHECK(Points(*sms, "KPI-INC-01") ==
        std::vector<std::string>{"2026-07=97", "2026-08=50", "2026-10=100"});
}

TEST_CASE("unknown kinds and fields and fields of the wrong type are errors at their place") {
  auto sms = KpiSms(
      "  - {id: KPI-A, name: A, unit: count, direction: lower, target: 1, frequency: monthly,\n"
      "     from: {kind: incidnt, date: opened, count: true}}\n"
      "  - {id: KPI-B, name: B, unit: percent, direction: higher, target: 1, frequency: monthly,\n"
      "     from: {kind: incident, date: priority, where: {priorty: P1}, ratio: {major: true}}}\n"
      "  - {id: KPI-C, name: C, unit: score, direction: higher, target: 1, frequency: monthly,\n"
      "     from: {kind: incident, date: opened, median: title}}\n");
  CHECK(Messages(*sms) ==
        std::vector<std::string>{
            "processes/incident.md:14:19: error: KPI 'KPI-A': unknown record kind 'incidnt' (did "
            "you mean 'incident'?); kinds: " +
                Join(sms->model.corpus.kinds.Names(), ", ") + " [kpi-from]",
            "processes/incident.md:16:35: error: KPI 'KPI-B': field 'priority' of kind "
            "'incident' is enum, not a date [kpi-from]",
            "processes/incident.md:16:53: error: KPI 'KPI-B': kind 'incident' has no field "
            "'priorty' (did you mean 'priority'?) [kpi-from]",
            "processes/incident.md:18:51: error: KPI 'KPI-C': field 'title' of kind 'incident' "
            "is text, not a number [kpi-from]"});
  CHECK(SeriesOf(*sms, "KPI-A").points.empty());
}

}  // namespace smsdoc

namespace smsdoc {

TEST_CASE("filter values no record can hold are errors, with a suggestion") {
  auto sms = KpiSms(
      "  - {id: KPI-D, name: D, unit: percent, direction: higher, target: 1, frequency: monthly,\n"
      "     from: {kind: incident, date: opened, where: {priority: p1},\n"
      "     ratio: {resolved_within_sla: yes}}}\n"
      "  - {id: KPI-E, name: E, unit: count, direction: lower, target: 1, frequency: monthly,\n"
      "     from: {kind: incident, date: opened, where: {id: I1, status: closd}, count: true}}\n");
  CHECK(Messages(*sms) ==
        std::vector<std::string>{
            "processes/incident.md:14:51: error: KPI 'KPI-D': 'priority' of kind 'incident' is "
            "never 'p1' (did you mean 'P1'?); it takes P1, P2, P3, P4 [kpi-from]",
            "processes/incident.md:15:14: error: KPI 'KPI-D': 'resolved_within_sla' of kind "
            "'incident' is never 'yes'; it takes true, false [kpi-from]",
            "processes/incident.md:17:51: error: KPI 'KPI-E': 'id' is no field a record can be "
            "selected by [kpi-from]",
            "processes/incident.md:17:59: error: KPI 'KPI-E': 'status' of kind 'incident' is "
            "never 'closd' (did you mean 'closed'?); it takes " +
                Join(sms->model.corpus.kinds.Find("incident")->statuses, ", ") + " [kpi-from]"});
}

TEST_CASE("a period without any record of the kind has no value: a stray date adds one") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add(
      "processes/incident.md",
      testing::Doc("PRC-INC",
                   "purpose: Restore service.\nkpis:\n"
                   "  - {id: KPI-INC-05, name: P1s, unit: count, direction: lower, target: 1,\n"
                   "     frequency: monthly, from: {kind: incident, date: opened,\n"
                   "     where: {priority: P1}, count: true}}\n",
                   "Body.\n", "process"));
  disk.Add("records/incidents.yaml",
           std::string(kIncidents) +
               "- {id: I7, kind: incident, title: G, status: closed, opened: 1970-01-01, "
               "priority: P3}\n");
  auto sms = testing::RunSms(disk);
  CHECK(Messages(*sms).empty());
  CHECK(Points(*sms, "KPI-INC-05") ==
        std::vector<std::string>{"1970-01=0", "2026-08=2", "2026-09=0", "2026-10=2"});
  CHECK(SeriesOf(*sms, "KPI-INC-05").missing.empty());
}

TEST_CASE("a computed period counts on its last day") {
  auto sms = KpiSms(kRatio, "", "2026-10-31");
  CHECK(Points(*sms, "KPI-INC-01") == std::vector<std::string>{"2026-08=50", "2026-10=100"});
}

}  // namespace smsdoc
