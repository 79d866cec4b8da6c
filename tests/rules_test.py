#!/usr/bin/python3
"""e2e.rules: process rules of smsdoc.yaml checked on the records
(docs/rules.md).

The expectation is computed here from smsdoc.yaml's `rules:` and the
example's records/*.yaml alone (dates subtracted with datetime); then the
breaches must be the same in the build's warnings, on the attention page,
in the rules table of each rule's process page and in `smsdoc status`
(text and JSON, and `--fail-on rules`).
"""
import datetime
import glob
import json
import os
import re
import tempfile
import unittest

import testlib
from site_links_test import Page, norm_space

try:
    import openpyxl
    import yaml
except ImportError:  # reported by the tests that need them
    openpyxl = yaml = None

AS_OF = "2026-11-21"


def read(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def day(text):
    return datetime.date.fromisoformat(str(text))


def label(kinds, kind, field):
    spec = kinds["kinds"][kind]["fields"].get(field) or kinds["common"].get(field) or {}
    return spec.get("label") or field.replace("_", " ").capitalize()


def exported(out, kind, fields, kinds):
    """The records of `kind` exported by the ITSM tool (records/itsm/), as
    their register workbook lists them: {field: value}, dates as text."""
    book = openpyxl.load_workbook(os.path.join(out, "registers", kind + "-register.xlsx"))
    ws = book.worksheets[1]
    header = [c.value for c in ws[1]]
    rows = []
    for row in ws.iter_rows(min_row=2):
        values = {"id": row[0].value, "kind": kind}
        for f in fields:
            v = row[header.index(label(kinds, kind, f))].value
            values[f] = v.date().isoformat() if isinstance(v, datetime.datetime) else v
        rows.append(values)
    return rows


def expected_breaches(root, out, as_of=AS_OF):
    """{rule id: (population ids, {record id: what})}, judged here over
    records/*.yaml and the exported records as their registers hold them."""
    with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
        rules = yaml.safe_load(fh)["rules"]
    with open(os.path.join(testlib.REPO, "src", "model", "kinds.yaml"), encoding="utf-8") as fh:
        kinds = yaml.safe_load(fh)
    records = []
    for path in sorted(glob.glob(os.path.join(root, "records", "*.yaml"))):
        with open(path, encoding="utf-8") as fh:
            records += yaml.safe_load(fh) or []
    for rule in rules.values():
        if rule["kind"] == "change":
            fields = set(rule.get("where") or {}) | set(rule.get("require") or [])
            fields |= {rule["within"]["from"], rule["within"]["to"]} if "within" in rule else set()
            records += exported(out, "change", sorted(fields), kinds)
    out = {}
    for rule_id, rule in rules.items():
        population, breaches = [], {}
        for r in records:
            if r.get("kind") != rule["kind"]:
                continue
            where = rule.get("where") or {}
            if any(str(r.get(f)) not in ([str(x) for x in v] if isinstance(v, list) else [str(v)])
                   for f, v in where.items()):
                continue
            population.append(r["id"])
            problems = ["no %s recorded" % f for f in rule.get("require", [])
                        if not str(r.get(f) or "").strip()]
            within = rule.get("within")
            if within and r.get(within["from"]):
                start = day(r[within["from"]])
                end = r.get(within["to"])
                if end and (day(end) - start).days > within["days"]:
                    problems.append("%d days" % (day(end) - start).days)
                elif not end and (day(as_of) - start).days > within["days"]:
                    problems.append("no end")
            if problems:
                breaches[r["id"]] = problems
        out[rule_id] = (population, breaches)
    return out


class RulesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if yaml is None or openpyxl is None:
            raise unittest.SkipTest("python3-yaml and python3-openpyxl are needed")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.build = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF, "--out",
                                 cls.out])
        if cls.build.returncode != 0:
            raise AssertionError(cls.build.stderr)
        cls.expected = expected_breaches(testlib.REPO, cls.out)
        cls.breaking = {rule: sorted(b) for rule, (_, b) in cls.expected.items() if b}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def page(self, rel):
        with open(os.path.join(self.out, rel), encoding="utf-8") as fh:
            page = Page(fh.read())
        self.assertEqual(page.structure_errors, [], rel)
        return page

    def test_the_example_breaks_the_90_day_rule_twice(self):
        self.assertEqual(self.breaking, {"minor-actions-90-days": ["ACT-2026-02", "ACT-2026-04"],
                                         "emergency-changes-reviewed": ["CHG-10518"]})
        self.assertGreater(len(self.expected["actions-root-cause"][0]), 3)  # not vacuous

    def test_warnings_name_each_breach_at_its_record(self):
        got = {}
        for m in re.finditer(r"^(records/\S+):(\d+):\d+: warning: '([^']+)': breaks rule "
                             r"'([^']+)' \([^)]*\): (.*) \[rule-breach\]$", self.build.stderr, re.M):
            got.setdefault(m.group(4), []).append(m.group(3))
            problems = self.expected[m.group(4)][1][m.group(3)]
            days = re.search(r"is (\d+) days after", m.group(5))
            if days:
                self.assertIn("%s days" % days.group(1), problems)
            else:  # the end date never came
                self.assertRegex(m.group(5), r"^no .* \d+ days after")
                self.assertIn("no end", problems)
        self.assertEqual({k: sorted(v) for k, v in got.items()}, self.breaking)

    def test_status_lists_them_and_fails_on_rules(self):
        status = testlib.run(["status", "--root", testlib.REPO, "--as-of", AS_OF,
                              "--format", "json"])
        self.assertEqual(json.loads(status.stdout)["rule_breaches"], self.breaking)
        text = testlib.run(["status", "--root", testlib.REPO, "--as-of", AS_OF])
        self.assertIn("Rule breaches           3: emergency-changes-reviewed (CHG-10518), "
                      "minor-actions-90-days (ACT-2026-02, ACT-2026-04)", text.stdout)
        failing = testlib.run(["status", "--root", testlib.REPO, "--as-of", AS_OF,
                               "--fail-on", "rules"])
        self.assertEqual(failing.returncode, 1)

    def test_attention_page_and_process_page_agree(self):
        attention = self.page("attention.html")
        sections = [s for s in attention.root.iter("section")
                    if "attention-rule-breach" in s.classes()]
        self.assertEqual(len(sections), 1)
        ids = sorted(norm_space(tr.iter("a").__next__().text())
                     for tr in sections[0].iter("tr") if list(tr.iter("a")))
        self.assertEqual(ids, sorted(i for v in self.breaking.values() for i in v))
        with open(os.path.join(testlib.REPO, "smsdoc.yaml"), encoding="utf-8") as fh:
            rules = yaml.safe_load(fh)["rules"]
        for rule_id, rule in rules.items():
            with self.subTest(rule=rule_id):
                doc = [p for p in glob.glob(os.path.join(testlib.REPO, "policies", "*.md")) +
                       glob.glob(os.path.join(testlib.REPO, "processes", "*.md"))
                       if re.search(r"^id: %s$" % rule["process"], read(p), re.M)][0]
                rel = os.path.relpath(doc, testlib.REPO)[:-3] + ".html"
                row = [tr for tr in self.page(rel).root.iter("tr")
                       if tr.attrs.get("data-rule") == rule_id][0]
                facts = {td.attrs["data-fact"]: norm_space(td.text()) for td in row.iter()
                         if "data-fact" in td.attrs}
                population, breaches = self.expected[rule_id]
                self.assertEqual(facts["rule-population"], str(len(population)))
                self.assertEqual(facts["rule-breaches"], str(len(breaches)))
                self.assertEqual(sorted(a.text() for a in list(row.iter("td"))[4].iter("a")),
                                 sorted(breaches))

    def test_a_rule_kept_and_a_rule_misnamed(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            path = os.path.join(root, "records", "actions.yaml")
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            # Planned within 90 days: no breach left.
            text = text.replace("due: 2026-12-15", "due: 2026-06-15")
            text = text.replace("due: 2026-09-30", "due: 2026-09-15")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            # ...and the rule the exported changes break left out.
            config = re.sub(r"\n  emergency-changes-reviewed:\n(    .*\n)+", "\n",
                            read(os.path.join(root, "smsdoc.yaml")))
            self.assertNotIn("emergency-changes-reviewed", config)
            with open(os.path.join(root, "smsdoc.yaml"), "w", encoding="utf-8") as fh:
                fh.write(config)
            self.assertEqual({r: b for r, (_, b) in expected_breaches(root, self.out).items()
                              if b}, {})
            result = testlib.run(["status", "--root", root, "--as-of", AS_OF, "--format", "json",
                                  "--fail-on", "rules"])
            self.assertEqual(result.returncode, 0, result.stdout)
            self.assertEqual(json.loads(result.stdout)["rule_breaches"], {})
            config = read(os.path.join(root, "smsdoc.yaml")).replace(
                "\nrules:\n", "\nrules:\n  late-reviews:\n    kind: action\n"
                "    where: {classification: Major}\n"
                "    within: {days: 5, from: raised, to: closed}\n")
            with open(os.path.join(root, "smsdoc.yaml"), "w", encoding="utf-8") as fh:
                fh.write(config)
            result = testlib.run(["check", "--root", root, "--as-of", AS_OF])
            self.assertEqual(result.returncode, 1)
            self.assertRegex(result.stderr, r"smsdoc\.yaml:\d+:\d+: error: kind 'action' has no "
                             r"field 'closed' in rule 'late-reviews' \(did you mean 'closed_on'\?\)"
                             r" \[config-rule\]")
            # A filter value no record can hold would select nothing, silently.
            self.assertRegex(result.stderr, r"smsdoc\.yaml:\d+:\d+: error: 'classification' of "
                             r"kind 'action' is never 'Major' \(did you mean 'major'\?\); it takes "
                             r".* in rule 'late-reviews' \[config-rule\]")


if __name__ == "__main__":
    testlib.main()
