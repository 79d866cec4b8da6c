#include "analyse/service_report.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

// A monthly KPI of Hosting and Backup, a quarterly one of Hosting, and
// one of another service.
std::unique_ptr<testing::Sms> Sms(const std::string& records = "") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("processes/inc.md",
           testing::Doc("PRC-INC",
                        "kpis:\n"
                        "  - {id: KPI-A, name: Resolved, unit: percent, direction: higher,\n"
                        "     target: 95, warning: 90, frequency: monthly,\n"
                        "     services: [Hosting, Backup]}\n"
                        "  - {id: KPI-B, name: P2 time, unit: duration, direction: lower,\n"
                        "     target: 4h, frequency: quarterly, services: [Hosting]}\n"
                        "  - {id: KPI-C, name: Calls, unit: count, direction: lower,\n"
                        "     target: 3, frequency: monthly, services: [Workplace]}\n",
                        "Body.\n", "process"));
  disk.Add("records/m.csv",
           "kpi,period,value\n"
           "KPI-A,2025-12,80\nKPI-A,2026-01,97\nKPI-A,2026-02,85\nKPI-A,2026-03,92\n"
           "KPI-A,2026-04,99\nKPI-B,2025-Q4,200\nKPI-B,2026-Q1,300\nKPI-C,2026-03,1\n");
  if (!records.empty()) disk.Add("records/ops.yaml", records);
  return testing::RunSms(disk, "2026-11-21");
}

}  // namespace

TEST_CASE("the services are the distinct names in the KPIs' services lists") {
  auto sms = Sms();
  REQUIRE_FALSE(sms->diags.HasErrors());
  CHECK(ServiceNames(sms->model.corpus) ==
        std::vector<std::string>{"Backup", "Hosting", "Workplace"});
}

TEST_CASE("report periods are months, quarters or years, never dates") {
  CHECK(ReportPeriodFrequency("2026-10") == Frequency::kMonthly);
  CHECK(ReportPeriodFrequency("2026-Q3") == Frequency::kQuarterly);
  CHECK(ReportPeriodFrequency("2026") == Frequency::kYearly);
  CHECK_FALSE(ReportPeriodFrequency("2026-10-01"));
  CHECK_FALSE(ReportPeriodFrequency("2026-13"));
  CHECK_FALSE(ReportPeriodFrequency("2026-Q5"));
  CHECK_FALSE(ReportPeriodFrequency("October"));
}

TEST_CASE("a service report shows the KPIs naming the service as of the period's end") {
  auto sms = Sms();
  REQUIRE_FALSE(sms->diags.HasErrors());
  ServiceReport r = GatherServiceReport(sms->model.corpus, sms->analysis(), "Hosting", "2026-03");
  CHECK(r.as_of == "2026-03-31");
  REQUIRE(r.kpis.size() == 2);  // KPI-C names another service
  const ServiceKpi& a = r.kpis[0];
  CHECK(a.period == "2026-03");
  REQUIRE(a.current);
  CHECK(a.current->value == 92);
  CHECK(a.current->state == KpiState::kNear);
  CHECK(a.previous_period == "2026-02");
  REQUIRE(a.previous);
  CHECK(a.previous->state == KpiState::kMissed);
  CHECK(a.missed_this_year == 1);      // 2025-12 was another year's
  CHECK(a.series.points.size() == 4);  // April is cut off
  // The quarterly KPI: its latest quarter ended by 31 March is 2026-Q1.
  const ServiceKpi& b = r.kpis[1];
  CHECK(b.period == "2026-Q1");
  REQUIRE(b.current);
  CHECK(b.current->value == 300);
  CHECK(b.current->state == KpiState::kMissed);
  CHECK(b.previous_period == "2025-Q4");
  CHECK(b.missed_this_year == 1);
  // A month inside a quarter reports the quarter before.
  ServiceReport feb = GatherServiceReport(sms->model.corpus, sms->analysis(), "Hosting", "2026-02");
  CHECK(feb.kpis[1].period == "2025-Q4");
  CHECK(feb.kpis[1].current->value == 200);
  CHECK_FALSE(feb.kpis[1].previous);  // 2025-Q3 not measured
  // No incident or change records (the kinds are built in): none counted.
  CHECK(r.incidents == 0);
  CHECK(r.changes == 0);
}

TEST_CASE("a period not over by the as-of date is reported as of that date") {
  auto sms = Sms();
  ServiceReport r = GatherServiceReport(sms->model.corpus, sms->analysis(), "Backup", "2026-11");
  CHECK(r.as_of == "2026-11-21");
  REQUIRE(r.kpis.size() == 1);
  CHECK(r.kpis[0].period == "2026-10");  // November is not over
  CHECK_FALSE(r.kpis[0].current);
}

