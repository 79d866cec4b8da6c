"""Management review packs (docs/measurement.md#management-review-pack).

The expected inputs are computed here from the YAML records, by the rules
the docs state, and compared with each pack's sections row by row.
"""
import calendar
import html.parser
import json
import os
import re
import tempfile
import unittest

import kpi_surfaces_test
import testlib

AS_OF = "2026-11-21"
KEYS = re.compile(r"^  ([a-z_]+): *(.*)$")


def read_records(root):
    """id -> {field: text or list} of every record's one-line fields."""
    records = {}
    folder = os.path.join(root, "records")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".yaml"):
            continue
        current = None
        with open(os.path.join(folder, name), encoding="utf-8") as fh:
            for line in fh:
                line = line.rstrip("\n")
                assert not line.startswith("- {"), "block-style records only: " + line
                if line.startswith("- id: "):
                    current = {"id": line[6:].strip()}
                    records[current["id"]] = current
                    continue
                match = KEYS.match(line)
                if not match or current is None:
                    continue
                value = re.sub(r"\s+#.*$", "", match.group(2)).strip()
                if value.startswith("[") and value.endswith("]"):
                    value = [v.strip().strip('"') for v in value[1:-1].split(",") if v.strip()]
                elif value in (">", "|", ""):
                    value = "(block)" if value else ""
                else:
                    value = value.strip('"')
                current[match.group(1)] = value
    return records


def acceptance(root):
    with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
        text = fh.read()
    assert re.search(r"^  formula: multiply$", text, re.M), "the test assumes multiply"
    return int(re.search(r"^  acceptance: (\d+)$", text, re.M).group(1))


