#!/usr/bin/python3
"""e2e.kpi_surfaces: the example's KPI results agree on every surface.

The expectation is computed here from the source files alone: each typed
KPI of processes/*.md (target, warning, direction) and its measurements in
records/**/*.csv and `kind: measurement` YAML entries, judged met / near /
missed as docs/measurement.md says. Then, on the example built as of
2026-11-21:

- kpis.html and the process pages' KPI tables name the same latest state;
- kpis.html: each KPI's chart plots exactly its last 24 periods (a mark per
  measured value with its value and state, a gap per missing period), its
  values table says the same, and the overview row names the latest state;
- the process pages' small multiples plot the last 12 periods;
- registers/kpi-register.xlsx (openpyxl): the Measurements sheet holds every
  measurement with its state, the KPIs sheet the latest state, and each
  process sheet a native line chart per KPI whose value, target and category
  ranges cover exactly that KPI's rows;
- `smsdoc status --format json` counts the KPIs missed in their latest
  period as the dashboard does.
"""
import csv
import glob
import json
import os
import re
import tempfile
import unittest

import testlib
from kpi_query_test import computed_values
from site_links_test import Page, norm_space

try:
    import openpyxl
    import yaml
except ImportError:  # reported by the tests that need them
    openpyxl = yaml = None

AS_OF = "2026-11-21"
CHART_PERIODS, SMALL_PERIODS = 24, 12


def judge(kpi, value):
    lower = kpi.get("direction") == "lower"
    better = (lambda a, b: a <= b) if lower else (lambda a, b: a >= b)
    if better(value, kpi["target"]):
        return "met"
    if kpi.get("warning") is not None and better(value, kpi["warning"]):
        return "near"
    return "missed"


def minutes(value):
    """A duration as docs/measurement.md writes it: minutes, or 4h / 30m / 1h30m / 2d."""
    if isinstance(value, (int, float)):
        return float(value)
    total, units = 0.0, {"d": 1440, "h": 60, "m": 1}
    for number, unit in re.findall(r"(\d+(?:\.\d+)?)([dhm])", str(value)):
        total += float(number) * units[unit]
    return total


