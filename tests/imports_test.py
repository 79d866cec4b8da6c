"""Service records from the ITSM tool's exports (docs/itsm-exports.md).

The example's exports (records/itsm/*.csv, *.json) are read here with the
csv and json modules and mapped through the presets as docs/itsm-exports.md
documents them (its column and JSON path tables are parsed, so the docs are
tested too); every row must be the same row of the built register workbook
and register page. Then the ServiceNow and Jira presets on small generated
exports with those tools' real column names and JSON shapes, and exports
of bad rows: every error at its line and column, in one run.

usage: imports_test.py SMSDOC_BINARY REPO_ROOT
"""

import csv
import datetime
import html
import json
import os
import re
import shutil
import tempfile
import unittest

import testlib

try:
    import openpyxl
except ImportError:
    openpyxl = None

AS_OF = ["--as-of", "2026-11-30"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

# The preset values, as docs/itsm-exports.md lists them.
PRIORITY = {"1 - Critical": "P1", "2 - High": "P2", "3 - Moderate": "P3", "4 - Low": "P4",
            "Highest": "P1", "High": "P2", "Medium": "P3", "Low": "P4", "Lowest": "P4"}
VALUES = {
    ("servicenow", "status"): {"New": "new", "In Progress": "in-progress", "On Hold": "on-hold",
                               "Resolved": "resolved", "Closed": "closed",
                               "Canceled": "cancelled", "Assess": "assess",
                               "Root Cause Analysis": "root-cause-analysis",
                               "Fix in Progress": "fix-in-progress", "Authorize": "authorize",
                               "Scheduled": "scheduled", "Implement": "implement",
                               "Review": "review", "On Order": "planned",
                               "Pending Install": "planned", "Installed": "installed",
                               "In Maintenance": "in-maintenance",
                               "Pending Repair": "in-maintenance", "Retired": "retired"},
    ("jira", "status"): {"Open": "new", "Waiting for support": "new",
                         "In Progress": "in-progress", "Waiting for customer": "waiting",
                         "Pending": "waiting", "Resolved": "resolved", "Closed": "closed",
                         "Canceled": "cancelled", "Declined": "cancelled"},
    ("servicenow", "type"): {"Standard": "standard", "Normal": "normal", "Emergency": "emergency"},
    ("servicenow", "risk"): {"Low": "low", "Moderate": "moderate", "High": "high",
                             "Very High": "very-high"},
    ("servicenow", "outcome"): {"Successful": "successful",
                                "Successful with issues": "successful-with-issues",
                                "Unsuccessful": "failed"},
    ("servicenow", "major"): {"Accepted": "true", "Proposed": "false", "Rejected": "false",
                              "Canceled": "false"},
}
DATES = {"opened", "resolved", "requested", "approved_on", "planned_start", "planned_end",
         "implemented", "review_on"}
BOOLS = {"major", "resolved_within_sla", "known_error"}
LABELS = {"id": "ID", "major": "Major incident", "resolved_within_sla": "Resolved within SLA",
          "incidents": "Linked incidents", "review_on": "Post-implementation review"}
# The example's imports (smsdoc.yaml): file, kind, preset, its own columns.
EXAMPLE = [
    ("servicenow-incidents-2026.csv", "incident", "servicenow", {}),
    ("servicenow-problems.csv", "problem", "servicenow", {}),
    ("servicenow-changes.csv", "change", "servicenow",
     {"approved_by": "u_cab_approver", "review_on": "u_pir_date"}),
    ("servicenow-cmdb-ci.csv", "configuration-item", "servicenow", {"service": "u_service"}),
    ("jira-service-requests.json", "service-request", "jira",
     {"service": "fields.customfield_10061.value"}),
]


def documented_columns():
    """{(preset, kind): {field: column}} from the tables of docs/itsm-exports.md."""
    text = open(os.path.join(testlib.REPO, "docs", "itsm-exports.md"), encoding="utf-8").read()
    out = {}
    for preset, section in re.findall(r"^### `(\w+)`\n(.*?)(?=^##|\Z)", text, re.S | re.M):
        for kind, cells in re.findall(r"^\| `([a-z-]+)` \| (.+) \|$", section, re.M):
            out[(preset, kind)] = dict(re.findall(r"(\w+): `([^`]+)`", cells))
    return out


def documented_json_paths():
    """{(preset, kind): {field: path}}: a preset's columns for a .json file,
    its JSON path table of docs/itsm-exports.md over its CSV columns."""
    text = open(os.path.join(testlib.REPO, "docs", "itsm-exports.md"), encoding="utf-8").read()
    out = documented_columns()
    for preset, kind, cells in re.findall(r"^\| `(\w+)` \| `([a-z-]+)` \| (.+) \|$", text, re.M):
        out[(preset, kind)] = dict(re.findall(r"(\w+): `([^`]+)`", cells))
    return out


def at_path(record, path):
    """The values at a dotted path (arrays walked item by item), None for
    none; the longest key that matches wins, as docs/itsm-exports.md says."""
    if isinstance(record, list):
        found = [at_path(item, path) for item in record]
        found = [v for v in found if v is not None]
        return [x for v in found for x in (v if isinstance(v, list) else [v])] or None
    if not isinstance(record, dict):
        return None
    parts = path.split(".")
    for n in range(len(parts), 0, -1):
        key = ".".join(parts[:n])
        if key in record:
            return record[key] if n == len(parts) else at_path(record[key], ".".join(parts[n:]))
    return None


def json_records(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    if isinstance(data, list):
        return data
    return next(data[k] for k in ("records", "result", "issues") if k in data)


def json_text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return ", ".join(json_text(v) for v in value if v is not None)
    return str(value)


def day(cell):
    """An export's date cell as YYYY-MM-DD, as smsdoc reads it."""
    if re.match(r"^\d{4}-\d\d-\d\d", cell):
        return cell[:10]
    d, m, y = re.match(r"^(\d+)/(\w+)/(\d+)", cell).groups()
    return "%s-%02d-%02d" % (("20" + y) if len(y) == 2 else y, MONTHS.index(m.lower()) + 1, int(d))


def export_rows(path, columns):
    """Each record of a CSV or JSON export as {column: text}."""
    if path.endswith(".json"):
        return [{c: json_text(at_path(r, c)) for c in columns.values()} for r in json_records(path)]
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def expected_records(path, preset, columns):
    """{id: {field: text}} of one export, mapped as documented."""
    out = {}
    for row in export_rows(path, columns):
        rec = {}
        for field, column in columns.items():
            value = row[column].strip()
            value = VALUES.get((preset, field), {}).get(value, value)
            if field == "priority":
                value = PRIORITY.get(value, value)
            if value and field in DATES:
                value = day(value)
            if value:
                rec[field] = value
        out[rec["id"]] = rec
    return out


def cell_text(value):
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def label(field):
    return LABELS.get(field, field.replace("_", " ").capitalize())


@unittest.skipIf(openpyxl is None, "needs Debian's python3-openpyxl")
class ExampleImportsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-imports-")
        cls.out = os.path.join(cls._tmp.name, "site")
        result = testlib.run(["build", "--root", testlib.REPO, "--out", cls.out] + AS_OF,
                             timeout=120)
        if result.returncode != 0:
            raise AssertionError(result.stderr)
        cls.stderr = result.stderr
        cls.columns = documented_columns()
        cls.json_paths = documented_json_paths()

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def test_every_export_row_is_its_register_row(self):
        for name, kind, preset, own in EXAMPLE:
            with self.subTest(export=name):
                documented = self.json_paths if name.endswith(".json") else self.columns
                columns = dict(documented[(preset, kind)], **own)
                expected = expected_records(
                    os.path.join(testlib.REPO, "records", "itsm", name), preset, columns)
                self.assertGreater(len(expected), 8)
                wb = openpyxl.load_workbook(
                    os.path.join(self.out, "registers", kind + "-register.xlsx"))
                ws = [wb[t] for t in wb.sheetnames if wb[t].cell(row=1, column=1).value == "ID"]
                self.assertEqual(len(ws), 1)
                ws = ws[0]
                header = [c.value for c in ws[1]]
                rows = {}
                for r in ws.iter_rows(min_row=2):
                    rows[r[0].value] = {h: cell_text(c.value) for h, c in zip(header, r)}
                self.assertEqual(sorted(rows), sorted(expected))
                compared = 0
                for rid, rec in expected.items():
                    for field in columns:
                        if label(field) in header:
                            self.assertEqual(rows[rid][label(field)], rec.get(field, ""),
                                             "%s %s" % (rid, field))
                            compared += 1
                self.assertGreater(compared, len(expected) * 5)
                # The register page: one row per record, anchored by its ID,
                # and no page of its own.
                page = open(os.path.join(self.out, "records", kind + ".html"),
                            encoding="utf-8").read()
                anchors = re.findall(r'<tr class="row-[^"]*" id="([^"]+)">', page)
                self.assertEqual(sorted(html.unescape(a) for a in anchors), sorted(expected))
                self.assertFalse(os.path.exists(os.path.join(self.out, "records", kind)))

    def test_the_story_holds(self):
        inc = expected_records(os.path.join(testlib.REPO, "records", "itsm",
                                            "servicenow-incidents-2026.csv"), "servicenow",
                               self.columns[("servicenow", "incident")])
        major = inc["INC-2026-04127"]
        self.assertEqual((major["priority"], major["service"], major["opened"], major["problem"],
                          major["major"]),
                         ("P1", "Backup and Recovery", "2026-10-20", "PRB-2026-0188", "true"))
        p1 = [r for r in inc.values() if r["priority"] == "P1" and "resolved_within_sla" in r]
        share = sum(r["resolved_within_sla"] == "true" for r in p1) / len(p1)
        self.assertTrue(0.85 <= share <= 1.0, share)
        changes = expected_records(
            os.path.join(testlib.REPO, "records", "itsm", "servicenow-changes.csv"), "servicenow",
            dict(self.columns[("servicenow", "change")], review_on="u_pir_date"))
        self.assertEqual(changes["CHG-11342"]["outcome"], "successful-with-issues")
        self.assertEqual(changes["CHG-11207"]["outcome"], "failed")
        self.assertTrue(any(c["type"] == "emergency" and "review_on" not in c
                            for c in changes.values()))

    def test_a_link_to_an_incident_goes_to_its_row(self):
        page = open(os.path.join(self.out, "service-reports", "2026-10", "backup-and-recovery.html"),
                    encoding="utf-8").read()
        self.assertTrue('href="../../records/incident.html#INC-2026-04127"' in page,
                        re.findall(r'href="[^"]*INC-2026-04127[^"]*"', page))

    def test_no_orphan_warnings_for_exported_records(self):
        # Exported records are no pages: only the process rules judge them
        # (e2e.rules), never orphan or other page warnings.
        warnings = [l for l in self.stderr.splitlines() if not l.endswith("[rule-breach]")]
        self.assertNotIn("INC-2026", "\n".join(warnings))
        self.assertNotIn("CHG-1", "\n".join(warnings))


def small_sms(root, imports, files):
    """An SMS of only smsdoc.yaml (with `imports`) and the given files."""
    os.makedirs(os.path.join(root, "records"))
    with open(os.path.join(root, "smsdoc.yaml"), "w", encoding="utf-8") as f:
        f.write("organization: Test Org\nscope: Everything.\nroles:\n"
                "  sms-manager: {title: SMS Manager}\nimports:\n" + imports)
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)


def table(header, rows):
    lines = []
    for row in [header] + rows:
        lines.append(",".join('"%s"' % c.replace('"', '""') for c in row))
    return "\n".join(lines) + "\n"


# ServiceNow's incident list with the columns of its default list view and
# more, as Export > CSV writes them.
SNOW_HEADER = ["number", "opened_at", "short_description", "caller_id", "priority", "state",
               "category", "assignment_group", "assigned_to", "sys_updated_on",
               "business_service", "major_incident_state", "resolved_at", "made_sla",
               "problem_id", "impact", "urgency"]
JIRA_HEADER = ["Summary", "Issue key", "Issue id", "Parent id", "Issue Type", "Status",
               "Project key", "Project name", "Priority", "Resolution", "Assignee", "Reporter",
               "Creator", "Created", "Updated", "Last Viewed", "Resolved",
               "Custom field (Request Type)", "Custom field (Affected services)",
               "Custom field (Time to resolution)"]


class PresetsTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-imports-")
        self.root = os.path.join(self._tmp.name, "sms")
        self.out = os.path.join(self._tmp.name, "site")

    def tearDown(self):
        self._tmp.cleanup()

    @unittest.skipIf(openpyxl is None, "needs Debian's python3-openpyxl")
    def test_servicenow_and_jira_exports_load_through_their_presets(self):
        snow = [["INC%07d" % n, "2026-0%d-1%d 08:0%d:00" % (n % 9 + 1, n % 10, n % 10),
                 "Issue %d" % n, "User %d" % n, ["1 - Critical", "2 - High", "3 - Moderate",
                                                 "4 - Low"][n % 4],
                 ["New", "In Progress", "On Hold", "Resolved", "Closed", "Canceled"][n % 6],
                 "Network", "Network Operations", "Agent", "2026-10-01 10:00:00",
                 "Managed Network and Security", "Accepted" if n == 3 else "",
                 "2026-10-0%d 12:00:00" % (n % 9 + 1) if n % 6 in (3, 4) else "",
                 ("true" if n % 2 else "false") if n % 6 in (3, 4) else "", "", "2 - Medium",
                 "2 - Medium"] for n in range(1, 25)]
        jira = [["Request %d" % n, "SR-%d" % n, str(10000 + n), "", "Service Request",
                 ["Open", "Waiting for support", "In Progress", "Waiting for customer",
                  "Resolved", "Closed", "Canceled", "Declined"][n % 8], "SR", "Service desk",
                 ["Highest", "High", "Medium", "Low", "Lowest"][n % 5], "", "Kim", "Ann", "Ann",
                 "0%d/Mar/26 9:1%d AM" % (n % 9 + 1, n % 10), "10/Mar/26 1:00 PM", "",
                 "1%d/Mar/26 4:0%d PM" % (n % 10, n % 10) if n % 8 in (4, 5) else "",
                 "Get access", "Managed Workplace", ""] for n in range(1, 25)]
        small_sms(self.root,
                  "  - {files: records/itsm/incidents.csv, kind: incident, preset: servicenow}\n"
                  "  - {files: records/itsm/requests.csv, kind: service-request, preset: jira}\n",
                  {"records/itsm/incidents.csv": table(SNOW_HEADER, snow),
                   "records/itsm/requests.csv": table(JIRA_HEADER, jira)})
        result = testlib.run(["build", "--root", self.root, "--out", self.out] + AS_OF)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn(": error:", result.stderr)
        columns = documented_columns()
        for name, kind, preset in (("incidents.csv", "incident", "servicenow"),
                                   ("requests.csv", "service-request", "jira")):
            expected = expected_records(os.path.join(self.root, "records", "itsm", name), preset,
                                        columns[(preset, kind)])
            self.assertEqual(len(expected), 24)
            wb = openpyxl.load_workbook(os.path.join(self.out, "registers",
                                                     kind + "-register.xlsx"))
            ws = [wb[t] for t in wb.sheetnames if wb[t].cell(row=1, column=1).value == "ID"][0]
            header = [c.value for c in ws[1]]
            for r in ws.iter_rows(min_row=2):
                row = {h: cell_text(c.value) for h, c in zip(header, r)}
                rec = expected[row["ID"]]
                for field in columns[(preset, kind)]:
                    if label(field) in header:
                        self.assertEqual(row[label(field)], rec.get(field, ""), (row["ID"], field))
            # Every status and priority the preset maps was used.
            statuses = {row.get("status") for row in expected.values()}
            self.assertGreaterEqual(len(statuses), 6)
            self.assertEqual({r["priority"] for r in expected.values()}, {"P1", "P2", "P3", "P4"})

    @unittest.skipIf(openpyxl is None, "needs Debian's python3-openpyxl")
    def test_servicenow_and_jira_json_load_through_their_presets(self):
        # ServiceNow's {"records": [...]} with the CSV's field names and display
        # values; Jira's REST search result, fields nested.
        snow = {"records": [
            {"number": "INC%07d" % n, "opened_at": "2026-03-%02d 08:00:00" % n,
             "short_description": "Issue \u00e9 %d" % n, "caller_id": "User",
             "priority": ["1 - Critical", "2 - High", "3 - Moderate", "4 - Low"][n % 4],
             "state": ["New", "In Progress", "On Hold", "Resolved", "Closed", "Canceled"][n % 6],
             "business_service": "Managed Workplace", "assignment_group": "Desk",
             "made_sla": ["true", "false", ""][n % 3], "major_incident_state": "",
             "resolved_at": "2026-04-01 10:00:00" if n % 6 in (3, 4) else ""}
            for n in range(1, 25)]}
        statuses = ["Open", "Waiting for support", "In Progress", "Waiting for customer",
                    "Resolved", "Closed", "Canceled", "Declined"]
        jira = {"startAt": 0, "total": 24, "issues": [
            {"id": str(10000 + n), "key": "SR-%d" % n, "fields": {
                "summary": "Request \U0001F4BB %d" % n,
                "status": {"name": statuses[n % 8], "statusCategory": {"key": "new"}},
                "priority": {"name": ["Highest", "High", "Medium", "Low", "Lowest"][n % 5]},
                "created": "2026-03-%02dT09:10:00.000+0100" % n,
                "resolutiondate": "2026-03-28T16:00:00.000+0100" if n % 8 in (4, 5) else None,
                "assignee": {"displayName": "Kim"} if n % 3 else None,
                "customfield_10010": {"requestType": {"name": "Get access"}},
                "customfield_10061": {"value": "Managed Workplace", "id": "10231"}}}
            for n in range(1, 25)]}
        small_sms(self.root,
                  "  - {files: records/itsm/incidents.json, kind: incident, preset: servicenow}\n"
                  "  - {files: records/itsm/requests.json, kind: service-request, preset: jira,\n"
                  "     columns: {service: fields.customfield_10061.value}}\n",
                  {"records/itsm/incidents.json": json.dumps(snow, indent=1),
                   "records/itsm/requests.json": json.dumps(jira)})  # \u escapes
        result = testlib.run(["build", "--root", self.root, "--out", self.out] + AS_OF)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn(": error:", result.stderr)
        paths = documented_json_paths()
        for name, kind, preset, own in (
                ("incidents.json", "incident", "servicenow", {}),
                ("requests.json", "service-request", "jira",
                 {"service": "fields.customfield_10061.value"})):
            columns = dict(paths[(preset, kind)], **own)
            expected = expected_records(os.path.join(self.root, "records", "itsm", name), preset,
                                        columns)
            self.assertEqual(len(expected), 24)
            wb = openpyxl.load_workbook(os.path.join(self.out, "registers",
                                                     kind + "-register.xlsx"))
            ws = [wb[t] for t in wb.sheetnames if wb[t].cell(row=1, column=1).value == "ID"][0]
            header = [c.value for c in ws[1]]
            rows = 0
            for r in ws.iter_rows(min_row=2):
                row = {h: cell_text(c.value) for h, c in zip(header, r)}
                rec = expected[row["ID"]]
                rows += 1
                for field in columns:
                    if label(field) in header:
                        self.assertEqual(row[label(field)], rec.get(field, ""), (row["ID"], field))
            self.assertEqual(rows, 24)
            self.assertGreaterEqual(len({row.get("status") for row in expected.values()}), 6)
        self.assertEqual(expected["SR-1"]["title"], "Request \U0001F4BB 1")

    def test_every_bad_json_value_is_reported_at_its_line_and_column(self):
        small_sms(self.root,
                  "  - {files: records/itsm/*.json, kind: service-request, preset: jira}\n",
                  {"records/itsm/requests.json":
                   '{"issues": [\n'
                   ' {"key": "SR-1", "fields": {"summary": "A", "status": {"name": "Open"},\n'
                   '  "priority": {"name": "Hihg"}, "created": "2026-02-30T09:00:00.000+0000"}},\n'
                   ' {"key": "SR-2", "fields": {"summary": null, "status": {"name": "Open"},\n'
                   '  "priority": "High", "created": "2026-02-01T09:00:00.000+0000"}}\n'
                   ']}\n',
                   "records/itsm/broken.json": '{"issues": [\n {"key": "SR-3" "fields": {}}\n]}\n',
                   "records/itsm/renamed.json":
                   '[{"key": "SR-4", "fields": {"Summary": "D", "status": {"name": "Open"},\n'
                   '  "created": "2026-02-01"}}]\n'})
        result = testlib.run(["check", "--root", self.root] + AS_OF)
        self.assertEqual(result.returncode, 1)
        got = [l for l in testlib.lines(result.stderr)
               if testlib.DIAG_RE.match(l) and "records/itsm" in l]
        self.maxDiff = None
        self.assertEqual(got, [
            "records/itsm/broken.json:2:17: error: expected ',' or '}' in an object, got '\"' "
            "[json-syntax]",
            "records/itsm/renamed.json:1:2: error: no record has the key 'fields.summary' (field "
            "'title' of kind 'service-request') (did you mean 'fields.Summary'?) [import-column]",
            "records/itsm/requests.json:3:24: error: unknown value 'Hihg' in key "
            "'fields.priority.name' (did you mean 'High'?); map it under 'values: {priority: "
            "...}' of the import [import-value]",
            "records/itsm/requests.json:3:44: error: 'opened' must be a date YYYY-MM-DD, got "
            "'2026-02-30' (2026-02 has 28 days) (key 'fields.created') [field-date]",
            "records/itsm/requests.json:4:40: error: empty value in key 'fields.summary': field "
            "'title' is required [import-cell]",
        ])

    def test_every_bad_cell_is_reported_at_its_line_and_column(self):
        small_sms(self.root,
                  "  - {files: records/itsm/incidents.csv, kind: incident, preset: servicenow}\n"
                  "  - {files: records/itsm/changes.csv, kind: change, preset: servicenow}\n"
                  "  - {files: records/itsm/none-*.csv, kind: problem, preset: servicenow}\n",
                  {"records/itsm/incidents.csv":
                   "number,opened_at,short_description,priority,state,made_sla,problem_id\n"
                   "INC1,2026-13-01 08:00:00,A,1 - Critical,Closed,true,\n"
                   "INC2,2026-01-02,B,1 - Critcal,Closed,true,\n"
                   "INC3,2026-01-02,,2 - High,Closed,maybe,\n"
                   "INC4,2026-01-02,D,2 - High,Shelved,true,\n"
                   "INC5,2026-01-02,E,2 - High,New\n",
                   "records/itsm/changes.csv": "Number,opened_at,short_description,state\n"
                                               "CHG1,2026-01-01,A,New\n"})
        result = testlib.run(["check", "--root", self.root] + AS_OF)
        self.assertEqual(result.returncode, 1)
        got = [l for l in testlib.lines(result.stderr)
               if testlib.DIAG_RE.match(l) and ("records/itsm" in l or "[import-" in l)]
        self.assertEqual(got, [
            "records/itsm/changes.csv:1:1: error: no column 'number' (field 'id' of kind "
            "'change') (did you mean 'Number'?) [import-column]",
            "records/itsm/changes.csv:1:1: error: no column 'type' (field 'type' of kind "
            "'change') [import-column]",
            "records/itsm/incidents.csv:2:6: error: 'opened' must be a date YYYY-MM-DD, got "
            "'2026-13-01' (there is no month 13) (column 'opened_at') [field-date]",
            "records/itsm/incidents.csv:3:19: error: unknown value '1 - Critcal' in column "
            "'priority' (did you mean '1 - Critical'?); map it under 'values: {priority: ...}' "
            "of the import [import-value]",
            "records/itsm/incidents.csv:4:17: error: empty cell in column 'short_description': "
            "field 'title' is required [import-cell]",
            "records/itsm/incidents.csv:4:34: error: 'resolved_within_sla' must be true or "
            "false, got 'maybe' (column 'made_sla') [field-type]",
            "records/itsm/incidents.csv:5:28: error: unknown value 'Shelved' in column 'state'; "
            "map it under 'values: {status: ...}' of the import [import-value]",
            "records/itsm/incidents.csv:6:28: error: the row ends before column 'made_sla' (5 of "
            "7 cells) [import-cell]",
            "smsdoc.yaml:8:13: warning: the import 'records/itsm/none-*.csv' matches no file in "
            "a records folder [import-unmatched]",
        ])


if __name__ == "__main__":
    testlib.main()
