#include "load/import_loader.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "load/itsm_presets.h"
#include "load/kinds_loader.h"
#include "model/urls.h"
#include "test_support.h"

namespace smsdoc {

namespace {

using testing::BaseSms;
using testing::kConfig;
using testing::RunSms;

std::vector<std::string> Messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(FormatDiagnostic(item));
  return out;
}

// The diagnostics about the exports and the imports (the small SMS has
// readiness warnings of its own).
std::vector<std::string> ImportMessages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& m : Messages(d))
    if (m.rfind("records/", 0) == 0 || m.find("[import-") != std::string::npos) {
      MESSAGE(m);
      out.push_back(m);
    }
  return out;
}

// ServiceNow's incident list exported as CSV: field names as headers,
// display values in the cells, more columns than smsdoc reads.
const char* kServiceNowIncidents =
    "number,opened_at,short_description,priority,state,business_service,category,"
    "assignment_group,resolved_at,made_sla,problem_id,major_incident_state,caller_id\n"
    "INC0010001,2026-03-02 08:14:55,Mail down,1 - Critical,Closed,Managed Workplace,Software,"
    "Service Desk,2026-03-02 10:01:00,true,,Accepted,Ann\n"
    "INC0010002,2026-03-03 09:00:00,\"Printer jam, floor 2\",4 - Low,In Progress,Managed "
    "Workplace,Hardware,Service Desk,,,,,Bob\n";

const char* kImportsConfig =
    "imports:\n"
    "  - {files: records/itsm/incidents*.csv, kind: incident, preset: servicenow}\n";

}  // namespace

TEST_CASE("ServiceNow incidents load through the preset as typed, imported records") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", std::string(kConfig) + kImportsConfig);
  disk.Add("records/itsm/incidents-2026.csv", kServiceNowIncidents);
  auto sms = RunSms(disk);
  CHECK(ImportMessages(sms->diags).empty());  // no orphan warnings either
  const auto& records = sms->model.corpus.records;
  REQUIRE(records.size() == 2);
  const Record& first = records[0];
  CHECK(first.imported);
  CHECK(first.kind->name == "incident");
  CHECK(first.id == "INC0010001");
  CHECK(first.status == "closed");
  CHECK(first.Field("priority")->text == "P1");
  CHECK(first.Field("opened")->text == "2026-03-02");
  CHECK(first.Field("major")->text == "true");
  CHECK(first.Field("resolved_within_sla")->text == "true");
  CHECK(first.Field("service")->text == "Managed Workplace");
  CHECK(first.Field("priority")->pos.line == 2);
  CHECK(first.Field("priority")->pos.col == 42);
  CHECK(records[1].title == "Printer jam, floor 2");
  CHECK(records[1].status == "in-progress");
  CHECK(records[1].Field("resolved") == nullptr);
  // [[ID]] finds the register row, not a page.
  CHECK(sms->graph().nodes[sms->Node("INC0010001")].url == KindUrl("incident") + "#INC0010001");
}

TEST_CASE("an import's columns and values override the preset's") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml",
           std::string(kConfig) +
               "imports:\n"
               "  - files: records/itsm/*.csv\n"
               "    kind: incident\n"
               "    preset: servicenow\n"
               "    columns: {service: Service offering}\n"
               "    values: {priority: {\"1 - Critical\": P2, \"5 - Planning\": P4}}\n");
  disk.Add("records/itsm/inc.csv",
           "number,opened_at,short_description,priority,state,Service offering\n"
           "INC1,2026-01-05,A,1 - Critical,New,Backup and Recovery\n"
           "INC2,2026-01-06,B,5 - Planning,New,Backup and Recovery\n");
  auto sms = RunSms(disk);
  CHECK(ImportMessages(sms->diags).empty());
  REQUIRE(sms->model.corpus.records.size() == 2);
  CHECK(sms->model.corpus.records[0].Field("priority")->text == "P2");
  CHECK(sms->model.corpus.records[1].Field("priority")->text == "P4");
  CHECK(sms->model.corpus.records[0].Field("service")->text == "Backup and Recovery");
}

TEST_CASE("every bad cell is reported at its line and column with the column's header") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", std::string(kConfig) + kImportsConfig);
  disk.Add("records/itsm/incidents.csv",
           "number,opened_at,short_description,priority,state,made_sla\n"
           "INC1,2026-13-01,A,1 - Critical,Closed,true\n"
           "INC2,2026-01-02,B,1 - Critcal,Closed,true\n"
           "INC3,2026-01-02,,2 - High,Closed,maybe\n"
           "INC4,2026-01-02,D,2 - High,Shelved,true\n");
  auto sms = RunSms(disk);
  auto m = Messages(sms->diags);
  REQUIRE(m.size() == 5);
  CHECK(m[0].find("records/itsm/incidents.csv:2:6: error: 'opened' must be a date") == 0);
  CHECK(m[0].find("(column 'opened_at')") != std::string::npos);
  CHECK(m[1].find("records/itsm/incidents.csv:3:19: error: unknown value '1 - Critcal' in "
                  "column 'priority' (did you mean '1 - Critical'?)") == 0);
  CHECK(m[2].find("records/itsm/incidents.csv:4:17: error: empty cell in column "
                  "'short_description'") == 0);
  CHECK(m[3] ==
        "records/itsm/incidents.csv:4:34: error: 'resolved_within_sla' must be true or false, got "
        "'maybe' (column 'made_sla') [field-type]");
  CHECK(m[4].find("records/itsm/incidents.csv:5:28: error: unknown value 'Shelved' in column "
                  "'state'") == 0);
}

