#include "load/import_json.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "load/itsm_presets.h"
#include "test_support.h"

namespace smsdoc {

namespace {

using testing::BaseSms;
using testing::kConfig;
using testing::RunSms;

// The diagnostics about the exports (the small SMS has readiness warnings
// of its own).
std::vector<std::string> ExportMessages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items())
    if (std::string m = FormatDiagnostic(item); m.rfind("records/", 0) == 0) {
      MESSAGE(m);
      out.push_back(m);
    }
  return out;
}

// Jira's REST search result (GET /rest/api/2/search), cut down: fields as
// nested objects, the request type in JSM's customfield_10010, and the
// site's own select field for the service.
const char* kJiraSearch = R"({"expand": "names,schema", "startAt": 0, "total": 2, "issues": [
  {"id": "10101", "key": "SR-101", "fields": {
    "summary": "New laptop for Z\u00fcrich \ud83d\udcbb",
    "status": {"name": "Resolved", "statusCategory": {"key": "done"}},
    "priority": {"name": "Medium", "id": "3"},
    "created": "2026-02-03T09:15:00.000+0100",
    "resolutiondate": "2026-02-05T16:02:11.000+0100",
    "assignee": {"displayName": "Kim Berg", "active": true},
    "customfield_10010": {"requestType": {"name": "Hardware request"}},
    "customfield_10061": {"value": "Managed Workplace", "id": "10231"},
    "labels": ["laptop", "onboarding"]}},
  {"id": "10102", "key": "SR-102", "fields": {
    "summary": "VPN access", "status": {"name": "Open"}, "priority": {"name": "High"},
    "created": "2026-02-04T10:00:00.000+0100", "resolutiondate": null, "assignee": null,
    "customfield_10010": null, "customfield_10061": null, "labels": []}}
]})";

std::string JiraConfig(const std::string& extra = "") {
  return std::string(kConfig) +
         "imports:\n"
         "  - {files: records/itsm/*.json, kind: service-request, preset: jira,\n"
         "     columns: {service: fields.customfield_10061.value" +
         extra + "}}\n";
}

}  // namespace

TEST_CASE("Jira's search result loads through the preset's JSON paths") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", JiraConfig());
  disk.Add("records/itsm/requests.json", kJiraSearch);
  auto sms = RunSms(disk);
  CHECK(ExportMessages(sms->diags).empty());
  const auto& records = sms->model.corpus.records;
  REQUIRE(records.size() == 2);
  const Record& r = records[0];
  CHECK(r.imported);
  CHECK(r.id == "SR-101");
  CHECK(r.title == "New laptop for Z\xC3\xBCrich \xF0\x9F\x92\xBB");
  CHECK(r.status == "resolved");
  CHECK(r.Field("priority")->text == "P3");
  CHECK(r.Field("opened")->text == "2026-02-03");
  CHECK(r.Field("resolved")->text == "2026-02-05");
  CHECK(r.Field("assignee")->text == "Kim Berg");
  CHECK(r.Field("request_type")->text == "Hardware request");
  CHECK(r.Field("service")->text == "Managed Workplace");
  CHECK(r.Field("priority")->pos.line == 5);
  CHECK(r.Field("priority")->pos.col == 26);
  CHECK(records[1].status == "new");
  CHECK(records[1].Field("resolved") == nullptr);  // null: empty
  CHECK(records[1].Field("assignee") == nullptr);
}

TEST_CASE("ServiceNow's JSON uses the CSV's names; a plain array and 'result' are read too") {
  const char* records =
      R"([{"number": "INC1", "short_description": "Mail down", "state": "Closed",
  "opened_at": "2026-03-02 08:14:55", "priority": "1 - Critical",
  "business_service": "Managed Workplace", "made_sla": "true", "assignment_group.name": "Desk"}])";
  for (std::string text : {std::string(records), "{\"records\": " + std::string(records) + "}",
                           "{\"result\": " + std::string(records) + "}"}) {
    CAPTURE(text);
    MemoryDisk disk = BaseSms();
    disk.Add("smsdoc.yaml",
             std::string(kConfig) +
                 "imports:\n"
                 "  - {files: records/inc.json, kind: incident, preset: servicenow,\n"
                 "     columns: {assignment_group: assignment_group.name}}\n");
    disk.Add("records/inc.json", text);
    auto sms = RunSms(disk);
    CHECK(ExportMessages(sms->diags).empty());
    REQUIRE(sms->model.corpus.records.size() == 1);
    const Record& r = sms->model.corpus.records[0];
    CHECK(r.id == "INC1");
    CHECK(r.Field("priority")->text == "P1");
    CHECK(r.Field("resolved_within_sla")->text == "true");
    CHECK(r.Field("assignment_group")->text == "Desk");  // a key with a dot in it
  }
}

