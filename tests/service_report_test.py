"""Service reports (docs/measurement.md#service-reports): `smsdoc report`
prints, per service, the KPIs naming it with their values for the period
as the measurements hold them, judged here independently, and counts the
incident and change records naming the service.
"""
import os
import re
import tempfile
import unittest

import testlib
from kpi_surfaces_test import judge, read_sources

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
        cls.kpis, cls.values = read_sources(testlib.REPO)

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
            with open(os.path.join(root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
                fh.write("kinds:\n"
                         "  incident:\n    title: Incidents\n    statuses: [open, closed]\n"
                         "    done: [closed]\n    columns: [id, title, service, opened, status]\n"
                         "    fields:\n      service: {type: text}\n      opened: {type: date}\n"
                         "  change:\n    title: Changes\n    statuses: [planned, done]\n"
                         "    done: [done]\n    columns: [id, title, implemented, status]\n"
                         "    fields:\n      services: {type: list}\n"
                         "      implemented: {type: date}\n")
            records = [("INC-1", "incident", "service: " + SERVICE, "opened: 2026-10-10"),
                       ("INC-2", "incident", "service: " + SERVICE, "opened: 2026-10-31"),
                       ("INC-3", "incident", "service: " + SERVICE, "opened: 2026-11-01"),
                       ("INC-4", "incident", "service: Managed Workplace", "opened: 2026-10-02"),
                       ("CHG-1", "change", "services: [%s, Backup and Recovery]" % SERVICE,
                        "implemented: 2026-10-05"),
                       ("CHG-2", "change", "services: [Backup and Recovery]",
                        "implemented: 2026-10-06")]
            with open(os.path.join(root, "records", "operations.yaml"), "w") as fh:
                for rid, kind, service, date in records:
                    status = "closed" if kind == "incident" else "done"
                    fh.write("- id: %s\n  kind: %s\n  title: %s\n  owner: sms-manager\n"
                             "  status: %s\n  %s\n  %s\n" % (rid, kind, rid, status, service,
                                                             date))
            result = self.report("--period", "2026-10", "--service", SERVICE, root=root)
            self.assertEqual(result.returncode, 0, result.stderr)
            self.assertIn("\nIncidents: 2\n", result.stdout)
            self.assertIn("\nChanges: 1\n", result.stdout)
            result = self.report("--period", "2026-10", "--service", "Backup and Recovery",
                                 root=root)
            self.assertIn("\nIncidents: 0\n", result.stdout)
            self.assertIn("\nChanges: 2\n", result.stdout)
        # Without such kinds (the example) there is nothing to count.
        result = self.report("--period", "2026-10", "--service", SERVICE)
        self.assertNotIn("Incidents:", result.stdout)


if __name__ == "__main__":
    testlib.main()