TEST_CASE("incidents and changes naming the service are counted in their period") {
  auto sms =
      Sms("- {id: INC-1, kind: incident, title: I1, status: closed, service: Hosting,\n"
          "   opened: 2026-03-02, priority: P2}\n"
          "- {id: INC-2, kind: incident, title: I2, status: new, service: Hosting,\n"
          "   opened: 2026-04-01, priority: P2}\n"
          "- {id: INC-3, kind: incident, title: I3, status: new, service: Backup,\n"
          "   opened: 2026-03-10, priority: P3}\n"
          "- {id: CHG-1, kind: change, title: C1, status: closed, type: normal,\n"
          "   services: [Backup, Hosting], requested: 2026-03-31}\n"
          "- {id: CHG-2, kind: change, title: C2, status: closed, type: normal,\n"
          "   services: [Backup], requested: 2026-03-15}\n");
  REQUIRE_FALSE(sms->diags.HasErrors());
  ServiceReport r = GatherServiceReport(sms->model.corpus, sms->analysis(), "Hosting", "2026-03");
  CHECK(r.incidents == 1);
  CHECK(r.changes == 1);
  ServiceReport q = GatherServiceReport(sms->model.corpus, sms->analysis(), "Backup", "2026-Q1");
  CHECK(q.incidents == 1);
  CHECK(q.changes == 2);
}

TEST_CASE("with a service catalogue, records may name a service by its record's ID") {
  auto sms =
      Sms("- {id: SVC-H, kind: service, title: Hosting, status: live}\n"
          "- {id: SVC-B, kind: service, title: Backup, status: live}\n"
          "- {id: SVC-W, kind: service, title: Workplace, status: live}\n"
          "- {id: INC-1, kind: incident, title: I1, status: closed, service: SVC-H,\n"
          "   opened: 2026-03-02, priority: P2}\n"
          "- {id: INC-2, kind: incident, title: I2, status: new, service: Hosting,\n"
          "   opened: 2026-03-05, priority: P3}\n"
          "- {id: CHG-1, kind: change, title: C1, status: closed, type: normal,\n"
          "   services: [SVC-B], requested: 2026-03-31}\n");
  REQUIRE_FALSE(sms->diags.HasErrors());
  ServiceReport r = GatherServiceReport(sms->model.corpus, sms->analysis(), "Hosting", "2026-03");
  CHECK(r.incidents == 2);
  CHECK(r.changes == 0);
  ServiceReport b = GatherServiceReport(sms->model.corpus, sms->analysis(), "Backup", "2026-03");
  CHECK(b.changes == 1);
}

TEST_CASE("with service records, the services are their titles, and KPIs must name them") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("processes/p.md",
           testing::Doc("PRC-P",
                        "kpis:\n"
                        "  - {id: KPI-A, name: Uptime, unit: percent, direction: higher,\n"
                        "     target: 95, frequency: monthly, services: [Hosting, Backups]}\n",
                        "Body.\n", "process"));
  disk.Add("records/services.yaml",
           "- {id: SVC-1, kind: service, title: Hosting, status: live}\n"
           "- {id: SVC-2, kind: service, title: Backup, status: live}\n"
           "- {id: SVC-3, kind: service, title: Workplace, status: retired}\n");
  auto sms = testing::RunSms(disk);
  CHECK(HasServiceCatalogue(sms->model.corpus));
  CHECK(ServiceNames(sms->model.corpus) ==
        std::vector<std::string>{"Backup", "Hosting", "Workplace"});
  std::vector<std::string> errors;
  for (const Diagnostic& d : sms->diags.items())
    if (d.severity == Severity::kError)
      errors.push_back(d.path + ":" + std::to_string(d.pos.line) + ": " + d.message + " [" +
                       d.code + "]");
  CHECK(errors == std::vector<std::string>{
                      "processes/p.md:12: KPI 'KPI-A' names the service 'Backups', which is no "
                      "service record's title (did you mean 'Backup'?); services: Backup, "
                      "Hosting, Workplace [kpi-service]"});
}

TEST_CASE("an SLA's targets are typed KPI IDs") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("processes/p.md",
           testing::Doc("PRC-P",
                        "kpis:\n"
                        "  - {id: KPI-A, name: Uptime, unit: percent, direction: higher,\n"
                        "     target: 95, frequency: monthly}\n",
                        "Body.\n", "process"));
  disk.Add("records/r.yaml",
           "- {id: CUS-1, kind: customer, title: C, status: active}\n"
           "- {id: SLA-1, kind: sla, title: S, status: signed, customer: CUS-1,\n"
           "   services: [], targets: [KPI-A, KPI-B]}\n");
  auto sms = testing::RunSms(disk);
  std::vector<std::string> codes;
  for (const Diagnostic& d : sms->diags.items())
    if (d.severity == Severity::kError) codes.push_back(d.message + " [" + d.code + "]");
  CHECK(codes ==
        std::vector<std::string>{
            "SLA target 'KPI-B' is no typed KPI's ID (did you mean 'KPI-A'?) [sla-target]"});
}

}  // namespace smsdoc
