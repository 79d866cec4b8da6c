#!/usr/bin/python3
"""e2e.frameworks: coverage per framework, mappings and the matrix
(docs/frameworks.md#coverage-per-framework).

Builds a small SMS in a temporary folder with ISO/IEC 27001 and an
invented catalogue (acme, five items) beside ISO/IEC 20000-1, the built-in
mapping and a mapping file: frameworks/acme.html and iso27001.html list the
right items, states, documents (directly and "via" a mapping) and records;
frameworks/index.html and `status --format json` count the same, and its
`uncovered_clauses` end with each framework's "not covered" items; the
matrix page's rows equal registers/framework-matrix.xlsx's (openpyxl);
document pages link to the items' anchors. An SMS without frameworks has
no such pages; bad catalogues and mappings fail at their positions.
"""
import json
import os
import re
import tempfile
import unittest

import testlib
from site_links_test import Page, norm_space

try:
    import openpyxl
except ImportError:  # reported by the test that needs it
    openpyxl = None

AS_OF = "2026-11-21"
CONFIG = ("organization: Test Org\nscope: Everything.\nroles:\n"
          "  sms-manager: {title: SMS Manager}\n")
FRAMEWORKS = ("frameworks: [iso27001, catalogues/acme.yaml]\n"
              "mappings: [iso20000-1-iso27001, catalogues/acme-iso27001.yaml]\n")
ACME = """id: acme
name: ACME Security Baseline
edition: "2025"
items:
  - {number: G, title: Governance}
  - {number: G.1, title: Security policy}
  - {number: G.2, title: Security roles}
  - {number: O, title: Operations}
  - {number: O.1, title: Backup}
"""
ACME_MAPPING = """from: acme
to: iso27001
pairs:
  - {acme: G.1, iso27001: A.5.1}
  - {acme: O.1, iso27001: [A.8.13, A.8.14]}
"""


def doc(id_, extra, status="approved"):
    return ("---\nid: %s\ntitle: Title of %s\ntype: policy\nowner: sms-manager\n"
            "approver: sms-manager\nversion: \"1.0\"\nstatus: %s\neffective: 2026-01-15\n"
            "review_months: 12\n%s---\nBody.\n" % (id_, id_, status, extra))


AUDIT = """- id: AUD-1
  kind: audit
  title: Access audit
  status: completed
  period: "2026"
  type: internal
  planned: 2026-06-01
  performed: 2026-06-10
  clauses: ["iso27001:A.5.15"]
"""

FILES = {
    "smsdoc.yaml": CONFIG + FRAMEWORKS,
    "catalogues/acme.yaml": ACME,
    "catalogues/acme-iso27001.yaml": ACME_MAPPING,
    "policies/security.md": doc("POL-SEC", "controls: {iso27001: [A.5.1, A.5.15]}\n"),
    "policies/roles.md": doc("POL-ROL", "clauses: [\"acme:G.2\"]\n"),
    "policies/release.md": doc("POL-REL", "clauses: [\"8.5.1\"]\n"),
    "policies/draft.md": doc("POL-DRAFT", "controls: {acme: [O.1]}\n", status="draft"),
    "records/audits.yaml": AUDIT,
}


def write(root, files):
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)


def page(out, rel):
    with open(os.path.join(out, rel), encoding="utf-8") as fh:
        return Page(fh.read())


def items(p):
    """{number: (state, [document IDs], [record IDs], [(ID, via)])} of a
    framework page."""
    out = {}
    for tr in p.root.iter("tr"):
        number = tr.attrs.get("data-item")
        if not number:
            continue
        cells = {td.attrs.get("data-fact"): td for td in tr.iter("td")}
        docs = [a.attrs["data-id"] for a in cells["documents"].iter("a")
                if "data-via" not in a.attrs and "not-in-force" not in a.classes()]
        via = [(a.attrs["data-id"], a.attrs["data-via"]) for a in cells["documents"].iter("a")
               if "data-via" in a.attrs]
        records = [a.attrs["data-id"] for a in cells["records"].iter("a")]
        out[number] = (norm_space(cells["coverage"].text()), docs, records, via)
    return out


