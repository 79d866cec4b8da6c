#!/usr/bin/python3
"""e2e.audit_purpose: the audit a build is evidence for (docs/evidence.md).

The example's smsdoc.yaml says `audit: {purpose: surveillance, id: ...}`:
stage-1.html and stage-2.html name the purpose and link the audit record
with its planned date from records/audits.yaml, and `smsdoc status` (text
and JSON) names the same purpose and audit. An ID that is no audit record
and an unknown purpose are errors at their position in smsdoc.yaml.
"""
import json
import os
import re
import tempfile
import unittest

import testlib
from site_links_test import Page

try:
    import yaml
except ImportError:  # reported by the tests that need it
    yaml = None

AS_OF = "2026-11-21"


class AuditPurposeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if yaml is None:
            raise unittest.SkipTest("python3-yaml is needed")
        with open(os.path.join(testlib.REPO, "smsdoc.yaml"), encoding="utf-8") as fh:
            cls.audit = yaml.safe_load(fh)["audit"]
        with open(os.path.join(testlib.REPO, "records", "audits.yaml"), encoding="utf-8") as fh:
            audits = {r["id"]: r for r in yaml.safe_load(fh)}
        cls.record = audits[cls.audit["id"]]
        cls.tmp = tempfile.TemporaryDirectory()
        cls.out = os.path.join(cls.tmp.name, "site")
        result = testlib.run(["build", "--root", testlib.REPO, "--as-of", AS_OF, "--out", cls.out])
        if result.returncode != 0:
            raise AssertionError(result.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_example_says_what_it_is_for(self):
        self.assertEqual(self.audit["purpose"], "surveillance")
        self.assertEqual(self.record["type"], "surveillance")

    def test_stage_pages_name_the_purpose_and_link_the_audit(self):
        for name in ("stage-1.html", "stage-2.html"):
            with open(os.path.join(self.out, name), encoding="utf-8") as fh:
                page = Page(fh.read())
            self.assertEqual(page.structure_errors, [])
            box = [p for p in page.root.iter("p") if p.attrs.get("data-fact") == "audit-purpose"]
            self.assertEqual(len(box), 1, name)
            self.assertEqual(box[0].attrs["data-purpose"], self.audit["purpose"])
            self.assertIn("surveillance audit", box[0].text())
            link = [a for a in box[0].iter("a") if a.attrs.get("data-fact") == "audit"][0]
            self.assertEqual(link.text(), self.audit["id"])
            target = os.path.join(self.out, link.attrs["href"])
            self.assertTrue(os.path.isfile(target), target)
            self.assertIn(self.record["title"], box[0].text())
            planned = [s for s in box[0].iter("span")
                       if s.attrs.get("data-fact") == "audit-planned"][0]
            self.assertEqual(planned.text(), str(self.record["planned"]))

    def test_status_names_the_same_audit(self):
        result = testlib.run(["status", "--root", testlib.REPO, "--as-of", AS_OF,
                              "--format", "json"])
        self.assertEqual(json.loads(result.stdout)["audit"],
                         {"purpose": self.audit["purpose"], "id": self.audit["id"]})
        result = testlib.run(["status", "--root", testlib.REPO, "--as-of", AS_OF])
        self.assertRegex(result.stdout, r"(?m)^Evidence for +%s audit %s$" %
                         (self.audit["purpose"], re.escape(self.audit["id"])))

    def test_bad_audit_is_an_error_at_its_position(self):
        with tempfile.TemporaryDirectory() as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            path = os.path.join(root, "smsdoc.yaml")
            with open(path, encoding="utf-8") as fh:
                text = fh.read()
            line = text[:text.index("\naudit:")].count("\n") + 2
            text = text.replace("audit: {purpose: surveillance, id: AUD-2027-CB1}",
                                "audit: {purpose: survey, id: AUD-2027-CB9}")
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(text)
            result = testlib.run(["check", "--root", root, "--as-of", AS_OF])
            self.assertEqual(result.returncode, 1)
            errors = {m.group(6): m.groups() for m in map(testlib.DIAG_RE.match,
                                                          testlib.lines(result.stderr)) if m}
            self.assertEqual(errors["field-enum"][:3], ("smsdoc.yaml", str(line), "18"))
            self.assertEqual(errors["config-audit"][:3], ("smsdoc.yaml", str(line), "30"))
            self.assertIn("did you mean 'AUD-2027-CB1'", errors["config-audit"][4])


if __name__ == "__main__":
    testlib.main()
