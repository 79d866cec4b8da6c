"""Statement of Applicability (docs/frameworks.md): the register page and
workbook, its checks, and ISO/IEC 27001 readiness on the page and in status.
Needs Debian's python3-openpyxl besides the standard library."""
import html.parser
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

AS_OF = ["--as-of", "2026-11-21"]
CONFIG = """organization: Test Org
scope: Everything.
roles:
  security-officer: {title: Information Security Officer}
  sms-manager: {title: SMS Manager}
frameworks: [iso27001]
"""
POLICY = """---
id: POL-ACC
title: Access Policy
type: policy
owner: security-officer
approver: sms-manager
version: "1.0"
status: approved
effective: 2026-01-15
review_months: 12
controls: {iso27001: [%s]}
---
Body.
"""
SUPPLIER = """- id: SUP-1
  kind: supplier
  title: Colocation
  status: active
  type: external
  controls: {iso27001: [A.5.15, A.7.1]}
"""
EXCLUDED = {"A.8.30": "No development is outsourced.", "A.8.11": "No masking needed."}


def catalogue():
    """[(number, title)] of ISO/IEC 27001's Annex A controls, in catalogue order."""
    path = os.path.join(testlib.REPO, "src", "model", "frameworks", "iso27001.yaml")
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    out = []
    for number, title in re.findall(
            r'\{number: (A\.\d+\.\d+), title: ("[^"]*"|[^,]*), kind: control', text):
        out.append((number, title.strip('"')))
    return out


def entries(controls, skip=()):
    out = []
    for number, title in controls:
        if number in skip:
            continue
        out.append("- id: SOA-%s\n  kind: applicability\n  control: iso27001:%s\n"
                   "  title: \"%s\"\n  owner: security-officer\n  status: approved\n"
                   % (number, number, title))
        if number in EXCLUDED:
            out.append("  applicable: false\n  justification: %s\n" % EXCLUDED[number])
        else:
            out.append("  applicable: true\n  implementation: implemented\n")
        out.append("  reviewed: 2026-11-16\n")
    return "".join(out)


class Table(html.parser.HTMLParser):
    """The text of each cell of each row of a page's tables: [[cell]]."""

    def __init__(self):
        super().__init__()
        self.rows, self.cell = [], None
        self.ids = []

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.rows.append([])
            self.ids.append(dict(attrs).get("id"))
        elif tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(self.cell.strip())
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


class SoaTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-soa-")
        self.root = os.path.join(self._tmp.name, "sms")
        self.out = os.path.join(self._tmp.name, "site")
        self.controls = catalogue()
        self.assertEqual(len(self.controls), 93)
        self.write("smsdoc.yaml", CONFIG)
        self.write("policies/access.md", POLICY % "A.5.15")
        self.write("records/suppliers.yaml", SUPPLIER)
        self.write("records/soa.yaml", entries(self.controls))

    def tearDown(self):
        self._tmp.cleanup()

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)

    def read(self, rel):
        with open(os.path.join(self.out, rel), encoding="utf-8") as fh:
            return fh.read()

    def build(self):
        result = testlib.run(["build", "--root", self.root, "--out", self.out] + AS_OF)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result

    def errors(self):
        result = testlib.run(["check", "--root", self.root] + AS_OF)
        self.assertEqual(result.returncode, 1, result.stderr)
        return [line for line in result.stderr.splitlines() if ": error: " in line]

    def test_workbook_equals_register_page_in_catalogue_order(self):
        if openpyxl is None:
            raise AssertionError("python3-openpyxl is missing (apt-get install python3-openpyxl)")
        self.build()
        page = Table()
        page.feed(self.read("records/applicability.html"))
        header, rows = page.rows[0], page.rows[1:]
        book = openpyxl.load_workbook(
            os.path.join(self.out, "registers", "statement-of-applicability.xlsx"))
        self.assertEqual(book.sheetnames, ["Cover", "Statement of Applicability"])
        sheet = book["Statement of Applicability"]
        values = [list(r) for r in sheet.iter_rows(values_only=True)]
        self.assertEqual(header, ["ID", "Control", "Title", "Applicable",
                                  "Justification for inclusion or exclusion", "Implementation",
                                  "Owner", "Last reviewed", "Status", "Implemented by",
                                  "Evidence"])
        self.assertEqual(list(values[0]), header)

        def text(v):
            if v is None:
                return ""
            if isinstance(v, bool):
                return "yes" if v else "no"
            if hasattr(v, "date"):
                return v.date().isoformat()
            return str(v)
        book_rows = [[text(v) for v in r] for r in values[1:]]
        # The page writes a bool as "Yes" or "No".
        page_rows = [[c.lower() if i == 3 else c for i, c in enumerate(r)] for r in rows]
        self.assertEqual(book_rows, page_rows)
        # Catalogue order (A.5.2 before A.5.10), one row per control.
        self.assertEqual([r[0] for r in rows], ["SOA-" + n for n, _ in self.controls])
        self.assertEqual([r[2] for r in rows], [t for _, t in self.controls])
        by_id = {r[0]: r for r in rows}
        # Computed: the document in force and the record naming the control.
        self.assertEqual(by_id["SOA-A.5.15"][9:], ["POL-ACC", "SUP-1"])
        self.assertEqual(by_id["SOA-A.7.1"][9:], ["", "SUP-1"])
        self.assertEqual(by_id["SOA-A.5.1"][9:], ["", ""])
        self.assertEqual(by_id["SOA-A.8.30"][4], EXCLUDED["A.8.30"])
        # An entry's own page shows the same two, linked.
        entry = Table()
        entry.feed(self.read("records/applicability/SOA-A.5.15.html"))
        fields = {r[0]: r[1] for r in entry.rows if len(r) == 2}
        self.assertEqual((fields["Implemented by"], fields["Evidence"]), ("POL-ACC", "SUP-1"))
        self.assertIn('<a href="../../policies/access.html">POL-ACC</a>',
                      self.read("records/applicability/SOA-A.5.15.html"))
        # The cover counts the rows.
        cover = [list(r) for r in book["Cover"].iter_rows(values_only=True)]
        self.assertIn(["Statement of Applicability", 93], cover)

    def test_excluded_without_justification_is_an_error_at_applicable(self):
        text = entries(self.controls).replace(
            "  applicable: false\n  justification: %s\n" % EXCLUDED["A.8.30"],
            "  applicable: false\n")
        self.write("records/soa.yaml", text)
        lines = text.splitlines()
        start = lines.index("- id: SOA-A.8.30")
        line = start + 1 + lines[start:].index("  applicable: false")
        self.assertEqual(self.errors(), [
            "records/soa.yaml:%d:15: error: 'SOA-A.8.30': an excluded control needs a "
            "'justification' (ISO/IEC 27001 6.1.3 d) [soa-justification]" % line])

    def test_missing_controls_are_one_error_on_the_frameworks_entry(self):
        self.write("records/soa.yaml", entries(self.controls, skip=("A.5.10", "A.8.1")))
        self.assertEqual(self.errors(), [
            "smsdoc.yaml:6:14: error: the Statement of Applicability has no entry for 2 "
            "controls of ISO/IEC 27001:2022: A.5.10, A.8.1 [soa-missing]"])

    def readiness(self):
        """{row id: (state, reason)} of readiness.html and status json's items."""
        self.build()
        page = Table()
        page.feed(self.read("readiness.html"))
        rows = {i: (r[2], r[4]) for i, r in zip(page.ids, page.rows) if i}
        result = testlib.run(["status", "--root", self.root, "--format", "json"] + AS_OF)
        status = json.loads(result.stdout)
        return rows, status

    def test_readiness_per_framework_on_page_equals_status(self):
        rows, status = self.readiness()
        self.assertEqual([r["framework"] for r in status["readiness"]], ["iso20000-1", "iso27001"])
        iso27001 = status["readiness"][1]
        self.assertEqual(iso27001["title"], "ISO/IEC 27001:2022")
        on_page = {k[len("iso27001:"):]: s for k, (s, _) in rows.items()
                   if k.startswith("iso27001:")}
        self.assertEqual(on_page, iso27001["items"])
        self.assertEqual(len(on_page), 14)
        # 90 applicable controls, one named by a document in force.
        soa = rows["iso27001:statement-of-applicability"]
        self.assertEqual(soa, ("at risk", "90 applicable controls without a document in force "
                               "naming it (A.5.1, A.5.2, A.5.3, A.5.4, A.5.5, A.5.6, A.5.7, "
                               "A.5.8, A.5.9, A.5.10 and 80 more)"))
        self.assertEqual(rows["iso27001:monitoring-results"],
                         ("missing", "no KPI has a measurement"))
        missing = ["iso27001:" + k for k, s in iso27001["items"].items() if s == "missing"]
        self.assertTrue(set(missing) <= set(status["readiness_missing"]))
        self.assertIn("iso27001:monitoring-results", status["readiness_missing"])
        # Every applicable control named by the policy: the SoA item is met.
        applicable = [n for n, _ in self.controls if n not in EXCLUDED]
        # ...and 6.1.3: the policy meets the risk treatment process item.
        self.write("policies/access.md", POLICY % ", ".join(applicable + ['"6.1.3"']))
        rows, status = self.readiness()
        self.assertEqual(rows["iso27001:statement-of-applicability"], ("met", ""))
        self.assertEqual(status["readiness"][1]["items"]["statement-of-applicability"], "met")
        self.assertEqual(rows["iso27001:risk-treatment-process"], ("met", ""))
        # stage-1.html names the items of every framework a document is evidence for.
        stage1 = self.read("stage-1.html")
        self.assertIn('<a href="readiness.html#iso27001:risk-treatment-process">Information '
                      'security risk treatment process (ISO/IEC 27001:2022)</a>', stage1)


if __name__ == "__main__":
    testlib.main()
