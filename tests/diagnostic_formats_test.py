#!/usr/bin/python3
"""`smsdoc check --format json` and `--format sarif` (docs/diagnostics.md),
end to end. For fixtures of tests/fixtures/ (errors from every stage,
warnings only, a clean SMS) and a missing theme (a diagnostic without a
position), run from the fixture's folder and from its parent with --root:

- text (the default) prints the diagnostics on stderr, nothing on stdout;
- json and sarif print one document on stdout and only the summary line on
  stderr, with the same exit code as text;
- json holds exactly the text output's diagnostics (file, line, column,
  severity, code, message), in order, and its counts;
- sarif is a SARIF 2.1.0 log whose results are those diagnostics (uri
  relative to the current folder with uriBaseId %SRCROOT%, startLine,
  startColumn, no region without a line, level, message, ruleId and
  ruleIndex), with one rule per code used, described as in
  docs/diagnostics.md;
- a usage error prints nothing on stdout and exits 2.

usage: diagnostic_formats_test.py SMSDOC_BINARY REPO_ROOT
"""

import json
import os
import re
import tempfile
import unittest

import testlib

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
CASES = ["several-errors", "errors-across-stages", "yaml-syntax", "anchor-unknown",
         "warning-only", "raw-html", "custom-kind", "diagnostics-accepted"]


def text_diagnostics(stderr):
    """(file, line, column, severity, message, code) of each text line."""
    out = []
    for line in stderr.splitlines()[:-1]:
        m = testlib.DIAG_RE.match(line)
        if not m:
            raise AssertionError("not a diagnostic: %r" % line)
        line_no, column = m.group(2, 3)
        out.append((m.group(1), line_no and int(line_no), column and int(column), m.group(4),
                    m.group(5), m.group(6)))
    return out


def documented_codes():
    with open(os.path.join(testlib.REPO, "docs", "diagnostics.md"), encoding="utf-8") as fh:
        rows = re.findall(r"^\| `([a-z0-9-]+)` \|[^|]*\|[^|]*\| (.*) \|$", fh.read(), re.M)
    codes = {}
    for code, meaning in rows:
        codes.setdefault(code, meaning.replace("`", "").replace("\\|", "|"))
    return codes


class DiagnosticFormatsTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-formats-")
        self.addCleanup(self.tmp.cleanup)

    def fixture(self, name):
        root = os.path.join(self.tmp.name, name)
        testlib.copy_sms(os.path.join(FIXTURES, name), root,
                         ignore=("expected.txt", "exit_code"))
        return root

    def check_all_formats(self, args, cwd, prefix):
        text = testlib.run(["check"] + args, cwd=cwd)
        self.assertEqual(text.stdout, "")
        expected = text_diagnostics(text.stderr)
        summary = text.stderr.splitlines()[-1]
        self.assertRegex(summary, testlib.CHECKED_RE)
        errors = sum(d[3] == "error" for d in expected)

        js = testlib.run(["check", "--format", "json"] + args, cwd=cwd)
        self.assertEqual((js.returncode, js.stderr), (text.returncode, summary + "\n"))
        doc = json.loads(js.stdout)
        self.assertEqual(list(doc), ["diagnostics", "errors", "warnings", "ignored"])
        self.assertEqual([(d["file"], d["line"], d["column"], d["severity"], d["message"],
                           d["code"]) for d in doc["diagnostics"]], expected)
        self.assertEqual((doc["errors"], doc["warnings"]), (errors, len(expected) - errors))
        self.assertEqual(doc["ignored"], int(testlib.CHECKED_RE.match(summary).group(5) or 0))

        sarif = testlib.run(["check", "--format", "sarif"] + args, cwd=cwd)
        self.assertEqual((sarif.returncode, sarif.stderr), (text.returncode, summary + "\n"))
        log = json.loads(sarif.stdout)
        self.assertEqual(log["version"], "2.1.0")
        self.assertIn("sarif-2.1.0", log["$schema"])
        self.assertEqual(len(log["runs"]), 1)
        driver = log["runs"][0]["tool"]["driver"]
        self.assertEqual(driver["name"], "smsdoc")
        self.assertRegex(driver["version"], r"^\d+\.\d+\.\d+$")
        rules = [r["id"] for r in driver["rules"]]
        self.assertEqual(rules, sorted({d[5] for d in expected}))
        documented = documented_codes()
        for rule in driver["rules"]:
            self.assertEqual(rule["shortDescription"]["text"], documented[rule["id"]])
        got = []
        for r in log["runs"][0]["results"]:
            self.assertEqual(rules[r["ruleIndex"]], r["ruleId"])
            (location,) = r["locations"]
            physical = location["physicalLocation"]
            artifact = physical["artifactLocation"]
            self.assertEqual(artifact["uriBaseId"], "%SRCROOT%")
            self.assertTrue(artifact["uri"].startswith(prefix), artifact["uri"])
            region = physical.get("region", {})
            got.append((artifact["uri"][len(prefix):], region.get("startLine"),
                        region.get("startColumn"), r["level"], r["message"]["text"],
                        r["ruleId"]))
        self.assertEqual(got, expected)
        return expected

    def test_fixtures_from_their_folder_and_from_the_parent(self):
        for name in CASES:
            with self.subTest(fixture=name):
                root = self.fixture(name)
                found = self.check_all_formats([], root, "")
                self.assertEqual(self.check_all_formats(["--root", name], self.tmp.name,
                                                        name + "/"), found)
                self.assertTrue(found or name == "custom-kind", "the fixture reports nothing")

    def test_a_diagnostic_without_a_position(self):
        root = self.fixture("warning-only")
        with open(os.path.join(root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
            fh.write("theme: no-such-theme\n")
        found = self.check_all_formats([], root, "")
        self.assertIn(("smsdoc.yaml", None, None, "error",
                       "theme folder 'no-such-theme' does not exist", "config-theme"), found)

    def test_usage_errors_print_nothing_on_stdout(self):
        for args in (["--format", "xml"], ["--format", "json", "--root", "/nonexistent"]):
            result = testlib.run(["check"] + args, cwd=self.tmp.name)
            self.assertEqual((result.returncode, result.stdout), (2, ""), args)
            self.assertIn("error", result.stderr)


if __name__ == "__main__":
    testlib.main()