def next_period(period):
    if re.fullmatch(r"\d{4}", period):
        return str(int(period) + 1)
    m = re.fullmatch(r"(\d{4})-Q(\d)", period)
    if m:
        y, q = int(m.group(1)), int(m.group(2))
        return "%d-Q%d" % (y + q // 4, q % 4 + 1)
    y, mo = map(int, period.split("-"))
    return "%d-%02d" % (y + mo // 12, mo % 12 + 1)


def read_sources(root, as_of):
    """{KPI id: spec with 'process' and its 'clauses'} and {KPI id: {period: value}}:
    measured, or computed from the records as of `as_of` (`from:`)."""
    kpis = {}
    for path in sorted(glob.glob(os.path.join(root, "processes", "*.md"))):
        text = open(path, encoding="utf-8").read()
        meta = yaml.safe_load(text.split("---\n")[1])
        for kpi in meta.get("kpis") or []:
            if "id" in kpi:
                if kpi.get("unit") == "duration":
                    kpi["target"] = minutes(kpi["target"])
                    if kpi.get("warning") is not None:
                        kpi["warning"] = minutes(kpi["warning"])
                kpis[kpi["id"]] = dict(kpi, process=meta["id"], clauses=meta.get("clauses") or [])
    values = {k: {} for k in kpis}
    records = os.path.join(root, "records")
    # The ITSM exports `imports:` names are records, not measurements.
    config = yaml.safe_load(open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8"))
    exports = {p for i in config.get("imports") or []
               for p in glob.glob(os.path.join(root, i["files"]), recursive=True)}
    for path in glob.glob(os.path.join(records, "**", "*.csv"), recursive=True):
        if path in exports:
            continue
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                values[row["kpi"]][row["period"]] = float(row["value"])
    for path in glob.glob(os.path.join(records, "**", "*.yaml"), recursive=True):
        for entry in yaml.safe_load(open(path, encoding="utf-8")) or []:
            if isinstance(entry, dict) and entry.get("kind") == "measurement":
                values[entry["kpi"]][str(entry["period"])] = float(entry["value"])
    for kpi_id, kpi in kpis.items():
        if "from" in kpi:
            values[kpi_id].update(computed_values(root, kpi, as_of))
    return kpis, values


class KpiSurfacesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if yaml is None or openpyxl is None:
            raise unittest.SkipTest("python3-yaml and python3-openpyxl are needed "
                                    "(./dev installs them)")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "site")
        result = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF,
                              "--out", cls.out])
        if result.returncode != 0:
            raise AssertionError(result.stderr)
        cls.status = json.loads(testlib.run(["status", "--root", testlib.REPO, "--as-of", AS_OF,
                                             "--format", "json"]).stdout)
        cls.kpis, cls.values = read_sources(testlib.REPO, AS_OF)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def axis(self, kpi_id):
        """The periods a chart of this KPI spans, oldest first: from its
        first measurement to its latest, gaps included."""
        measured = sorted(self.values[kpi_id])
        periods = [measured[0]]
        while periods[-1] < measured[-1]:
            periods.append(next_period(periods[-1]))
        return periods

    def expected_points(self, kpi_id, last):
        """[(period, value or None, state or None)] of the last `last` periods."""
        out = []
        for period in self.axis(kpi_id)[-last:]:
            value = self.values[kpi_id].get(period)
            out.append((period, value, None if value is None else
                        judge(self.kpis[kpi_id], value)))
        return out

    def page(self, rel):
        with open(os.path.join(self.out, rel), encoding="utf-8") as fh:
            page = Page(fh.read())
        self.assertEqual(page.structure_errors, [], rel)
        return page

    @staticmethod
    def plotted(svg):
        """[(period, value or None, state or None)] as the SVG draws them."""
        out = []
        for g in svg.iter("g"):
            classes = g.classes()
            if "point" in classes:
                state = [c for c in classes if c != "point"][0]
                out.append((g.attrs["data-period"], float(g.attrs["data-value"]), state))
            elif "gap" in classes:
                out.append((g.attrs["data-period"], None, None))
        return out

    def test_the_example_measures_its_kpis(self):
        self.assertGreaterEqual(len(self.kpis), 40)
        self.assertTrue(all(self.values[k] for k in self.kpis))
        gaps = [k for k in self.kpis if len(self.axis(k)) > len(self.values[k])]
        # The example's one gap; KPI-INC-01 had no P1 incident to judge in two months.
        self.assertEqual(gaps, ["KPI-INC-01", "KPI-REQ-02"])

    def test_dashboard_charts_and_tables_plot_the_records(self):
        page = self.page("kpis.html")
        sections = {s.attrs["data-kpi"]: s for s in page.root.iter("section")
                    if "kpi" in s.classes()}
        self.assertEqual(sorted(sections), sorted(self.kpis))
        for kpi_id, section in sections.items():
            expected = self.expected_points(kpi_id, CHART_PERIODS)
            (svg,) = list(section.iter("svg"))
            self.assertEqual(self.plotted(svg), expected, kpi_id)
            rows = []
            for tr in section.iter("tr"):
                cells = [norm_space(td.text()) for td in tr.iter("td")]
                if cells:
                    rows.append((tr.attrs["data-period"], cells[2]))
            words = {"met": "met", "near": "near target", "missed": "missed", None: "no measurement"}
            self.assertEqual(rows, [(p, words[s]) for p, _, s in reversed(expected)], kpi_id)

    def test_overview_and_workbook_and_status_agree_on_the_latest_state(self):
        latest = {k: judge(self.kpis[k], self.values[k][max(self.values[k])]) for k in self.kpis}
        page = self.page("kpis.html")
        shown = {}
        for tr in page.root.iter("tr"):
            if "data-kpi" in tr.attrs:
                (chip,) = [s for s in tr.iter("span") if s.attrs.get("data-fact") == "kpi-state"]
                shown[tr.attrs["data-kpi"]] = [c for c in chip.classes()
                                               if c.startswith("state-")][0][6:]
        self.assertEqual(shown, latest)
        # The process pages' KPI tables say the same.
        on_processes = {}
        for path in glob.glob(os.path.join(self.out, "processes", "*.html")):
            for tr in self.page(os.path.relpath(path, self.out)).root.iter("tr"):
                chips = [s for s in tr.iter("span") if s.attrs.get("data-fact") == "kpi-state"]
                if chips:
                    kpi_id = norm_space(next(tr.iter("td")).text())
                    on_processes[kpi_id] = [c for c in chips[0].classes()
                                            if c.startswith("state-")][0][6:]
        self.assertEqual(on_processes, latest)
        book = openpyxl.load_workbook(os.path.join(self.out, "registers", "kpi-register.xlsx"))
        ws = book["KPIs"]
        header = [c.value for c in ws[1]]
        words = {"met": "met", "near target": "near", "missed": "missed"}
        in_book = {r[0]: words[r[header.index("State")]]
                   for r in ws.iter_rows(min_row=2, values_only=True)}
        self.assertEqual(in_book, latest)
        self.assertEqual(self.status["kpis"]["missed_latest"],
                         sum(1 for s in latest.values() if s == "missed"))

    def test_measurements_sheet_holds_every_value_with_its_state(self):
        book = openpyxl.load_workbook(os.path.join(self.out, "registers", "kpi-register.xlsx"))
        ws = book["Measurements"]
        header = [c.value for c in ws[1]]
        col = {name: header.index(name) for name in ("KPI", "Period", "Value", "State")}
        got = {}
        for row in ws.iter_rows(min_row=2):
            state = row[col["State"]]
            self.assertTrue(str(state.value).startswith("=IF("), state.coordinate)
            got[(row[col["KPI"]].value, row[col["Period"]].value)] = row[col["Value"]].value
        expected = {(k, p): v for k, periods in self.values.items() for p, v in periods.items()}
        self.assertEqual(got, expected)

    def test_process_sheets_chart_each_kpi_over_its_own_rows(self):
        book = openpyxl.load_workbook(os.path.join(self.out, "registers", "kpi-register.xlsx"))
        charted = set()
        for ws in book.worksheets[3:]:
            rows = list(ws.iter_rows(min_row=1, values_only=True))
            self.assertEqual(rows[0][:5], ("KPI", "Period", "Value", "Target", "Warning"))
            for chart in ws._charts:
                title = chart.title.tx.rich.p[0].r[0].t
                kpi_id = title.split(" ")[0]
                charted.add(kpi_id)
                refs = {}
                for s in chart.series:
                    m = re.fullmatch(r"'(.+)'!\$([A-Z])\$(\d+):\$([A-Z])\$(\d+)", s.val.numRef.f)
                    self.assertEqual(m.group(1), ws.title)
                    refs[m.group(2)] = (int(m.group(3)), int(m.group(5)))
                    cat = (s.cat.strRef or s.cat.numRef).f
                    self.assertEqual(cat, s.val.numRef.f.replace("$%s$" % m.group(2), "$B$"))
                self.assertEqual(set(refs) - {"E"}, {"C", "D"}, title)
                first, last = refs["C"]
                self.assertEqual({r[0] for r in rows[first - 1:last]}, {kpi_id}, title)
                # The range is the KPI's whole axis: every period, blank where unmeasured.
                self.assertEqual([(r[1], r[2]) for r in rows[first - 1:last]],
                                 [(p, self.values[kpi_id].get(p)) for p in self.axis(kpi_id)])
                self.assertEqual(refs.get("E"), refs["C"] if self.kpis[kpi_id].get("warning")
                                 is not None else None, title)
        self.assertEqual(charted, set(self.kpis))

    def test_process_pages_show_small_multiples(self):
        by_process = {}
        for kpi_id, kpi in self.kpis.items():
            by_process.setdefault(kpi["process"], []).append(kpi_id)
        for path in glob.glob(os.path.join(self.out, "processes", "*.html")):
            page = self.page(os.path.relpath(path, self.out))
            charts = {svg.attrs["data-kpi"]: svg for svg in page.root.iter("svg")
                      if "kpi-chart" in svg.classes()}
            if not charts:
                continue
            for kpi_id, svg in charts.items():
                self.assertEqual(self.plotted(svg), self.expected_points(kpi_id, SMALL_PERIODS))
            process = next(p for p, ks in by_process.items() if kpi_id in ks)
            self.assertEqual(sorted(charts), sorted(by_process[process]), path)
            by_process.pop(process)
        self.assertEqual(by_process, {})


if __name__ == "__main__":
    testlib.main()