def counts(p):
    return {span.attrs["data-count"]: int(span.text().split()[0])
            for span in p.root.iter("span") if span.attrs.get("data-count")}


class FrameworksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-frameworks-")
        cls.root = os.path.join(cls.tmp.name, "sms")
        cls.out = os.path.join(cls.tmp.name, "site")
        write(cls.root, FILES)
        cls.build = testlib.run(["build", "--root", cls.root, "--as-of", AS_OF, "--out", cls.out])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.assertEqual(self.build.returncode, 0, self.build.stderr)

    def test_user_catalogue_items_states_and_documents(self):
        acme = items(page(self.out, "frameworks/acme.html"))
        self.assertEqual(list(acme), ["G", "G.1", "G.2", "O", "O.1"])
        self.assertEqual(acme["G.1"], ("documented only", [], [], [("POL-SEC", "iso27001:A.5.1")]))
        self.assertEqual(acme["G.2"], ("documented only", ["POL-ROL"], [], []))
        self.assertEqual(acme["G"][0], "documented only")  # both its parts are
        self.assertEqual(acme["O.1"][:2], ("not covered", []))  # a draft never counts
        p = page(self.out, "frameworks/acme.html")
        self.assertIn("POL-DRAFT", [a.attrs.get("data-id") for a in p.root.iter("a")
                                    if "not-in-force" in a.classes()])
        self.assertEqual(counts(p), {"covered": 0, "partly-covered": 0, "documented-only": 3,
                                     "evidenced-only": 0, "not-covered": 2, "excluded": 0})

    def test_iso27001_direct_evidence_and_mapped(self):
        iso = items(page(self.out, "frameworks/iso27001.html"))
        self.assertEqual(iso["A.5.15"], ("covered", ["POL-SEC"], ["AUD-1"], []))
        self.assertEqual(iso["A.5.1"], ("documented only", ["POL-SEC"], [], []))
        # 20000-1 8.5.1 is paired with A.8.32 by the built-in mapping.
        self.assertEqual(iso["A.8.32"], ("documented only", [], [], [("POL-REL", "8.5.1")]))
        self.assertEqual(iso["A.5"][0], "partly covered")
        self.assertEqual(iso["A.8.1"], ("not covered", [], [], []))
        self.assertIn("A.5.15", page(self.out, "frameworks/iso27001.html").ids())

    def test_index_and_status_count_as_the_pages(self):
        index = page(self.out, "frameworks/index.html")
        rows = {tr.attrs["data-framework"]: {td.attrs["data-fact"]: int(td.text())
                                             for td in tr.iter("td") if td.attrs.get("data-fact")}
                for tr in index.root.iter("tr") if tr.attrs.get("data-framework")}
        self.assertEqual(list(rows), ["iso27001", "acme"])
        status = testlib.run(["status", "--root", self.root, "--as-of", AS_OF, "--format", "json"])
        report = json.loads(status.stdout)
        for fw in ("iso27001", "acme"):
            shown = counts(page(self.out, "frameworks/%s.html" % fw))
            self.assertEqual(shown["documented-only"] + shown["not-covered"] + shown["covered"] +
                             shown["partly-covered"] + shown["evidenced-only"] + shown["excluded"],
                             rows[fw]["items"])
            del rows[fw]["items"]
            self.assertEqual(rows[fw], shown)
            self.assertEqual({k.replace("_", "-"): n
                              for k, n in report["framework_coverage"][fw].items()}, shown)
        text = testlib.run(["status", "--root", self.root, "--as-of", AS_OF]).stdout
        self.assertRegex(text, r"Coverage acme +0 covered, 0 partly covered, 3 documented only, "
                               r"0 evidenced only, 2 not covered")
        # Every framework's gaps are uncovered, prefixed by its ID, in
        # catalogue order after 20000-1's clauses: the pages' "not covered".
        gaps = {fw: ["%s:%s" % (fw, n) for n, item in
                     items(page(self.out, "frameworks/%s.html" % fw)).items()
                     if item[0] == "not covered"] for fw in ("iso27001", "acme")}
        self.assertEqual(gaps["acme"], ["acme:O", "acme:O.1"])
        uncovered = report["uncovered_clauses"]
        self.assertEqual(uncovered[-len(gaps["iso27001"]) - 2:], gaps["iso27001"] + gaps["acme"])
        self.assertNotIn(":", "".join(uncovered[:-len(gaps["iso27001"]) - 2]))
        gate = testlib.run(["status", "--root", self.root, "--as-of", AS_OF,
                            "--fail-on", "uncovered"])
        self.assertEqual(gate.returncode, 1, gate.stderr)

    def test_internal_audit_must_cover_the_requirements(self):
        """AUD-1 names only the control A.5.15: ISO/IEC 27001's internal-audit
        item is at risk naming clauses 4 to 10, on the page and in status."""
        p = page(self.out, "readiness.html")
        row = next(tr for tr in p.root.iter("tr")
                   if tr.attrs.get("id") == "iso27001:internal-audit")
        cells = [norm_space(td.text()) for td in row.iter("td")]
        self.assertEqual(cells[2:], ["at risk", "AUD-1", "internal audits of the last 12 months "
                                     "did not cover clause 4, 5, 6, 7, 8, 9, 10"])
        status = testlib.run(["status", "--root", self.root, "--as-of", AS_OF, "--format", "json"])
        iso = [r for r in json.loads(status.stdout)["readiness"] if r["framework"] == "iso27001"]
        self.assertEqual(iso[0]["items"]["internal-audit"], "at risk")

    @unittest.skipIf(openpyxl is None, "needs python3-openpyxl")
    def test_matrix_page_rows_equal_the_workbook(self):
        p = page(self.out, "frameworks/matrix.html")
        shown = []
        for tr in p.root.iter("tr"):
            cells = {td.attrs.get("data-fact"): td for td in tr.iter("td")}
            if "from" not in cells:
                continue
            shown.append((norm_space(cells["from"].text()), norm_space(cells["from-state"].text()),
                          norm_space(cells["to"].text()), norm_space(cells["to-state"].text()),
                          ", ".join(a.attrs["data-id"] for a in cells["documents"].iter("a"))))
        book = openpyxl.load_workbook(os.path.join(self.out, "registers", "framework-matrix.xlsx"))
        self.assertEqual(book.sheetnames[0], "Cover")
        ws = book.worksheets[1]
        self.assertEqual([c.value for c in ws[1]][:4],
                         ["From framework", "From item", "From title", "From state"])
        # An Excel Table (header, filter) printed with its header on every page.
        self.assertEqual(len(ws.tables), 1)
        self.assertEqual(ws.freeze_panes, "B2")
        self.assertEqual(ws.print_title_rows, "$1:$1")
        rows = [(r[1].value, r[3].value, r[5].value, r[7].value, r[8].value or "")
                for r in ws.iter_rows(min_row=2)]
        self.assertEqual(rows, shown)
        self.assertIn(("G.1", "documented only", "A.5.1", "documented only", "POL-SEC"), rows)
        self.assertIn(("8.5.1", "documented only", "A.8.32", "documented only", "POL-REL"), rows)
        self.assertIn(("O.1", "not covered", "A.8.14", "not covered", ""), rows)
        # Each pair of the built-in mapping once, plus the file's three.
        self.assertEqual(sum(1 for r in rows if r[0] in ("G.1", "O.1")), 3)

    def test_document_pages_link_to_the_items(self):
        p = page(self.out, "policies/security.html")
        links = {norm_space(a.text()): a.attrs["href"] for a in p.root.iter("a")}
        self.assertEqual(links.get("ISO/IEC 27001:2022: A.5.15 Access control"),
                         "../frameworks/iso27001.html#A.5.15")
        # ...and what it addresses through the mapping file.
        self.assertEqual(links.get("ACME Security Baseline:2025: G.1 Security policy"),
                         "../frameworks/acme.html#G.1")
        record = page(self.out, "records/audit/AUD-1.html")
        hrefs = [a.attrs.get("href") for a in record.root.iter("a")]
        self.assertIn("../../frameworks/iso27001.html#A.5.15", hrefs)
        # 20000-1's 8.7.3.1 is paired with A.5.1: its page lists POL-SEC, uncounted.
        clause = page(self.out, "clauses/8.7.3.1.html")
        mapped = [(a.attrs["data-id"], a.attrs["data-via"]) for a in clause.root.iter("a")
                  if "data-via" in a.attrs]
        self.assertEqual(mapped, [("POL-SEC", "iso27001:A.5.1")])
        self.assertEqual([norm_space(s.text()) for s in clause.root.iter("span")
                          if s.attrs.get("data-fact") == "coverage"], ["not covered"])
        nav = [a.attrs.get("href") for a in page(self.out, "index.html").root.iter("a")]
        self.assertIn("frameworks/index.html", nav)

    def test_without_frameworks_no_pages(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-frameworks-") as tmp:
            files = dict(FILES, **{"smsdoc.yaml": CONFIG})
            files["policies/roles.md"] = doc("POL-ROL", "")
            files["policies/security.md"] = doc("POL-SEC", "")
            files["policies/draft.md"] = doc("POL-DRAFT", "", status="draft")
            files["records/audits.yaml"] = AUDIT.replace("iso27001:A.5.15", "4.1")
            write(tmp, files)
            out = os.path.join(tmp, "site")
            build = testlib.run(["build", "--root", tmp, "--as-of", AS_OF, "--out", out])
            self.assertEqual(build.returncode, 0, build.stderr)
            self.assertFalse(os.path.exists(os.path.join(out, "frameworks")))
            self.assertFalse(os.path.exists(os.path.join(out, "registers",
                                                         "framework-matrix.xlsx")))
            with open(os.path.join(out, "index.html"), encoding="utf-8") as fh:
                self.assertNotIn("frameworks/", fh.read())


class BadCatalogueTest(unittest.TestCase):
    def test_every_error_at_its_position(self):
        bad = ("id: acme\nname: ACME\nitems:\n"
               "  - {number: G, title: Governance}\n"
               "  - {number: G, title: Again}\n"
               "  - {number: G.1, title: Policy, parent: X}\n"
               "  - {number: G.2, titel: Roles}\n")
        mapping = ("from: iso20000-1\nto: iso27001\npairs:\n"
                   "  - {iso20000-1: \"8.5.1\", iso27001: A.5.99}\n")
        with tempfile.TemporaryDirectory(prefix="smsdoc-frameworks-") as root:
            write(root, {"smsdoc.yaml": CONFIG + "frameworks: [iso27001, bad.yaml]\n"
                                                 "mappings: [map.yaml]\n",
                         "bad.yaml": bad, "map.yaml": mapping,
                         "policies/p.md": doc("POL-1", "")})
            check = testlib.run(["check", "--root", root, "--as-of", AS_OF])
            self.assertEqual(check.returncode, 1, check.stderr)
            errors = [l for l in testlib.lines(check.stderr) if ": error: " in l]
            self.assertEqual(errors, EXPECTED_ERRORS)

    def test_a_framework_id_naming_an_own_page_clashes(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-frameworks-") as root:
            write(root, {"smsdoc.yaml": CONFIG + "frameworks: [cat.yaml]\n",
                         "cat.yaml": "id: index\nname: X\nitems:\n  - {number: A, title: A}\n",
                         "policies/p.md": doc("POL-1", "")})
            check = testlib.run(["check", "--root", root, "--as-of", AS_OF])
            self.assertEqual(check.returncode, 1, check.stderr)
            self.assertEqual([l for l in testlib.lines(check.stderr) if ": error: " in l], [
                "cat.yaml: error: its output 'frameworks/index.html' would overwrite a page or "
                "file smsdoc makes: choose another framework ID [output-clash]"])


EXPECTED_ERRORS = [
    "bad.yaml:5:14: error: the number 'G' appears twice in the catalogue "
    "[framework-duplicate]",
    "bad.yaml:6:42: error: parent 'X' is not an earlier item of the catalogue "
    "(did you mean 'G'?) [framework-parent]",
    "bad.yaml:7:5: error: a catalogue item needs 'title' [framework-invalid]",
    "bad.yaml:7:19: error: unknown key 'titel' in a catalogue item (did you mean "
    "'title'?) [framework-invalid]",
    "map.yaml:4:37: error: 'A.5.99' is not an item of ISO/IEC 27001:2022 (did you "
    "mean 'A.5.9'?) [control-unknown]",
]

if __name__ == "__main__":
    testlib.main()