TEST_CASE("a missing required column is reported with the headers that are there") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", std::string(kConfig) + kImportsConfig);
  disk.Add("records/itsm/incidents.csv",
           "Number,opened_at,short_description,priority,state\nINC1,2026-01-02,A,2 - High,New\n");
  auto sms = RunSms(disk);
  auto m = Messages(sms->diags);
  REQUIRE(m.size() == 1);
  CHECK(m[0] ==
        "records/itsm/incidents.csv:1:1: error: no column 'number' (field 'id' of kind "
        "'incident') (did you mean 'Number'?) [import-column]");
  CHECK(sms->model.corpus.records.empty());
}

TEST_CASE("an import naming an unknown kind, field or uncovered preset is an error") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", std::string(kConfig) +
                              "imports:\n"
                              "  - {files: records/a.csv, kind: incidnt}\n"
                              "  - {files: records/b.csv, kind: change, preset: jira}\n"
                              "  - {files: records/c.csv, kind: incident, preset: servicenow,\n"
                              "     columns: {priorty: Prio}}\n");
  auto sms = RunSms(disk);
  auto m = Messages(sms->diags);
  REQUIRE(m.size() >= 3);
  CHECK(m[0].find("unknown kind 'incidnt' in an import (did you mean 'incident'?)") !=
        std::string::npos);
  CHECK(m[1].find("preset 'jira' has no columns for kind 'change'") != std::string::npos);
  CHECK(m[2].find("kind 'incident' has no field 'priorty' to import (did you mean "
                  "'priority'?)") != std::string::npos);
}

TEST_CASE("Jira Service Management requests load through the preset, Jira dates too") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml",
           std::string(kConfig) +
               "imports:\n"
               "  - {files: records/jsm.csv, kind: service-request, preset: jira}\n");
  disk.Add("records/jsm.csv",
           "Summary,Issue key,Issue id,Issue Type,Status,Priority,Assignee,Created,Resolved,"
           "Custom field (Request Type),Custom field (Affected services)\n"
           "New laptop,SR-101,10101,Service Request,Resolved,Medium,Kim,"
           "03/Feb/26 9:15 AM,05/Feb/26 4:02 PM,Hardware request,Managed Workplace\n");
  auto sms = RunSms(disk);
  CHECK(ImportMessages(sms->diags).empty());
  REQUIRE(sms->model.corpus.records.size() == 1);
  const Record& r = sms->model.corpus.records[0];
  CHECK(r.id == "SR-101");
  CHECK(r.status == "resolved");
  CHECK(r.Field("priority")->text == "P3");
  CHECK(r.Field("opened")->text == "2026-02-03");
  CHECK(r.Field("resolved")->text == "2026-02-05");
  CHECK(r.Field("request_type")->text == "Hardware request");
}

TEST_CASE("export dates are made calendar dates") {
  CHECK(ImportedDate("2026-10-14 07:12:09") == "2026-10-14");
  CHECK(ImportedDate("2026-10-14T07:12:09Z") == "2026-10-14");
  CHECK(ImportedDate("2026-10-14") == "2026-10-14");
  CHECK(ImportedDate("14/Oct/26 7:12 AM") == "2026-10-14");
  CHECK(ImportedDate("4/oct/2026") == "2026-10-04");
  CHECK(ImportedDate("14.10.2026") == "14.10.2026");  // left for the date check to report
}

TEST_CASE("the presets name every field of a real kind, and values of its enums") {
  const KindCatalogue& kinds = BuiltinKinds();
  for (const auto& name : ItsmPresetNames())
    for (const auto& kind : ItsmPresetKinds(name)) {
      CAPTURE(name);
      CAPTURE(kind);
      const KindSpec* spec = kinds.Find(kind);
      REQUIRE(spec);
      const ItsmPreset* preset = FindItsmPreset(name, kind);
      for (const auto& [field, header] : preset->columns) CHECK(spec->Field(field));
      for (const auto& [field, values] : preset->values) {
        const FieldSpec* f = spec->Field(field);
        REQUIRE(f);
        const auto& allowed = f->type == FieldType::kStatus ? spec->statuses : f->values;
        for (const auto& [from, to] : values)
          if (f->type != FieldType::kBool)
            CHECK(std::find(allowed.begin(), allowed.end(), to) != allowed.end());
      }
    }
}

}  // namespace smsdoc
