#!/usr/bin/python3
"""e2e.kpi_query: KPIs computed from records (`from:` in a process's KPIs).

The example's KPI-INC-01 (P1 incidents resolved within SLA) is computed
from the ServiceNow incident export. This test recomputes it here straight
from records/itsm/*.csv with the csv module and the servicenow preset's
documented columns and values (docs/itsm-exports.md), then checks the same
values on the process page, the KPI dashboard, registers/kpi-register.xlsx,
`smsdoc report` and `smsdoc status --format json`. A small SMS with every
mistake a `from:` can hold checks each error at its position.
"""
import csv
import glob
import html
import json
import os
import re
import tempfile
import unittest

import testlib

try:
    import openpyxl
except ImportError:  # reported by the test that needs it
    openpyxl = None

AS_OF = "2026-11-21"

# The servicenow preset for incidents (docs/itsm-exports.md#servicenow):
# field -> column, and the priority values.
SERVICENOW_INCIDENT = {"priority": "priority", "opened": "opened_at", "resolved": "resolved_at",
                       "resolved_within_sla": "made_sla"}
SERVICENOW_PRIORITY = {"1 - Critical": "P1", "2 - High": "P2", "3 - Moderate": "P3",
                       "4 - Low": "P4"}


def servicenow_incidents(root):
    """The example's incidents as {field: value}, as the preset maps them."""
    out = []
    for path in sorted(glob.glob(os.path.join(root, "records/itsm/servicenow-incidents-*.csv"))):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                r = {field: row[column].strip() for field, column in SERVICENOW_INCIDENT.items()}
                r["priority"] = SERVICENOW_PRIORITY[r["priority"]]
                r["resolved_within_sla"] = r["resolved_within_sla"].lower()
                for date in ("opened", "resolved"):
                    r[date] = r[date][:10]  # the day is kept
                out.append(r)
    return out


def computed_span(root, kpi, as_of):
    """The months a monthly incident KPI's `from:` spans, ended by `as_of`:
    from the first to the last an incident is dated in by its `date`."""
    date = kpi["from"]["date"]
    months = sorted({r[date][:7] for r in servicenow_incidents(root) if r[date]})
    return [m for m in months if m < as_of[:7]]


def computed_values(root, kpi, as_of):
    """{month: value} of a monthly incident KPI's `from:` as docs/measurement.md
    says: months from the first to the last an incident is dated in by
    `date`, ended by `as_of`; a ratio of no record is not measured."""
    query = kpi["from"]
    assert query["kind"] == "incident" and kpi["frequency"] == "monthly", kpi["id"]

    def matches(record, condition):
        return all(record.get(f) in ([str(v).lower() if isinstance(v, bool) else str(v)
                                      for v in vs] if isinstance(vs, list) else
                                     [str(vs).lower() if isinstance(vs, bool) else str(vs)])
                   for f, vs in condition.items())

    records = [r for r in servicenow_incidents(root) if r[query["date"]]]
    months = sorted({r[query["date"]][:7] for r in records})
    out = {}
    for month in months:
        if month >= as_of[:7]:
            continue  # the running month has not ended
        selected = [r for r in records if r[query["date"]][:7] == month
                    and matches(r, query.get("where") or {})]
        if "count" in query:
            out[month] = float(len(selected))
        elif "ratio" in query and selected:
            hits = sum(1 for r in selected if matches(r, query["ratio"]))
            out[month] = round(100.0 * hits / len(selected), 1)
    return out


def example_kpi(root, kpi_id):
    """A typed KPI of the example's processes, from their front matter."""
    import yaml  # python3-yaml, as the other KPI tests
    for path in glob.glob(os.path.join(root, "processes", "*.md")):
        with open(path, encoding="utf-8") as fh:
            meta = yaml.safe_load(fh.read().split("---\n")[1])
        for kpi in meta.get("kpis") or []:
            if kpi.get("id") == kpi_id:
                return kpi
    raise AssertionError(kpi_id)


