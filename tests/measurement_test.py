"""KPIs and measurements (docs/measurement.md) on the fixture `measurements/`
and on the example: typed KPIs, the free-text form's warning, CSV and YAML
measurements with every problem at file:line:col in one run, the missing
period, the process page's latest value and state, and the example's gap.

usage: measurement_test.py SMSDOC_BINARY REPO_ROOT
"""

import csv
import html
import os
import re
import shutil
import tempfile
import unittest

import testlib

AS_OF = ["--as-of", "2026-11-21"]
FIXTURE = "fixtures/measurements"

# The fixture's problems, exactly and in order: one `check` reports them all.
EXPECTED = [
    "processes/incident.md:28:11: warning: KPI 'Calls answered in 30 seconds' is free text and "
    "cannot be measured: give it 'id' (e.g. KPI-INC-01), 'unit' (percent, count, duration, "
    "currency, score), 'direction' (higher, lower), a numeric 'target' and 'frequency' "
    "(monthly, quarterly, yearly) to measure it (docs/measurement.md) [kpi-untyped]",
    "processes/incident.md:13:9: warning: 'PRC-INC': KPI-INC-01 (P1 incidents resolved within "
    "SLA) has no measurement for 2026-08; record one, or say why in a comment "
    "[measurement-missing]",
    "records/bad-cells.csv:2:20: error: 'value' must be a number (or a duration like 4h or "
    "30m), got 'high' [measurement-value]",
    "records/bad-cells.csv:3:12: error: missing required field 'period' of a measurement "
    "[field-missing]",
    "records/bad-cells.csv:4:1: error: this row has 2 cells, the header 4 columns [csv-column]",
    "records/bad-cells.csv:5:24: error: text after the closing quote: put it inside the quotes "
    "or after a comma [csv-syntax]",
    "records/bad-cells.csv:5:20: error: 'value' must be a number (or a duration like 4h or "
    "30m), got '95x' [measurement-value]",
    "records/bad-cells.csv:6:1: error: this quoted field is never closed [csv-syntax]",
    "records/bad-cells.csv:6:1: error: this row has 1 cell, the header 4 columns [csv-column]",
    "records/bad-header.csv:1:5: error: unknown column 'perod' (did you mean 'period'?); the "
    "columns are kpi, period, value, comment, source [csv-column]",
    "records/bad-header.csv:1:17: error: unknown column 'note'; the columns are kpi, period, "
    "value, comment, source [csv-column]",
    "records/bad-header.csv:1:1: error: missing required column 'period' [csv-column]",
    "records/checks.yaml:8:11: error: period '2026-Q2' of KPI-INC-01 (monthly) must be YYYY-MM "
    "or a date YYYY-MM-DD [measurement-period]",
    "records/checks.yaml:13:10: error: value of KPI-INC-01 (percent) must be a percentage "
    "0..100, got '101' [measurement-value]",
    "records/checks.yaml:15:8: error: unknown KPI 'KPI-INC-1' (did you mean 'KPI-INC-01'?); "
    "KPIs are defined under 'kpis:' in a process, each with an 'id' [kpi-unknown]",
    "records/checks.yaml:19:8: error: KPI 'Calls answered in 30 seconds' of PRC-INC is free "
    "text: give it an 'id', 'unit', 'direction' and a numeric 'target' there, and name that id "
    "here [measurement-untyped-kpi]",
    "records/measurements/incident.csv:3:12: error: KPI-INC-01 already has a measurement for "
    "2026-07 at records/checks.yaml:1 [measurement-duplicate]",
]


def sort_key(line):
    m = testlib.DIAG_RE.match(line)
    return (m.group(1), int(m.group(2)), int(m.group(3)))


def kpi_rows(page):
    """The rows of the process page's KPI table, as lists of cell texts."""
    table = re.search(r'<table class="kpis">(.*?)</table>', page, re.S).group(1)
    rows = []
    for row in re.findall(r"<tr>(.*?)</tr>", table, re.S):
        cells = re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row, re.S)
        rows.append([html.unescape(re.sub(r"<[^>]+>", "", c)).strip() for c in cells])
    return rows


class MeasurementTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-measurement-")
        self.root = os.path.join(self._tmp.name, "sms")
        shutil.copytree(os.path.join(testlib.REPO, "tests", FIXTURE), self.root,
                        ignore=shutil.ignore_patterns("expected.txt", "exit_code"))

    def tearDown(self):
        self._tmp.cleanup()

    def test_every_problem_in_one_run(self):
        result = testlib.run(["check", "--root", self.root] + AS_OF)
        self.assertEqual(result.returncode, 1, result.stderr)
        lines = testlib.lines(result.stderr)
        self.assertEqual(lines[:-1], sorted(EXPECTED, key=sort_key))
        self.assertRegex(lines[-1], r"^smsdoc: checked 1 document and 0 records: 15 errors, "
                                    r"2 warnings$")

    def test_process_page_shows_the_latest_value_and_state(self):
        for bad in ("records/bad-cells.csv", "records/bad-header.csv", "records/checks.yaml"):
            os.remove(os.path.join(self.root, bad))
        out = os.path.join(self._tmp.name, "site")
        result = testlib.run(["build", "--root", self.root, "--out", out] + AS_OF)
        self.assertEqual(result.returncode, 0, result.stderr)
        warnings = [l for l in testlib.lines(result.stderr) if testlib.DIAG_RE.match(l)]
        self.assertEqual(warnings, sorted(EXPECTED[:2], key=sort_key))
        # The latest row of each KPI in the CSV up to the as-of date, as the
        # page must show it (a row for 2026-12 waits for its month).
        with open(os.path.join(self.root, "records/measurements/incident.csv"),
                  encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
        self.assertEqual(rows[-1]["period"], "2026-12")
        latest = {row["kpi"]: row for row in rows if row["period"] < "2026-11-21"}
        self.assertEqual(latest["KPI-INC-01"]["value"], "89")
        self.assertEqual(latest["KPI-INC-01"]["period"], "2026-10")
        with open(os.path.join(out, "processes/incident.html"), encoding="utf-8") as fh:
            rows = kpi_rows(fh.read())
        self.assertEqual(rows[0], ["ID", "Indicator", "Target", "Frequency", "Latest"])
        self.assertEqual(rows[1], ["KPI-INC-01", "P1 incidents resolved within SLA",
                                   "\u2265 95% (warning threshold 90%)", "monthly", "89% (2026-10) missed"])
        # 250 minutes against 4h, near up to 5h; quarterly.
        self.assertEqual(rows[2], ["KPI-INC-02", "Median P2 resolution time",
                                   "\u2264 240 min (warning threshold 300 min)", "quarterly",
                                   "250 min (2026-Q3) near target"])
        self.assertEqual(rows[3], ["", "Calls answered in 30 seconds", "90%", "Monthly", ""])
        with open(os.path.join(out, "attention.html"), encoding="utf-8") as fh:
            attention = html.unescape(re.sub(r"<[^>]+>", "", fh.read()))
        self.assertIn("KPIs with missing measurements", attention)
        self.assertIn("KPI-INC-01 (P1 incidents resolved within SLA) has no measurement for "
                      "2026-08", attention)
        status = testlib.run(["status", "--root", self.root, "--format", "json"] + AS_OF)
        self.assertIn('"kpis": {"measured": 2, "missed_latest": 1, "typed": 2}', status.stdout)
        self.assertIn('"measurements_missing": ["KPI-INC-01"]', status.stdout)


class ExampleTest(unittest.TestCase):
    """The example: typed KPIs, 24 months of measurements, one gap."""

    GAP = ("processes/service-request-management.md:{line}:9: warning: 'PRC-REQ': KPI-REQ-02 "
           "(Requests handled through self-service) has no measurement for 2026-07; record "
           "one, or say why in a comment [measurement-missing]")

    def test_example_builds_with_its_one_gap(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-measurement-") as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            check = testlib.run(["check", "--root", root] + AS_OF)
            self.assertEqual(check.returncode, 0, check.stderr)
            self.assertRegex(check.stderr, r"checked \d+ documents and \d+ records: 0 errors")
            lines = testlib.lines(check.stderr)
            self.assertEqual([l for l in lines if "kpi-untyped" in l], [])
            missing = [l for l in lines if l.endswith("[measurement-missing]")]
            self.assertEqual(len(missing), 1, missing)
            with open(os.path.join(root, "processes/service-request-management.md"),
                      encoding="utf-8") as fh:
                line = fh.read().split("\n").index("  - id: KPI-REQ-02") + 1
            self.assertEqual(missing[0], self.GAP.format(line=line))
            out = os.path.join(tmp, "site")
            build = testlib.run(["build", "--root", root, "--out", out] + AS_OF)
            self.assertEqual(build.returncode, 0, build.stderr)
            with open(os.path.join(out, "attention.html"), encoding="utf-8") as fh:
                attention = html.unescape(re.sub(r"<[^>]+>", "", fh.read()))
            self.assertIn("KPI-REQ-02 (Requests handled through self-service) has no "
                          "measurement for 2026-07", attention)


if __name__ == "__main__":
    testlib.main()
