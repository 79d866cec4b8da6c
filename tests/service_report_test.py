"""Service reports (docs/measurement.md#service-reports): `smsdoc report`
prints, per service, the KPIs naming it with their values for the period
as the measurements hold them, judged here independently, and counts the
incident and change records naming the service. Each commentary file
service-reports/PERIOD/SERVICE.md gives a page of the same facts, charts
and the commentary, listed on service-reports.html.
"""
import calendar
import csv
import glob
import os
import re
import shutil
import tempfile
import unittest

import testlib
from kpi_query_test import computed_span
from kpi_surfaces_test import judge, next_period, read_sources
from site_links_test import Page, norm_space

try:
    import yaml
except ImportError:  # reported by the tests that need it
    yaml = None

AS_OF = "2026-11-21"
SERVICE = "Harbour Cloud Hosting"
STATE_WORDS = {"met": "met", "near target": "near", "missed": "missed"}
VALUE_LINE = re.compile(r"^  (\S+) +(.+) (met|near target|missed)$")


def previous_month(period):
    y, m = map(int, period.split("-"))
    return "%d-%02d" % (y - (m == 1), 12 if m == 1 else m - 1)


def number(text):
    """88% / 240 min / 3 -> 88.0 / 240.0 / 3.0"""
    return float(re.match(r"-?[\d.]+", text).group(0))


def report_blocks(text):
    """{KPI id: {label: text}} of one service's text report."""
    blocks, current = {}, None
    for line in text.splitlines():
        head = re.match(r"^(KPI-\S+) ", line)
        if head:
            current = blocks.setdefault(head.group(1), {})
        elif current is not None and line.startswith("  "):
            label, rest = re.match(r"^  (.+?)  +(.*)$", line).groups()
            current[label] = rest
    return blocks


class ServiceReportTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if yaml is None:
            raise unittest.SkipTest("python3-yaml is needed (./dev installs it)")
        cls.kpis, cls.values = read_sources(testlib.REPO, AS_OF)

    def report(self, *args, root=None):
        return testlib.run(["report", "--root", root or testlib.REPO, "--as-of", AS_OF] +
                           list(args))

    def test_text_report_has_the_kpis_naming_the_service_with_csv_values(self):
        for period in ("2026-09", "2026-10"):
            result = self.report("--period", period, "--service", SERVICE)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("Service report: %s, %s" % (SERVICE, period), result.stdout)
            blocks = report_blocks(result.stdout)
            expected = sorted(k for k, spec in self.kpis.items()
                              if SERVICE in (spec.get("services") or []))
            self.assertTrue(expected)
            self.assertEqual(sorted(blocks), expected)
            monthly = [k for k in expected if self.kpis[k]["frequency"].lower() == "monthly"]
            self.assertTrue(monthly)
            missed = 0
            for kpi_id in monthly:
                spec, rows = self.kpis[kpi_id], blocks[kpi_id]
                for label, p in ((period, period), ("previous", previous_month(period))):
                    text = rows[label]
                    if label == "previous":
                        self.assertTrue(text.startswith(p + ": "), text)
                        text = text[len(p) + 2:]
                    if p not in self.values[kpi_id]:
                        self.assertEqual(text, "not measured", kpi_id)
                        continue
                    value = self.values[kpi_id][p]
                    self.assertAlmostEqual(number(text), value, places=2, msg=kpi_id)
                    state = VALUE_LINE.match("  x " + text).group(3)
                    self.assertEqual(STATE_WORDS[state], judge(spec, value), kpi_id + " " + p)
                # Missed periods of the year up to the report's period.
                year_missed = sum(1 for p, v in self.values[kpi_id].items()
                                  if re.fullmatch(r"\d{4}-\d{2}", p) and p[:4] == period[:4]
                                  and p <= period and judge(spec, v) == "missed")
                self.assertEqual(rows["missed in " + period[:4]].split()[-1], str(year_missed),
                                 kpi_id)
                missed += year_missed
            if period == "2026-10":
                self.assertGreater(missed, 0, "the example's hosting KPIs miss in 2026")

    def test_markdown_report_has_a_table_row_per_kpi(self):
        result = self.report("--period", "2026-10", "--service", SERVICE, "--format", "markdown")
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = [l for l in result.stdout.splitlines() if l.startswith("| KPI-")]
        expected = [k for k, s in self.kpis.items() if SERVICE in (s.get("services") or [])]
        self.assertEqual(sorted(r.split(" | ")[0][2:] for r in rows), sorted(expected))

    def test_every_service_without_service_option(self):
        result = self.report("--period", "2026-10")
        self.assertEqual(result.returncode, 0, result.stderr)
        services = sorted({s for k in self.kpis.values() for s in (k.get("services") or [])})
        heads = re.findall(r"^Service report: (.+), 2026-10 \(as of 2026-10-31\)$", result.stdout,
                           re.M)
        self.assertEqual(heads, services)

    def test_unknown_service_and_bad_period_are_usage_errors(self):
        result = self.report("--period", "2026-10", "--service", "Harbour Cloud Hostin")
        self.assertEqual(result.returncode, 2)
        self.assertIn("did you mean 'Harbour Cloud Hosting'", result.stderr)
        for bad in ("2026-13", "2026-10-01", "Oct"):
            result = self.report("--period", bad)
            self.assertEqual(result.returncode, 2, bad)
            self.assertIn("is not a period", result.stderr)

    def test_content_errors_exit_1(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            with open(os.path.join(root, "records", "measurements", "bad.csv"), "w") as fh:
                fh.write("kpi,period,value\nKPI-NOPE,2026-10,1\n")
            result = self.report("--period", "2026-10", root=root)
            self.assertEqual(result.returncode, 1)
            self.assertIn("bad.csv:2:1: error:", result.stderr)

    def test_incidents_and_changes_naming_the_service_are_counted(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            # Without the example's ITSM exports: only the records below count.
            shutil.rmtree(os.path.join(root, "records", "itsm"))
            config = os.path.join(root, "smsdoc.yaml")
            with open(config, encoding="utf-8") as fh:
                text = fh.read()
            with open(config, "w", encoding="utf-8") as fh:
                fh.write(text[:text.index("\nimports:")] + "\n")
            records = [("INC-1", "incident", "service: " + SERVICE, "opened: 2026-10-10"),
                       ("INC-2", "incident", "service: " + SERVICE, "opened: 2026-10-31"),
                       ("INC-3", "incident", "service: " + SERVICE, "opened: 2026-11-01"),
                       ("INC-4", "incident", "service: Managed Workplace", "opened: 2026-10-02"),
                       ("CHG-1", "change", "services: [%s, Backup and Recovery]" % SERVICE,
                        "requested: 2026-10-05"),
                       ("CHG-2", "change", "services: [Backup and Recovery]",
                        "requested: 2026-10-06")]
            with open(os.path.join(root, "records", "operations.yaml"), "w") as fh:
                for rid, kind, service, date in records:
                    extra = "priority: P3" if kind == "incident" else "type: normal"
                    fh.write("- id: %s\n  kind: %s\n  title: %s\n  owner: sms-manager\n"
                             "  status: closed\n  %s\n  %s\n  %s\n"
                             "  accept: {orphan: counted only}\n"
                             % (rid, kind, rid, service, date, extra))
            result = self.report("--period", "2026-10", "--service", SERVICE, root=root)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("\nIncidents: 2\n", result.stdout)
            self.assertIn("\nChanges: 1\n", result.stdout)
            result = self.report("--period", "2026-10", "--service", "Backup and Recovery",
                                 root=root)
            self.assertIn("\nIncidents: 0\n", result.stdout)
            self.assertIn("\nChanges: 2\n", result.stdout)
        # The example counts the rows of its ServiceNow exports.
        itsm = os.path.join(testlib.REPO, "records", "itsm")
        with open(os.path.join(itsm, "servicenow-incidents-2026.csv"), newline="") as fh:
            incidents = sum(r["business_service"] == SERVICE and
                            r["opened_at"].startswith("2026-10") for r in csv.DictReader(fh))
        with open(os.path.join(itsm, "servicenow-changes.csv"), newline="") as fh:
            changes = sum(SERVICE in r["business_service"] and r["opened_at"].startswith("2026-10")
                          for r in csv.DictReader(fh))
        result = self.report("--period", "2026-10", "--service", SERVICE)
        self.assertIn("\nIncidents: %d\n" % incidents, result.stdout)
        self.assertIn("\nChanges: %d\n" % changes, result.stdout)
        self.assertGreater(incidents, 3)


def period_end(period):
    """The last day of a month, quarter or year, as YYYY-MM-DD."""
    m = re.fullmatch(r"(\d{4})-Q(\d)", period)
    if m:
        period = "%s-%02d" % (m.group(1), int(m.group(2)) * 3)
    if re.fullmatch(r"\d{4}", period):
        period += "-12"
    y, mo = map(int, period.split("-"))
    return "%04d-%02d-%02d" % (y, mo, calendar.monthrange(y, mo)[1])


def slug(name):
    return re.sub(r"\s+", "-", re.sub(r"[^\w\s-]", "", name.lower()).strip())


class ServiceReportPagesTest(unittest.TestCase):
    """The pages of the example's two commentary files, built as of AS_OF."""

    @classmethod
    def setUpClass(cls):
        if yaml is None:
            raise unittest.SkipTest("python3-yaml is needed (./dev installs it)")
        cls.kpis, cls.values = read_sources(testlib.REPO, AS_OF)
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "site")
        result = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF, "--out", cls.out])
        if result.returncode != 0:
            raise AssertionError(result.stderr)
        services = {s for k in cls.kpis.values() for s in (k.get("services") or [])}
        cls.reports = []  # (period, service, commentary path), from the files alone
        for path in sorted(glob.glob(os.path.join(testlib.REPO, "service-reports", "*", "*.md"))):
            period = os.path.basename(os.path.dirname(path))
            name = [s for s in services if slug(s) == os.path.basename(path)[:-3]]
            cls.reports.append((period, name[0], os.path.relpath(path, testlib.REPO)))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def page(self, rel):
        with open(os.path.join(self.out, rel), encoding="utf-8") as fh:
            page = Page(fh.read())
        self.assertEqual(page.structure_errors, [], rel)
        return page

    def cli_rows(self, period, service):
        """{KPI id: [cells]} of `smsdoc report --format markdown`, in its order."""
        result = testlib.run(["report", "--root", testlib.REPO, "--as-of", AS_OF, "--period",
                              period, "--service", service, "--format", "markdown"])
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = {}
        for line in result.stdout.splitlines():
            if line.startswith("| KPI-"):
                cells = [c.strip() for c in line.strip("|").split(" | ")]
                rows[cells[0]] = cells
        return rows

    def test_the_example_has_two_reports_listed_newest_first(self):
        self.assertEqual([(p, s) for p, s, _ in self.reports],
                         [("2026-09", "Harbour Cloud Hosting"), ("2026-10", "Backup and Recovery")])
        index = self.page("service-reports.html")
        rows = [tr for tr in index.root.iter("tr") if "data-period" in tr.attrs]
        listed = [(tr.attrs["data-period"], tr.attrs["data-service"],
                   [a.attrs["href"] for a in tr.iter("a")]) for tr in rows]
        expected = sorted(((p, s, [path[:-3] + ".html"]) for p, s, path in self.reports),
                          key=lambda r: r[0], reverse=True)
        self.assertEqual(listed, expected)
        for tr, (period, service, _) in zip(rows, expected):
            cells = [norm_space(td.text()) for td in tr.iter("td")]
            self.assertEqual(cells[2], min(period_end(period), AS_OF))
            states = self.page_states(period, service)
            self.assertEqual(cells[3], "%d KPIs: %d met, %d near target, %d missed, %d not measured"
                             % (len(states), states.count("met"), states.count("near"),
                                states.count("missed"), states.count(None)))
        # Linked from the KPI dashboard and the registers page.
        for rel in ("kpis.html", "records.html"):
            hrefs = [a.attrs.get("href") for a in self.page(rel).root.iter("a")]
            self.assertIn("service-reports.html", hrefs, rel)

    def page_states(self, period, service):
        """The state of each KPI row of a report page (None: not measured)."""
        page = self.page("service-reports/%s/%s.html" % (period, slug(service)))
        states = []
        for tr in page.root.iter("tr"):
            if "data-kpi" in tr.attrs:
                spans = [sp for sp in tr.iter("span") if sp.attrs.get("data-fact") == "kpi-state"]
                states.append(spans[0].classes()[1][len("state-"):] if spans else None)
        return states

    def test_each_page_shows_what_the_records_and_the_report_command_say(self):
        for period, service, _ in self.reports:
            with self.subTest(report=period + " " + service):
                as_of = min(period_end(period), AS_OF)
                page = self.page("service-reports/%s/%s.html" % (period, slug(service)))
                article = [a for a in page.root.iter("article")][0]
                self.assertEqual((article.attrs["data-service"], article.attrs["data-period"]),
                                 (service, period))
                cli = self.cli_rows(period, service)
                rows = [tr for tr in page.root.iter("tr") if "data-kpi" in tr.attrs]
                # The KPIs naming the service, in the command's order.
                self.assertEqual([tr.attrs["data-kpi"] for tr in rows], list(cli))
                self.assertEqual(sorted(cli), sorted(k for k, spec in self.kpis.items()
                                                     if service in (spec.get("services") or [])))
                for tr in rows:
                    kpi_id = tr.attrs["data-kpi"]
                    cells = [norm_space(td.text()) for td in tr.iter("td")]
                    want = cli[kpi_id]
                    # A value computed from records names them, as the command does.
                    value_cell = list(tr.iter("td"))[4]
                    sources = [norm_space(sp.text()) for sp in value_cell.iter("span")
                               if "kpi-source" in sp.classes()]
                    if sources:
                        cells[4] = cells[4][:-len(sources[0])]
                        want[4] = want[4].replace(", " + sources[0], "")
                    # target, period, value + state, previous, missed this year
                    self.assertEqual(cells[2], want[2], kpi_id)
                    self.assertEqual(cells[3], want[3], kpi_id)
                    self.assertEqual((cells[4] + " " + cells[5]).strip(), want[4], kpi_id)
                    self.assertEqual(cells[6], want[5], kpi_id)
                    self.assertEqual(cells[7], want[6], kpi_id)
                    # ...and the value judged here from the records.
                    kpi_period = cells[3]
                    self.assertLessEqual(period_end(kpi_period), as_of)
                    self.assertGreater(period_end(next_period(kpi_period)), as_of)
                    value = self.values[kpi_id].get(kpi_period)
                    if value is None:
                        self.assertEqual(cells[5], "not measured", kpi_id)
                    else:
                        self.assertAlmostEqual(float(re.match(r"[\d.]+", cells[4]).group(0)),
                                               value, places=2)
                        state = [sp for sp in tr.iter("span")
                                 if sp.attrs.get("data-fact") == "kpi-state"][0].classes()[1]
                        self.assertEqual(state, "state-" + judge(self.kpis[kpi_id], value))
                # A chart per measured KPI: its last 12 periods up to the report's date.
                charts = {svg.attrs["data-kpi"]: svg for svg in page.root.iter("svg")}
                self.assertEqual(sorted(charts), sorted(cli))
                for kpi_id, svg in charts.items():
                    measured = sorted(p for p in self.values[kpi_id] if period_end(p) <= as_of)
                    last = measured[-1]
                    if "from" in self.kpis[kpi_id]:  # to the last month the records span
                        last = max([last] + [p for p in computed_span(
                            testlib.REPO, self.kpis[kpi_id], AS_OF) if period_end(p) <= as_of])
                    axis = [measured[0]]
                    while axis[-1] < last:
                        axis.append(next_period(axis[-1]))
                    expected = [(p, self.values[kpi_id].get(p),
                                 None if p not in self.values[kpi_id]
                                 else judge(self.kpis[kpi_id], self.values[kpi_id][p]))
                                for p in axis[-12:]]
                    plotted = []
                    for g in svg.iter("g"):
                        if "point" in g.classes():
                            plotted.append((g.attrs["data-period"], float(g.attrs["data-value"]),
                                            g.classes()[1]))
                        elif "gap" in g.classes():
                            plotted.append((g.attrs["data-period"], None, None))
                    self.assertEqual(plotted, expected, kpi_id)
                # Printed with the report's name and date atop each sheet.
                styles = "".join(st.text() for st in page.root.iter("style"))
                self.assertIn("Service report: %s, %s" % (service, period), styles)
                self.assertIn(as_of, styles)

    def test_the_commentary_is_on_the_page_with_its_links_resolved(self):
        for period, service, path in self.reports:
            with self.subTest(report=path):
                with open(os.path.join(testlib.REPO, path), encoding="utf-8") as fh:
                    source = fh.read()
                rel = "service-reports/%s/%s.html" % (period, slug(service))
                page = self.page(rel)
                box = [d for d in page.root.iter("div") if "commentary" in d.classes()][0]
                text = norm_space(box.text())
                headings = re.findall(r"^#+ (.+)$", source, re.M)
                self.assertEqual([norm_space(h.text()) for h in box.iter("h3")], headings)
                ids = re.findall(r"\[\[([A-Z]+-[\w-]+?)(?:\|[^\]]*)?\]\]", source)
                self.assertTrue(ids)
                hrefs = [a.attrs["href"] for a in box.iter("a")]
                self.assertEqual(len(hrefs), len(ids))
                for kpi_id, href in zip(ids, hrefs):
                    # An exported record links to its register row (#ID).
                    href, _, anchor = href.partition("#")
                    target = os.path.normpath(os.path.join(os.path.dirname(rel), href))
                    self.assertTrue(os.path.isfile(os.path.join(self.out, target)), href)
                    with open(os.path.join(self.out, target), encoding="utf-8") as fh:
                        linked = fh.read()
                    self.assertIn(kpi_id, linked)
                    if anchor:
                        self.assertEqual(anchor, kpi_id)
                        self.assertIn(' id="%s"' % kpi_id, linked)
                first = norm_space(re.split(r"\n\n", source)[1])
                self.assertIn(first, text)
        # The search finds a report by its commentary.
        with open(os.path.join(self.out, "assets", "search-index.js"), encoding="utf-8") as fh:
            index = fh.read()
        for period, service, path in self.reports:
            self.assertIn('["service report","%s","%s","%s"' % (period, service,
                                                               path[:-3] + ".html"), index)

    def test_a_commentary_naming_no_service_fails_the_build(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            os.makedirs(os.path.join(root, "service-reports", "2026-10"), exist_ok=True)
            with open(os.path.join(root, "service-reports", "2026-10",
                                   "harbour-cloud-hostin.md"), "w") as fh:
                fh.write("Text.\n")
            result = testlib.run(["build", "--root", root, "--as-of", AS_OF])
            self.assertEqual(result.returncode, 1)
            # The example has a service catalogue: the services are its titles.
            self.assertIn("service-reports/2026-10/harbour-cloud-hostin.md: error: no service "
                          "record is titled 'harbour-cloud-hostin' (did you mean "
                          "'harbour-cloud-hosting'?)", result.stderr)
            self.assertFalse(os.path.exists(os.path.join(root, "site")))


if __name__ == "__main__":
    testlib.main()
