#!/usr/bin/python3
"""`smsdoc check --format json|sarif|github|gitlab` and `--output`
(docs/diagnostics.md), end to end. For fixtures of tests/fixtures/ (errors from every stage,
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
  ruleIndex, a partialFingerprints entry unique in the log and equal from
  run to run), with one rule per code used, described, fully described and
  helped as in docs/diagnostics.md, valid against the OASIS SARIF 2.1.0
  schema (tests/schemas/, with python3-jsonschema);
- github prints one workflow command per diagnostic, gitlab a Code Quality
  report, both with the same diagnostics (and gitlab the SARIF
  fingerprints); every gitlab report (--output ones too) is valid against
  tests/schemas/gitlab-code-quality.json (GitLab's documented format,
  transcribed: GitLab ships no schema) and no two of its issues share a
  fingerprint (GitLab would drop all but the first);
- on a line with non-ASCII text before the problem, SARIF and GitHub count
  the column in UTF-16 code units (text and JSON in bytes);
- `--output FILE` writes what stdout would hold (the text format: the
  diagnostics) even when the SMS has errors, keeps the exit code and
  prints only the summary; a usage error writes no file and exits 2;
- a usage error prints nothing on stdout and exits 2.

usage: diagnostic_formats_test.py SMSDOC_BINARY REPO_ROOT
"""

import functools
import json
import os
import re
import tempfile
import unittest

try:
    import jsonschema
except ImportError:  # ./dev installs python3-jsonschema
    jsonschema = None

import testlib

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
SARIF_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas",
                            "sarif-schema-2.1.0.json")
GITLAB_SCHEMA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "schemas",
                             "gitlab-code-quality.json")
GITHUB_RE = re.compile(r"^::(error|warning) file=([^,]*)(?:,line=(\d+),col=(\d+))?,"
                       r"title=smsdoc ([a-z0-9-]+)::(.*) \[([a-z0-9-]+)\]$")


def github_unescape(text):
    return (text.replace("%0A", "\n").replace("%0D", "\r").replace("%3A", ":")
            .replace("%2C", ",").replace("%25", "%"))


def utf16_column(line, byte_column):
    """The UTF-16 code unit column of a 1-based byte column of a UTF-8 line."""
    prefix = line.encode("utf-8")[:byte_column - 1].decode("utf-8")
    return len(prefix.encode("utf-16-le")) // 2 + 1
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