TEST_CASE("arrays on a JSON path are lists: a list field's items, else joined") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", std::string(kConfig) +
                              "imports:\n"
                              "  - {files: records/chg.json, kind: change, preset: servicenow,\n"
                              "     columns: {services: affected.name, approved_by: approvers}}\n");
  disk.Add("records/chg.json", R"([{"number": "CHG1", "short_description": "Patch, then reboot",
    "state": "Closed", "opened_at": "2026-03-02", "type": "Normal",
    "affected": [{"name": "Managed Workplace"}, {"name": "Backup, Recovery"}],
    "approvers": ["Ann", "Bob"]}])");
  auto sms = RunSms(disk);
  CHECK(ExportMessages(sms->diags).empty());
  REQUIRE(sms->model.corpus.records.size() == 1);
  const Record& r = sms->model.corpus.records[0];
  const auto* services = r.Field("services");
  REQUIRE(services);
  CHECK(services->items == std::vector<std::string>{"Managed Workplace", "Backup, Recovery"});
  CHECK(r.Field("approved_by")->text == "Ann, Bob");
}

TEST_CASE("every bad JSON value is reported at its line and column with its path") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", JiraConfig());
  disk.Add("records/itsm/requests.json", R"({"issues": [
  {"key": "SR-1", "fields": {"summary": "A", "status": {"name": "Resolved"},
   "priority": {"name": "Medum"}, "created": "2026-13-01T09:00:00.000+0000"}},
  {"key": "SR-2", "fields": {"summary": null, "status": {"name": "Open"},
   "priority": {"name": "High"}, "created": "2026-02-01T09:00:00.000+0000"}},
  {"key": "SR-3", "fields": {"summary": "C", "status": {"name": "Open", "id": 1},
   "priority": {"name": "Low"}, "created": "2026-02-01", "assignee": {"displayName": 7}}},
  {"key": "SR-4", "fields": {"summary": "D", "status": "Open",
   "priority": {"name": "Low"}, "created": "2026-02-01", "assignee": {"name": "x"}}},
  "SR-5"
]})");
  auto sms = RunSms(disk);
  auto m = ExportMessages(sms->diags);
  REQUIRE(m.size() == 5);
  CHECK(m[0] ==
        "records/itsm/requests.json:3:25: error: unknown value 'Medum' in key "
        "'fields.priority.name' (did you mean 'Medium'?); map it under 'values: {priority: "
        "...}' of the import [import-value]");
  CHECK(m[1].find("records/itsm/requests.json:3:46: error: 'opened' must be a date") == 0);
  CHECK(m[1].find("(key 'fields.created')") != std::string::npos);
  CHECK(m[2] ==
        "records/itsm/requests.json:4:41: error: empty value in key 'fields.summary': field "
        "'title' is required [import-cell]");
  // SR-4's status is a plain string where the path wants an object: no value.
  CHECK(m[3] ==
        "records/itsm/requests.json:8:3: error: empty value in key 'fields.status.name': field "
        "'status' is required [import-cell]");
  CHECK(m[4] ==
        "records/itsm/requests.json:10:3: error: expected a record (an object), got a string "
        "[import-cell]");
  // SR-3 loads: "displayName": 7 is the text "7".
  REQUIRE(sms->model.corpus.records.size() == 1);
  CHECK(sms->model.corpus.records[0].id == "SR-3");
}

TEST_CASE("a syntax error, a path no record has and an unknown shape leave the file out") {
  MemoryDisk disk = BaseSms();
  disk.Add("smsdoc.yaml", std::string(kConfig) +
                              "imports:\n"
                              "  - {files: records/*.json, kind: service-request, preset: jira}\n");
  disk.Add("records/a.json", "{\"issues\": [\n  {\"key\": \"SR-1\",}\n]}");
  disk.Add("records/b.json",
           R"({"issues": [{"key": "SR-1", "fields": {"sumary": "A", "status": {"name": "Open"},
    "priority": {"name": "Low"}, "created": "2026-02-01"}}]})");
  disk.Add("records/c.json", R"({"data": [], "total": 0})");
  disk.Add("records/d.json", R"([{"key": "SR-1", "key": "SR-2"}])");
  auto sms = RunSms(disk);
  auto m = ExportMessages(sms->diags);
  REQUIRE(m.size() >= 4);
  CHECK(m[0] ==
        "records/a.json:2:18: error: expected a key in double quotes, got '}' [json-syntax]");
  CHECK(m[1] ==
        "records/b.json:1:13: error: no record has the key 'fields.summary' (field 'title' of "
        "kind 'service-request') (did you mean 'fields.sumary'?) [import-column]");
  CHECK(m[2] ==
        "records/c.json:1:1: error: expected the records as an array, or an object holding them "
        "under 'records', 'result' or 'issues'; the file holds an object with 'data', 'total' "
        "[import-column]");
  CHECK(std::find(m.begin(), m.end(),
                  "records/d.json:1:25: error: the key 'key' again (first at line 1) "
                  "[json-syntax]") != m.end());
  CHECK(sms->model.corpus.records.empty());
}

TEST_CASE("a preset's JSON paths are for fields it reads from CSV too") {
  for (const auto& name : ItsmPresetNames())
    for (const auto& kind : ItsmPresetKinds(name)) {
      CAPTURE(name);
      CAPTURE(kind);
      const ItsmPreset* preset = FindItsmPreset(name, kind);
      for (const auto& json : preset->json_columns) {
        CAPTURE(json.first);
        bool in_csv = false;
        for (const auto& csv : preset->columns) in_csv = in_csv || csv.first == json.first;
        CHECK(in_csv);
      }
    }
}

}  // namespace smsdoc