def period_end(period):
    """The last day of a measurement period (YYYY-MM, YYYY-Qn, YYYY, a date)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", period):
        return period
    year, rest = int(period[:4]), period[5:]
    month = 12 if not rest else int(rest[1]) * 3 if rest.startswith("Q") else int(rest)
    return "%04d-%02d-%02d" % (year, month, calendar.monthrange(year, month)[1])


def expected_pack(records, review_id, as_of, accept):
    """The documented rules, computed from the records: section -> IDs."""
    review = records[review_id]
    held = review.get("held", "")
    date = as_of if not held or held > as_of else held
    kind = lambda k: sorted((r for r in records.values() if r.get("kind") == k),
                            key=lambda r: r["id"])
    done = {"action": ["closed"], "finding": ["closed"]}

    def open_at(r):
        if r["status"] not in done[r["kind"]]:
            return True
        return bool(r.get("closed_on")) and r["closed_on"] > date

    earlier = [r for r in kind("review") if r is not review and r["status"] == "completed"
               and r.get("held") and r["held"] < date]
    previous = max(earlier, key=lambda r: (r["held"], r["id"]), default=None)
    since = previous["held"] if previous else ""
    of_period = lambda r, field: open_at(r) or r.get(field, "") > since

    def actions_of(rev):
        # A review's references are its `related` (reviews have no other ref field).
        return sorted(a["id"] for a in kind("action")
                      if a["id"] in rev.get("related", []) or a.get("source") == rev["id"])

    def by(r, field):
        return not r.get(field) or r[field] <= date

    findings = [f for f in kind("finding") if by(f, "raised")]
    risks = [r for r in kind("risk") if by(r, "opened") and r["status"] != "closed"]
    return date, {
        "previous-actions": actions_of(previous) if previous else [],
        "audits": [a["id"] for a in kind("audit") if a["status"] == "completed"
                   and a.get("performed") and a["performed"] <= date],
        "open-findings": [f["id"] for f in findings if open_at(f)],
        "nonconformities": [f["id"] for f in findings
                            if f["classification"] in ("major", "minor")
                            and of_period(f, "raised")],
        "corrective-actions": [a["id"] for a in kind("action")
                               if by(a, "raised") and of_period(a, "raised")],
        "risks": [r["id"] for r in risks if r["type"] == "risk"
                  and int(r["likelihood"]) * int(r["impact"]) > accept],
        "opportunities": sorted([f["id"] for f in findings if f["classification"] == "ofi"
                                 and of_period(f, "raised")]
                                + [r["id"] for r in risks if r["type"] == "opportunity"]),
        "raised-actions": actions_of(review),
    }


def expected_kpis(root, date):
    """The KPI sections as of `date`, computed from processes/*.md and the
    measurements: every typed KPI, those missed in their latest period ended
    by the date first (each part in process path, then KPI order);
    customer KPIs of processes naming 8.3.2 or 8.3.3 (or parts), supplier
    KPIs of 8.3.4."""
    kpis, values = kpi_surfaces_test.read_sources(root, AS_OF)
    order = []
    for kpi_id, kpi in kpis.items():  # in path, then KPI order
        ended = sorted(p for p in values[kpi_id] if period_end(p) <= date)
        state = kpi_surfaces_test.judge(kpi, values[kpi_id][ended[-1]]) if ended else None
        order.append((state != "missed", kpi_id))
    ids = [k for _, k in sorted(order, key=lambda x: x[0])]  # stable: missed first

    def naming(kpi_id, clauses):
        return any(c == x or c.startswith(x + ".") for c in kpis[kpi_id]["clauses"]
                   for x in clauses)
    return {"kpis": ids,
            "customer-kpis": [k for k in ids if naming(k, ("8.3.2", "8.3.3"))],
            "supplier-kpis": [k for k in ids if naming(k, ("8.3.4",))]}


CONFIG = """organization: Fixture Ltd
scope: Everything.
roles:
  sms-manager: {title: SMS Manager}
"""
POLICY = """---
id: POL-1
title: Policy
type: policy
owner: sms-manager
approver: sms-manager
version: "1.0"
status: approved
effective: 2026-01-15
review_months: 12
---
Body.
"""
# MR-2 (1 September 2026) follows MR-1; AUD-2, FND-3, RSK-2 come later;
# ACT-1 was due in April and closed only after MR-2.
RECORDS = """- id: MR-1
  kind: review
  title: Spring review
  status: completed
  held: 2026-03-01
  decisions: Go
  outputs: Plan
  related: [ACT-1]
- id: MR-2
  kind: review
  title: Autumn review
  status: completed
  held: 2026-09-01
  decisions: Go
  outputs: Plan
  related: [ACT-3]
- id: AUD-1
  kind: audit
  title: A1
  status: completed
  period: "2026"
  type: internal
  planned: 2026-05-01
  performed: 2026-05-01
- id: AUD-2
  kind: audit
  title: A2
  status: completed
  period: "2026"
  type: internal
  planned: 2026-10-01
  performed: 2026-10-01
- id: FND-1
  kind: finding
  title: F1
  status: open
  audit: AUD-1
  raised: 2026-05-01
  clause: "8.1"
  classification: minor
- id: FND-2
  kind: finding
  title: F2
  status: closed
  audit: AUD-1
  raised: 2026-05-01
  clause: "8.1"
  classification: ofi
  closed_on: 2026-08-01
- id: FND-3
  kind: finding
  title: F3
  status: open
  audit: AUD-2
  raised: 2026-10-01
  clause: "8.1"
  classification: major
- id: ACT-1
  kind: action
  title: C1
  status: closed
  source_type: management-review
  raised: 2026-02-01
  due: 2026-04-01
  closed_on: 2026-09-15
- id: ACT-2
  kind: action
  title: C2
  status: open
  source: MR-2
  source_type: management-review
  raised: 2026-10-02
- id: ACT-3
  kind: action
  title: C3
  status: open
  source_type: other
  raised: 2026-08-20
- id: RSK-1
  kind: risk
  type: risk
  title: K1
  status: open
  opened: 2026-06-01
  likelihood: 4
  impact: 4
- id: RSK-2
  kind: risk
  type: risk
  title: K2
  status: open
  opened: 2026-10-01
  likelihood: 5
  impact: 5
"""


class PackParser(html.parser.HTMLParser):
    """Each section's row IDs in order, its 'none' text, and the lead's date;
    fails on a closing tag that does not match the open one."""

    VOID = {"br", "img", "meta", "link", "input", "hr", "col", "wbr", "path", "line",
            "circle", "rect", "polyline", "polygon", "text"}

    def __init__(self):
        super().__init__()
        self.sections, self.none, self.stack, self.section, self.date = {}, {}, [], None, None
        self.in_none = False
        self.links = []
        self.cells = {}  # (section, id) -> the texts of its cells
        self.cell = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag not in self.VOID:
            self.stack.append(tag)
        if tag == "section" and "data-section" in a:
            self.section = a["data-section"]
            self.sections[self.section] = []
        if tag == "tr" and "data-id" in a and self.section:
            self.sections[self.section].append(a["data-id"])
            self.row = self.cells.setdefault((self.section, a["data-id"]), [])
        if tag == "td" and self.section:
            self.row.append("")
            self.cell = True
        if tag == "p" and a.get("class") == "none" and self.section:
            self.in_none = True
        if a.get("data-fact") == "pack-date":
            self.date = a["data-date"]
        if tag == "a" and "href" in a:
            self.links.append(a["href"])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            raise AssertionError("</%s> closes <%s>" % (tag, self.stack[-1:] or "nothing"))
        self.stack.pop()
        if tag == "p":
            self.in_none = False
        if tag == "td":
            self.cell = None

    def handle_data(self, data):
        if self.in_none and data.strip():
            self.none[self.section] = data.strip()
        if self.cell:
            self.row[-1] += data


def parse(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    parser = PackParser()
    parser.feed(text)
    parser.close()
    return parser, text


class ReviewPackTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-review-pack-")
        self.root = os.path.join(self._tmp.name, "sms")
        testlib.copy_example(self.root)

    def tearDown(self):
        self._tmp.cleanup()

    def build(self):
        out = os.path.join(self._tmp.name, "site")
        result = testlib.run(["build", "--root", self.root, "--out", out, "--as-of", AS_OF])
        self.assertEqual(result.returncode, 0, result.stderr)
        return out

    def test_each_pack_lists_exactly_what_the_records_held_on_its_date(self):
        out = self.build()
        records = read_records(self.root)
        accept = acceptance(self.root)
        reviews = sorted(r["id"] for r in records.values() if r.get("kind") == "review")
        self.assertEqual(reviews, ["MR-2026-01", "MR-2026-02"])
        later_items = 0
        for review in reviews:
            with self.subTest(review=review):
                date, expected = expected_pack(records, review, AS_OF, accept)
                expected.update(expected_kpis(self.root, date))
                page, text = parse(os.path.join(out, "records", "review", review + "-pack.html"))
                self.assertEqual(page.date, date)
                for section, ids in expected.items():
                    self.assertEqual(page.sections[section], ids, section)
                    if not ids:
                        self.assertTrue(page.none.get(section), section + " says none")
                    for i in ids:  # every item links to its page (a KPI: its chart)
                        self.assertTrue(any(h.endswith("/%s.html" % i) or h == i + ".html"
                                            or h.endswith("kpis.html#kpi-" + i.lower())
                                            for h in page.links), i)
                # Nothing raised, opened or performed after the date is listed
                # (actions a review names are listed whatever their date).
                shown = {i for ids in page.sections.values() for i in ids}
                named = set(expected["raised-actions"]) | set(expected["previous-actions"])
                for r in records.values():
                    dated = r.get("raised") or r.get("opened") or r.get("performed") or ""
                    if dated > date and r["id"] not in named:
                        later_items += 1
                        self.assertNotIn(r["id"], shown)
                # KPIs come from measurements: each latest value shown is of a
                # period ended by the date ("96.5% (2026-03)").
                for section in ("kpis", "customer-kpis", "supplier-kpis"):
                    for kpi in page.sections[section]:
                        m = re.search(r"\((\d{4}(?:-Q\d|-\d{2}){0,1}(?:-\d{2})?)\)$",
                                      page.cells[(section, kpi)][3].strip())
                        if m:
                            self.assertLessEqual(period_end(m.group(1)), date, kpi)
        self.assertGreater(later_items, 0, "the example has items dated after MR-2026-01")
        # The planned review says it is shown as of the build's date.
        planned, _ = parse(os.path.join(out, "records", "review", "MR-2026-02-pack.html"))
        self.assertEqual(planned.date, AS_OF)
        # Non-vacuous: MR-2026-02 has a previous review with actions.
        self.assertTrue(planned.sections["previous-actions"])
        # The review's page and the register link to the pack.
        for page, link in (("records/review/MR-2026-01.html", "MR-2026-01-pack.html"),
                           ("records/review.html", "review/MR-2026-01-pack.html")):
            with open(os.path.join(out, page), encoding="utf-8") as fh:
                self.assertIn('href="%s"' % link, fh.read())

    def test_a_small_fixture_by_hand(self):
        root = os.path.join(self._tmp.name, "small")
        for rel, text in (("smsdoc.yaml", CONFIG), ("policies/policy.md", POLICY),
                          ("records/records.yaml", RECORDS)):
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as fh:
                fh.write(text)
        out = os.path.join(self._tmp.name, "small-site")
        result = testlib.run(["build", "--root", root, "--out", out, "--as-of", AS_OF])
        self.assertEqual(result.returncode, 0, result.stderr)
        date, expected = expected_pack(read_records(root), "MR-2", AS_OF, 7)
        # The rules as this test computes them, checked by hand once.
        self.assertEqual((date, expected), ("2026-09-01", {
            "previous-actions": ["ACT-1"], "audits": ["AUD-1"], "open-findings": ["FND-1"],
            "nonconformities": ["FND-1"], "corrective-actions": ["ACT-1", "ACT-3"],
            "risks": ["RSK-1"], "opportunities": ["FND-2"],
            "raised-actions": ["ACT-2", "ACT-3"]}))
        page, _ = parse(os.path.join(out, "records", "review", "MR-2-pack.html"))
        for section, ids in expected.items():
            self.assertEqual(page.sections[section], ids, section)
        for later in ("AUD-2", "FND-3", "RSK-2"):
            self.assertNotIn(later, {i for ids in page.sections.values() for i in ids})
        # ACT-1 was overdue on 1 September (closed on the 15th); ACT-3 has no due date.
        at_date = lambda section, i: page.cells[(section, i)][-1].strip()
        self.assertEqual(at_date("previous-actions", "ACT-1"), "overdue")
        self.assertEqual(at_date("corrective-actions", "ACT-3"), "")
        # As of MR-1, none of it had happened; there was no earlier review.
        first, _ = parse(os.path.join(out, "records", "review", "MR-1-pack.html"))
        self.assertEqual({k: v for k, v in first.sections.items() if v},
                         {"corrective-actions": ["ACT-1"], "raised-actions": ["ACT-1"]})
        self.assertEqual(first.none["previous-actions"],
                         "None: no completed review was held before this one.")

    def test_a_review_without_decisions_is_not_performed(self):
        path = os.path.join(self.root, "records", "reviews.yaml")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        start = text.index("  decisions: >")
        end = text.index("  outputs: >")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text[:start] + text[end:])
        out = self.build()
        with open(os.path.join(out, "readiness.html"), encoding="utf-8") as fh:
            readiness = fh.read()
        row = re.search(r'<tr id="management-review">.*?</tr>', readiness, re.S).group(0)
        self.assertIn('class="state state-missing"', row)
        self.assertIn("MR-2026-01 lacks decisions", row)
        status = testlib.run(["status", "--root", self.root, "--as-of", AS_OF,
                              "--format", "json"])
        self.assertIn("management-review", json.loads(status.stdout)["readiness_missing"])
        # The pack still shows the review, with its outputs but no decisions.
        page, text = parse(os.path.join(out, "records", "review", "MR-2026-01-pack.html"))
        self.assertIn("adequate and effective.", text)
        self.assertNotIn("Budget of GBP 38,000", text)


if __name__ == "__main__":
    testlib.main()