@functools.lru_cache(maxsize=None)
def gitlab_validator():
    """The validator of tests/schemas/gitlab-code-quality.json, itself checked."""
    with open(GITLAB_SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def check_gitlab_report(test, report):
    """A Code Quality report as GitLab documents it, each fingerprint once."""
    if jsonschema:
        gitlab_validator().validate(report)
    prints = [issue["fingerprint"] for issue in report]
    test.assertEqual(len(set(prints)), len(prints), "a fingerprint repeats: GitLab drops repeats")


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
        self.assertEqual(got, [self.utf16(d, cwd, prefix) for d in expected])
        if jsonschema:
            with open(SARIF_SCHEMA, encoding="utf-8") as fh:
                jsonschema.validate(log, json.load(fh))
        run = log["runs"][0]
        self.assertEqual(run["columnKind"], "utf16CodeUnits")
        self.assertEqual(driver["semanticVersion"], driver["version"])
        for rule in driver["rules"]:
            meaning = documented[rule["id"]]
            self.assertEqual(rule["fullDescription"]["text"], meaning)
            self.assertTrue(rule["help"]["text"].startswith(meaning + ". "))
            self.assertIn("`%s`: %s." % (rule["id"], meaning), rule["help"]["markdown"])
        prints = [r["partialFingerprints"]["smsdoc/v1"] for r in run["results"]]
        self.assertEqual(len(set(prints)), len(prints))
        again = json.loads(testlib.run(["check", "--format", "sarif"] + args, cwd=cwd).stdout)
        self.assertEqual([r["partialFingerprints"] for r in again["runs"][0]["results"]],
                         [r["partialFingerprints"] for r in run["results"]])

        github = testlib.run(["check", "--format", "github"] + args, cwd=cwd)
        self.assertEqual((github.returncode, github.stderr), (text.returncode, summary + "\n"))
        got = []
        for line in github.stdout.splitlines():
            m = GITHUB_RE.match(line)
            self.assertTrue(m, line)
            level, path, line_no, col, title, message, code = m.groups()
            self.assertEqual(title, code)
            path = github_unescape(path)
            self.assertTrue(path.startswith(prefix), path)
            got.append((path[len(prefix):], line_no and int(line_no), col and int(col), level,
                        github_unescape(message), code))
        self.assertEqual(got, [self.utf16(d, cwd, prefix) for d in expected])

        gitlab = testlib.run(["check", "--format", "gitlab"] + args, cwd=cwd)
        self.assertEqual((gitlab.returncode, gitlab.stderr), (text.returncode, summary + "\n"))
        report = json.loads(gitlab.stdout)
        check_gitlab_report(self, report)
        self.assertEqual([(r["location"]["path"], r["location"]["lines"]["begin"],
                           r["severity"], r["description"], r["check_name"]) for r in report],
                         [(prefix + d[0], d[1] or 1, "major" if d[3] == "error" else "minor",
                           d[4], d[5]) for d in expected])
        self.assertEqual([r["fingerprint"] for r in report], prints)
        return expected

    def utf16(self, diagnostic, cwd, prefix):
        """A text diagnostic with its column as SARIF and GitHub count it."""
        path, line_no, column = diagnostic[:3]
        if not line_no or not column:
            return diagnostic
        with open(os.path.join(cwd, prefix, path), encoding="utf-8", newline="") as fh:
            line = fh.read().split("\n")[line_no - 1]
        return (path, line_no, utf16_column(line, column)) + diagnostic[3:]

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

    def test_columns_after_non_ascii_text(self):
        root = self.fixture("warning-only")
        with open(os.path.join(root, "policies", "zz.md"), "w", encoding="utf-8") as fh:
            fh.write("---\nid: POL-ZZ\ntitle: Änderungen\ntype: policy\nowner: sms-manager\n"
                     "approver: ceo\nversion: \"1.0\"\nstatus: draft\nreview_months: 12\n"
                     "---\n\nÄnderungen über 5 € oder 😀 siehe [[NOPE-1]].\n")
        found = self.check_all_formats([], root, "")
        (bad,) = [d for d in found if d[0] == "policies/zz.md" and d[5] == "ref-unknown"]
        self.assertEqual(bad[2], 41)  # bytes; UTF-16 code units: 35 (checked above)
        sarif = json.loads(testlib.run(["check", "--format", "sarif"], cwd=root).stdout)
        (result,) = [r for r in sarif["runs"][0]["results"] if r["ruleId"] == "ref-unknown"]
        self.assertEqual(result["locations"][0]["physicalLocation"]["region"]["startColumn"], 35)

    def test_output_file_keeps_the_exit_code(self):
        root = self.fixture("several-errors")
        for fmt in ("text", "json", "sarif", "github", "gitlab"):
            with self.subTest(format=fmt):
                shown = testlib.run(["check", "--format", fmt], cwd=root)
                report = os.path.join(self.tmp.name, "report." + fmt)
                written = testlib.run(["check", "--format", fmt, "--output", report], cwd=root)
                self.assertEqual(written.returncode, 1)
                self.assertEqual(written.stdout, "")
                with open(report, encoding="utf-8") as fh:
                    held = fh.read()
                if fmt == "text":
                    summary = shown.stderr.splitlines()[-1]
                    self.assertEqual(held, shown.stderr[:-len(summary) - 1])
                    self.assertEqual(written.stderr, summary + "\n")
                else:
                    self.assertEqual(held, shown.stdout)
                    if fmt == "gitlab":
                        check_gitlab_report(self, json.loads(held))
                    self.assertEqual(written.stderr, shown.stderr)
                self.assertFalse(os.path.exists(report + ".partial"))
        missing = os.path.join(self.tmp.name, "never.sarif")
        usage = testlib.run(["check", "--format", "sarif", "--output", missing, "--root",
                             "/nonexistent"], cwd=self.tmp.name)
        self.assertEqual(usage.returncode, 2)
        self.assertFalse(os.path.exists(missing))

    def test_the_gitlab_checks_refuse_what_gitlab_would(self):
        issue = {"description": "d", "check_name": "c", "fingerprint": "f", "severity": "minor",
                 "location": {"path": "a.md", "lines": {"begin": 1}}}
        check_gitlab_report(self, [issue])
        with self.assertRaises(AssertionError):  # a repeated fingerprint
            check_gitlab_report(self, [issue, dict(issue, description="e")])
        if jsonschema:
            for bad in (dict(issue, severity="error"), dict(issue, location={"path": "a.md"}),
                        {k: v for k, v in issue.items() if k != "check_name"}):
                with self.assertRaises(jsonschema.ValidationError):
                    check_gitlab_report(self, [bad])

    def test_usage_errors_print_nothing_on_stdout(self):
        for args in (["--format", "xml"], ["--format", "json", "--root", "/nonexistent"],
                     ["--format", "gitlab", "--root", "/nonexistent"]):
            result = testlib.run(["check"] + args, cwd=self.tmp.name)
            self.assertEqual((result.returncode, result.stdout), (2, ""), args)
            self.assertIn("error", result.stderr)


if __name__ == "__main__":
    testlib.main()
