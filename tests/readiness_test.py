"""Stage 1 readiness: the checklist, its page, not-applicable items, --strict."""
import os
import re
import tempfile
import unittest

import testlib

AS_OF = ["--as-of", "2026-11-21"]
CONTINUITY = "policies/service-continuity-plan.md"
MISSING = ("smsdoc.yaml: warning: Stage 1 readiness: 'Service continuity plan' "
           "(continuity-plan, clause 8.7.2) is missing: no plan names clause 8.7.2 "
           "[readiness-missing]")


def states(html):
    """Maps each checklist row id to its state on readiness.html."""
    return dict(re.findall(r'<tr id="([a-z0-9-]+)">.*?class="state state-[a-z-]+">([a-z ]+)<',
                           html))


class ReadinessTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-readiness-")
        self.root = os.path.join(self._tmp.name, "sms")
        testlib.copy_example(self.root)

    def tearDown(self):
        self._tmp.cleanup()

    def build(self, *extra):
        out = os.path.join(self._tmp.name, "site")
        result = testlib.run(["build", "--root", self.root, "--out", out] + AS_OF + list(extra))
        page = None
        if os.path.exists(os.path.join(out, "readiness.html")):
            with open(os.path.join(out, "readiness.html"), encoding="utf-8") as fh:
                page = fh.read()
        return result, page

    def edit(self, rel, old, new):
        path = os.path.join(self.root, rel)
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        self.assertIn(old, text)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace(old, new, 1))

    def test_the_example_meets_every_item(self):
        result, page = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("[readiness-missing]", result.stderr)
        found = states(page)
        self.assertEqual(len(found), 18)
        self.assertEqual(set(found.values()), {"met"}, found)
        # Internal audits of the last 12 months audited every leaf clause
        # (AUD-2025-01 is older; the certification body's audits are not
        # internal): the evidence is exactly these two.
        item = page[page.index('id="internal-audit"'):]
        item = item[:item.index("</tr>")]
        self.assertEqual(re.findall(r">(AUD-[^<]+)</a>", item), ["AUD-2025-02", "AUD-2026-01"])
        # Coverage per leaf clause: the draft monitoring procedure (9.1) is
        # shown, not counted; 9.1 is covered by the service level process
        # (whose reporting the draft will replace); every clause is covered.
        site = os.path.join(self._tmp.name, "site", "clauses")
        with open(os.path.join(site, "index.html"), encoding="utf-8") as fh:
            index = fh.read()
        self.assertIn(">77 covered<", index)
        self.assertIn(">0 partly covered<", index)
        self.assertIn(">0 documented only<", index)
        self.assertIn(">0 evidenced only<", index)
        self.assertIn(">0 not covered<", index)
        with open(os.path.join(site, "9.1.html"), encoding="utf-8") as fh:
            clause = fh.read()
        self.assertIn('data-fact="coverage">covered<', clause)
        self.assertIn(">PRC-SLM ", clause)
        not_in_force = clause[clause.index('id="Not-in-force"'):clause.index('id="Evidenced-by"')]
        self.assertIn(">PRO-MON-01 ", not_in_force)

    def test_without_the_continuity_plan_the_item_is_missing(self):
        # The plan stays as a procedure: no document of type plan names 8.7.2.
        self.edit(CONTINUITY, "type: plan", "type: procedure")
        result, page = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn(MISSING, result.stderr.splitlines())
        self.assertEqual(states(page)["continuity-plan"], "missing")
        strict = testlib.run(["check", "--root", self.root, "--strict"] + AS_OF)
        self.assertEqual(strict.returncode, 1, strict.stderr)
        self.assertIn(MISSING.replace(": warning:", ": error:"), strict.stderr.splitlines())

    def test_draft_or_overdue_evidence_is_at_risk(self):
        self.edit(CONTINUITY, "status: approved", "status: draft")
        result, page = self.build()
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(states(page)["continuity-plan"], "at risk")
        self.assertIn("PLN-CON-01 is draft", page)
        # A year on, the audits and the review are too old.
        later = testlib.run(["build", "--root", self.root, "--out",
                             os.path.join(self._tmp.name, "later"), "--as-of", "2028-01-01"])
        with open(os.path.join(self._tmp.name, "later", "readiness.html"), encoding="utf-8") as fh:
            found = states(fh.read())
        self.assertEqual(found["internal-audit"], "at risk")
        self.assertEqual(found["management-review"], "at risk")

    def test_not_applicable_with_a_justification(self):
        self.edit(CONTINUITY, "type: plan", "type: procedure")
        with open(os.path.join(self.root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
            fh.write("readiness:\n  not_applicable:\n"
                     "    continuity-plan: Continuity is the customer's, by contract.\n")
        result, page = self.build("--strict")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(states(page)["continuity-plan"], "not applicable")
        self.assertIn("Continuity is the customer&#39;s, by contract.", page.replace("&apos;", "&#39;"))

    def test_an_unknown_item_is_an_error_with_a_suggestion(self):
        with open(os.path.join(self.root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
            fh.write("readiness:\n  not_applicable:\n    continuity-plans: Not ours.\n")
        result = testlib.run(["check", "--root", self.root] + AS_OF)
        self.assertEqual(result.returncode, 1)
        self.assertRegex(result.stderr, r"smsdoc\.yaml:\d+:5: error: unknown readiness item "
                                        r"'continuity-plans' \(did you mean 'continuity-plan'\?\) "
                                        r"\[config-key\]")


if __name__ == "__main__":
    testlib.main()
