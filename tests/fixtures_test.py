#!/usr/bin/python3
"""Runs the fixture SMSs of tests/fixtures/: each holds one small SMS (mostly
with one kind of error), `expected.txt` (the exact stderr of `smsdoc build`)
and `exit_code`.

For each fixture, in a temporary copy:
  1. a previous site is planted in site/ (with the .smsdoc-output marker);
  2. `smsdoc check` must print the same diagnostics as expected.txt, then
     `smsdoc: checked N documents and M records: E errors, W warnings`, exit
     with the same code and write nothing;
  3. `smsdoc build` must print exactly expected.txt and exit with exit_code;
     on failure site/ must be byte-for-byte unchanged, on success it must be
     replaced; in both cases no .smsdoc-new-*/-old-* folder is left.

In expected.txt the build time of a `built ...` line is written `X.XX`.

usage: fixtures_test.py SMSDOC_BINARY REPO_ROOT [FIXTURE ...]
"""

import os
import re
import sys
import tempfile
import unittest

import testlib

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
META = ("expected.txt", "exit_code")
SELECTED = []  # fixture names given on the command line; empty = all


def normalize(stderr):
    return re.sub(r"^(built \d+ pages in )\d+\.\d\d( s -> )", r"\1X.XX\2", stderr,
                  flags=re.M)


def plant_site(root):
    site = os.path.join(root, "site")
    os.makedirs(os.path.join(site, "policies"))
    files = {".smsdoc-output": "written by smsdoc\n",
             "index.html": "<p>the previous build</p>\n",
             "policies/old.html": "<p>a page of the previous build</p>\n"}
    for rel, text in files.items():
        with open(os.path.join(site, rel), "w", encoding="utf-8") as fh:
            fh.write(text)
    return site


class FixturesTest(unittest.TestCase):
    maxDiff = None

    def fixture_names(self):
        names = sorted(n for n in os.listdir(FIXTURES)
                       if os.path.isdir(os.path.join(FIXTURES, n)))
        if SELECTED:
            unknown = sorted(set(SELECTED) - set(names))
            self.assertEqual(unknown, [], "no such fixture")
            names = SELECTED
        self.assertTrue(names, "no fixtures found in " + FIXTURES)
        return names

    def test_fixtures(self):
        for name in self.fixture_names():
            with self.subTest(fixture=name):
                self.run_fixture(name)

    def run_fixture(self, name):
        src = os.path.join(FIXTURES, name)
        for meta in META:
            self.assertTrue(os.path.isfile(os.path.join(src, meta)),
                            "fixture %s has no %s" % (name, meta))
        with open(os.path.join(src, "expected.txt"), encoding="utf-8") as fh:
            expected = fh.read()
        with open(os.path.join(src, "exit_code"), encoding="utf-8") as fh:
            expected_code = int(fh.read().strip())
        expected_lines = expected.splitlines()
        self.assertTrue(expected_lines, "empty expected.txt")
        diag_lines = expected_lines[:-1]
        # expected.txt itself must be well formed, so a typo in a fixture
        # cannot make the comparison vacuous.
        for line in diag_lines:
            self.assertRegex(line, testlib.DIAG_RE, "expected.txt of " + name)
        errors = sum(": error: " in l for l in diag_lines)
        warnings = sum(": warning: " in l for l in diag_lines)

        with tempfile.TemporaryDirectory(prefix="smsdoc-fixture-") as tmp:
            root = os.path.join(tmp, name)
            testlib.copy_sms(src, root, ignore=META)
            site = plant_site(root)
            before_site = testlib.snapshot(site)
            before_root = testlib.snapshot(root)

            # check: same diagnostics, its own summary, nothing written.
            check = testlib.run(["check"], cwd=root)
            got = check.stderr.splitlines()
            self.assertEqual(got[:-1], diag_lines, "smsdoc check diagnostics")
            m = testlib.CHECKED_RE.match(got[-1] if got else "")
            self.assertIsNotNone(m, "check summary: %r" % (got[-1:] or ""))
            self.assertEqual((int(m.group(3)), int(m.group(4))), (errors, warnings),
                             "check summary counts: " + got[-1])
            self.assertEqual(check.returncode, 1 if errors else 0, "check exit code")
            self.assertEqual(testlib.snapshot(root), before_root, "check wrote files")

            # build: exact stderr and exit code.
            build = testlib.run(["build"], cwd=root)
            self.assertEqual(normalize(build.stderr), expected, "smsdoc build stderr")
            self.assertEqual(build.returncode, expected_code, "build exit code")
            self.assertEqual(build.stdout, "")
            self.assertEqual(testlib.temp_leftovers(root), [], "swap folders left behind")
            if expected_code == 0:
                after = testlib.snapshot(site)
                self.assertIn(".smsdoc-output", after)
                self.assertIn("index.html", after)
                self.assertNotEqual(after["index.html"], before_site["index.html"],
                                    "site/ was not replaced")
                self.assertNotIn("policies/old.html", after,
                                 "a page of the previous build survived")
            else:
                self.assertEqual(testlib.snapshot(site), before_site,
                                 "a failed build changed site/")
                self.assertEqual(testlib.snapshot(root), before_root,
                                 "a failed build wrote into the SMS")


if __name__ == "__main__":
    args = sys.argv[:3]
    SELECTED.extend(sys.argv[3:])
    sys.argv = args
    testlib.main()
