#include "check/service_report_checks.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

// One process whose KPI names the services Harbour Hosting and Backup.
MemoryDisk ReportSms(const std::string& config_extra = "") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + config_extra);
  disk.Add(
      "processes/inc.md",
      testing::Doc("PRC-INC",
                   "kpis:\n"
                   "  - {id: KPI-A, name: Resolved, unit: percent, direction: higher,\n"
                   "     target: 95, frequency: monthly, services: [Harbour Hosting, Backup]}\n",
                   "Body.\n", "process"));
  disk.Add("records/m.csv", "kpi,period,value\nKPI-A,2026-09,97\n");
  return disk;
}

// The errors, as printed (warnings of the small SMS aside: orphans, readiness).
std::vector<std::string> Errors(const testing::Sms& sms) {
  std::vector<std::string> out;
  for (const Diagnostic& d : sms.diags.items())
    if (d.severity == Severity::kError)
      out.push_back(d.path + ":" + std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) +
                    ": " + d.message + " [" + d.code + "]");
  return out;
}

}  // namespace

TEST_CASE("a commentary's period and service come from its path, its links are resolved") {
  MemoryDisk disk = ReportSms();
  disk.Add("service-reports/2026-09/harbour-hosting.md", "See [[PRC-CHG]] and [[POL-1#scope]].\n");
  auto sms = testing::RunSms(disk);
  CHECK(Errors(*sms).empty());
  REQUIRE(sms->model.corpus.commentaries.size() == 1);
  const Commentary& c = sms->model.corpus.commentaries[0];
  CHECK(c.period == "2026-09");
  CHECK(c.service_slug == "harbour-hosting");
  REQUIRE(sms->graph().commentary_links.size() == 1);
  const std::vector<Link>& links = sms->graph().commentary_links[0];
  REQUIRE(links.size() == 2);
  CHECK(links[0].target == sms->Node("PRC-CHG"));
  CHECK(links[1].target == sms->Node("POL-1"));
  CHECK(links[1].anchor == "scope");
  // A link is no reference of the page it leads to: no backlink.
  CHECK(sms->graph().backlinks[sms->Node("PRC-CHG")].empty());
}

TEST_CASE("a commentary's path must name a report period and a known service") {
  MemoryDisk disk = ReportSms();
  disk.Add("service-reports/2026-13/backup.md", "Text.\n");
  disk.Add("service-reports/2026-10/harbour-hosting-ltd.md", "Text.\n");
  disk.Add("service-reports/2026-10-01/backup.md", "Text.\n");
  disk.Add("service-reports/backup.md", "Text.\n");
  disk.Add("service-reports/2026/10/backup.md", "Text.\n");
  disk.Add("service-reports/2026-11/backup.md", "---\nservice: Backup\n---\nText.\n");
  disk.Add("service-reports/2026-12/backup.md", "See [[PRC-CHx]].\n");
  auto sms = testing::RunSms(disk);
  std::string where =
      "goes in service-reports/PERIOD/SERVICE.md, e.g. service-reports/2026-10/"
      "managed-workplace.md [report-path]";
  CHECK(Errors(*sms) ==
        std::vector<std::string>{
            "service-reports/2026-10-01/backup.md:0:0: '2026-10-01' is not a report period: name "
            "the folder YYYY-MM, YYYY-Qn or YYYY, e.g. 2026-10 [report-period]",
            "service-reports/2026-10/harbour-hosting-ltd.md:0:0: no KPI names a service "
            "'harbour-hosting-ltd' (did you mean 'harbour-hosting'?): name the file after a "
            "service of a KPI's `services:` in lower case, words joined by '-' [report-service]",
            "service-reports/2026-11/backup.md:1:1: a service report's commentary has no front "
            "matter: its period and service come from its path [report-front-matter]",
            "service-reports/2026-12/backup.md:1:5: unknown reference 'PRC-CHx' (did you mean "
            "'PRC-CHG'?) [ref-unknown]",
            "service-reports/2026-13/backup.md:0:0: '2026-13' is not a report period: name the "
            "folder YYYY-MM, YYYY-Qn or YYYY, e.g. 2026-10 [report-period]",
            "service-reports/2026/10/backup.md:0:0: a service report's commentary " + where,
            "service-reports/backup.md:0:0: a service report's commentary " + where,
        });
}

TEST_CASE("one commentary per service and period, whichever folder it is in") {
  MemoryDisk disk = ReportSms("folders:\n  service_reports: [reports-a, reports-b]\n");
  disk.Add("reports-a/2026-09/backup.md", "One.\n");
  disk.Add("reports-b/2026-09/backup.md", "Two.\n");
  auto sms = testing::RunSms(disk);
  CHECK(Errors(*sms) == std::vector<std::string>{
                            "reports-b/2026-09/backup.md:0:0: a second commentary for backup "
                            "in 2026-09, also in reports-a/2026-09/backup.md [report-duplicate]"});
}

}  // namespace smsdoc