def text_of(fragment):
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", fragment))).strip()


def row_of(page, kpi_id, raw=False):
    """The text (or HTML) of the table row that links to or names `kpi_id`."""
    for row in re.findall(r"<tr[^>]*>(.*?)</tr>", page, re.S):
        if re.search(r">\s*" + re.escape(kpi_id) + r"\b", row):
            return row if raw else text_of(row)
    raise AssertionError("no row of " + kpi_id)


class ExampleTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        try:
            cls.kpi = example_kpi(testlib.REPO, "KPI-INC-01")
        except ImportError:
            raise unittest.SkipTest("python3-yaml is needed (./dev installs it)")
        cls.expected = computed_values(testlib.REPO, cls.kpi, AS_OF)
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-kpi-query-")
        cls.out = os.path.join(cls.tmp.name, "site")
        build = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF, "--out", cls.out])
        if build.returncode != 0:
            raise AssertionError(build.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def read(self, rel):
        with open(os.path.join(self.out, rel), encoding="utf-8") as fh:
            return fh.read()

    def test_the_recomputation_tells_the_examples_story(self):
        # October: major incident INC-2026-04127 missed its SLA, 3 of 4 in time;
        # May and September had no P1 resolved.
        self.assertEqual(self.expected["2026-10"], 75.0)
        self.assertNotIn("2026-05", self.expected)
        self.assertNotIn("2026-11", self.expected)  # not ended as of 2026-11-21
        self.assertGreaterEqual(len(self.expected), 8)

    def test_process_page_and_dashboard_show_the_computed_value(self):
        process = self.read("processes/incident-management.html")
        row = row_of(process, "KPI-INC-01")
        self.assertIn("75% (2026-10) missed", row)
        self.assertIn("computed from 4 records in Incidents", row)
        # A measured KPI names no source.
        self.assertNotIn("kpi-source", row_of(process, "KPI-INC-03", raw=True))
        self.assertNotIn("kpi-source", row_of(self.read("kpis.html"), "KPI-INC-03", raw=True))
        row = row_of(self.read("kpis.html"), "KPI-INC-01")
        self.assertIn("75% 2026-10", row)
        self.assertIn("computed from 4 records in Incidents", row)
        # The dashboard's chart plots every computed month with its value.
        section = re.search(r'<section[^>]*data-kpi="KPI-INC-01".*?</section>',
                            self.read("kpis.html"), re.S).group(0)
        plotted = {p: float(v) for p, v in re.findall(
            r'data-period="(2026-\d\d)" data-value="([\d.]+)"', section)}
        self.assertEqual(plotted, self.expected)

    @unittest.skipIf(openpyxl is None, "python3-openpyxl is needed")
    def test_kpi_register_holds_every_computed_value_with_its_source(self):
        book = openpyxl.load_workbook(os.path.join(self.out, "registers/kpi-register.xlsx"))
        sheet = book["Measurements"]
        header = [c.value for c in sheet[1]]
        col = {name: header.index(name) for name in header}
        computed = {}
        for row in sheet.iter_rows(min_row=2, values_only=True):
            if row[col["KPI"]] == "KPI-INC-01" and str(row[col["Period"]]).startswith("2026"):
                computed[row[col["Period"]]] = row[col["Value"]]
                self.assertRegex(row[col["Source"]], r"^computed from \d+ incident records "
                                 r"\(records/itsm/servicenow-incidents-2026\.csv\)$")
        self.assertEqual(computed, self.expected)

    def test_report_and_status_count_the_computed_value(self):
        report = testlib.run(["report", "--root", testlib.REPO, "--as-of", AS_OF, "--period",
                              "2026-10", "--service", "Backup and Recovery"])
        self.assertEqual(report.returncode, 0, report.stderr)
        block = report.stdout.split("KPI-INC-01 ")[1].split("\n\n")[0]
        self.assertRegex(block, r"\n  2026-10 +75% missed\n +computed from 4 records in "
                                r"Incidents\n")
        # No P1 incident was resolved in September: nothing to judge.
        self.assertNotIn("2026-09", self.expected)
        self.assertIn("previous        2026-09: not measured", block)

        def missed_latest(as_of):
            status = testlib.run(["status", "--root", testlib.REPO, "--as-of", as_of,
                                  "--format", "json"])
            return json.loads(status.stdout)["kpis"]["missed_latest"]

        # From 1 December, November (all P1s in time) is the latest period:
        # nothing else changes between the two dates.
        self.assertEqual(missed_latest(AS_OF) - missed_latest("2026-12-01"), 1)


PROCESS = """---
id: PRC-INC
title: Incident management
type: process
owner: sms-manager
approver: sms-manager
version: "1.0"
status: approved
effective: 2026-01-15
review_months: 12
purpose: Restore service.
kpis:
  - id: KPI-A
    name: P1 in time
    unit: percent
    direction: higher
    target: 95
    frequency: monthly
    from: {kind: incident, date: resolved, where: {priority: P1}, ratio: {resolved_within_sla: true}}
  - id: KPI-B
    name: Bad
    unit: count
    direction: lower
    target: 1
    frequency: monthly
    from: {kind: incidnt, date: resolved, count: true}
  - id: KPI-C
    name: Worse
    unit: percent
    direction: lower
    target: 1
    frequency: monthly
    from: {kind: incident, date: priority, where: {priorty: P1}, count: true, sort: x}
  - id: KPI-D
    name: Median
    unit: score
    direction: lower
    target: 1
    frequency: monthly
    from: {kind: incident, date: opened, median: title}
---
Body.
"""

INCIDENTS = """\
- {id: I1, kind: incident, title: A, status: closed, opened: 2026-08-01, priority: P1,
   resolved: 2026-08-02, resolved_within_sla: true}
"""

MEASUREMENTS = """kpi,period,value
KPI-A,2026-07,97
KPI-A,2026-08,97
"""


class BadInputTest(unittest.TestCase):
    def test_every_error_at_its_position(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-kpi-query-") as root:
            files = {"smsdoc.yaml": "organization: Test Org\nscope: Everything.\nroles:\n"
                                    "  sms-manager: {title: SMS Manager}\n",
                     "processes/incident.md": PROCESS,
                     "records/incidents.yaml": INCIDENTS,
                     "records/measurements.csv": MEASUREMENTS}
            for rel, text in files.items():
                os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
                with open(os.path.join(root, rel), "w", encoding="utf-8") as fh:
                    fh.write(text)
            check = testlib.run(["check", "--root", root, "--as-of", AS_OF])
            self.assertEqual(check.returncode, 1, check.stderr)
            errors = [re.sub(r"; kinds: [a-z-, ]+ \[", "; kinds: ... [", l)
                      for l in testlib.lines(check.stderr) if ": error: " in l]
            p = "processes/incident.md"
            self.assertEqual(errors, [
                p + ":26:18: error: KPI 'KPI-B': unknown record kind 'incidnt' (did you mean "
                "'incident'?); kinds: ... [kpi-from]",
                p + ":33:73: error: 'count' gives a number of records, which the KPI's "
                "'unit: percent' cannot hold: give it 'unit: count' [kpi-from]",
                p + ":33:79: error: unknown key 'sort' in 'from' [kpi-from]",
                p + ":40:50: error: KPI 'KPI-D': field 'title' of kind 'incident' is text, "
                "not a number [kpi-from]",
                "records/measurements.csv:3:7: error: KPI-A is computed from incident records "
                "for 2026-08 ('from' at processes/incident.md:19): remove this measurement "
                "[measurement-computed]",
            ])


if __name__ == "__main__":
    testlib.main()
