#!/usr/bin/python3
"""Runs the fixture SMSs of tests/fixtures/: each holds one small SMS (mostly
with one kind of error), `expected.txt` (the exact stderr of `smsdoc build`)
and `exit_code`.

For each fixture, in a temporary copy (both commands with --as-of 2026-11-21):
  1. a previous site is planted in site/: a real build of a small clean SMS,
     marker included;
  2. `smsdoc check` must print the same diagnostics as expected.txt, then
     `smsdoc: checked N documents and M records: E errors, W warnings`, exit
     with the same code and write nothing;
  3. `smsdoc build` must print exactly expected.txt and exit with exit_code;
     on failure site/ must be byte-for-byte unchanged, on success it must be
     replaced, its relative links must name written files, no page may use
     an id twice and every #fragment must be an id of its page; in both cases
     no .smsdoc-new-*/-old-* folder is left.

In expected.txt the build time of a `built ...` line is written `X.XX`, and
the absolute path of the temporary copy `{root}`.

State git cannot hold (permissions, owners, odd file names, large generated
files) is made by the fixture's optional `prepare.sh`, run with `sh` in the
copy after the previous site is planted, with HOME a fresh folder outside
it. A fixture with a file `unprivileged` runs smsdoc as user 65534 when the
tests run as root (the copy is handed to that user before `prepare.sh`,
which may take some of it back), so permissions bind; run as another user it
is skipped, since only root can hand files to someone else.

usage: fixtures_test.py SMSDOC_BINARY REPO_ROOT [FIXTURE ...]
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import urllib.parse

import testlib

FIXTURES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures")
REQUIRED = ("expected.txt", "exit_code")
META = REQUIRED + ("prepare.sh", "unprivileged")  # never copied: smsdoc does not see them
AS_OF = ["--as-of", "2026-11-21"]
SELECTED = []  # fixture names given on the command line; empty = all
PREVIOUS = []  # the previous site, built once: [its folder]

# A small clean SMS whose build is the "previous site" of every fixture.
CLEAN_SMS = {
    "smsdoc.yaml": "organization: Previous Ltd\nscope: The previous build.\n"
                   "roles: {ceo: {title: CEO}}\nreadiness: {check: false}\n",
    "policies/old.md": "---\nid: POL-OLD\ntitle: Old Policy\ntype: policy\nowner: ceo\n"
                       "approver: ceo\nversion: '1'\nstatus: approved\neffective: 2026-01-01\n"
                       "review_months: 12\nclauses: ['5.2']\n---\n# Old\n",
}


def normalize(stderr, root):
    """The build time as X.XX, the copy's absolute path as {root}."""
    for path in sorted({os.path.realpath(root), root}, key=len, reverse=True):
        stderr = stderr.replace(path, "{root}")
    return re.sub(r"^(built \d+ pages in )\d+\.\d\d( s -> )", r"\1X.XX\2", stderr,
                  flags=re.M)


# A diagnostic line; one about a whole file has no line and column.
DIAG_RE = re.compile(r"^(.+?)(?::\d+:\d+)?: (error|warning): (.+) \[([a-z0-9-]+)\]$")


def previous_site(tmp):
    """A real site, built once per run from CLEAN_SMS."""
    if not PREVIOUS:
        root = os.path.join(tmp, "previous-sms")
        for rel, text in CLEAN_SMS.items():
            os.makedirs(os.path.dirname(os.path.join(root, rel)), exist_ok=True)
            with open(os.path.join(root, rel), "w", encoding="utf-8") as fh:
                fh.write(text)
        result = testlib.run(["build"] + AS_OF, cwd=root)
        assert result.returncode == 0, result.stderr
        PREVIOUS.append(os.path.join(root, "site"))
    return PREVIOUS[0]


LINK_RE = re.compile(r'(?:href|src)="([^"#:?]+)(?:[?#][^"]*)?"')  # a file link keeps its query


def broken_links(site):
    """Relative href/src values of the site's pages that name no file."""
    broken = []
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            if not name.endswith(".html"):
                continue
            with open(os.path.join(dirpath, name), encoding="utf-8") as fh:
                for target in LINK_RE.findall(fh.read()):
                    path = os.path.join(dirpath, urllib.parse.unquote(target))
                    if not os.path.isfile(path):
                        broken.append(os.path.relpath(path, site))
    return sorted(set(broken))


ID_RE = re.compile(r'\sid="([^"]*)"')
HREF_RE = re.compile(r'href="([^"]*)"')


def page_ids(path, cache):
    if path not in cache:
        with open(path, encoding="utf-8") as fh:
            cache[path] = ID_RE.findall(fh.read())
    return cache[path]


def bad_ids_and_fragments(site):
    """Ids used twice on a page, and #fragments of links between the site's
    pages that name no id of their target page."""
    bad, cache = [], {}
    for dirpath, _, filenames in os.walk(site):
        for name in filenames:
            if not name.endswith(".html"):
                continue
            page = os.path.join(dirpath, name)
            ids = page_ids(page, cache)
            bad += ["%s: id %r twice" % (os.path.relpath(page, site), i)
                    for i in sorted(set(ids)) if ids.count(i) > 1]
            with open(page, encoding="utf-8") as fh:
                hrefs = HREF_RE.findall(fh.read())
            for href in hrefs:
                path, _, fragment = href.partition("#")
                if not fragment or ":" in path:
                    continue
                target = os.path.join(dirpath, urllib.parse.unquote(path)) if path else page
                if target.endswith(".html") and os.path.isfile(target) and \
                        urllib.parse.unquote(fragment) not in page_ids(target, cache):
                    bad.append("%s: %s names no id" % (os.path.relpath(page, site), href))
    return sorted(set(bad))


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
        with tempfile.TemporaryDirectory(prefix="smsdoc-previous-") as tmp:
            previous = previous_site(tmp)
            for name in self.fixture_names():
                with self.subTest(fixture=name):
                    self.run_fixture(name, previous)

    def run_fixture(self, name, previous):
        src = os.path.join(FIXTURES, name)
        for meta in REQUIRED:
            self.assertTrue(os.path.isfile(os.path.join(src, meta)),
                            "fixture %s has no %s" % (name, meta))
        with open(os.path.join(src, "expected.txt"), encoding="utf-8") as fh:
            expected = fh.read()
        with open(os.path.join(src, "exit_code"), encoding="utf-8") as fh:
            expected_code = int(fh.read().strip())
        expected_lines = expected.splitlines()
        self.assertTrue(expected_lines, "empty expected.txt")
        # Lines of smsdoc's own ("smsdoc: removed ...") are the build's, not check's.
        diag_lines = [l for l in expected_lines[:-1] if not l.startswith("smsdoc: ")]
        # expected.txt itself must be well formed, so a typo in a fixture
        # cannot make the comparison vacuous.
        for line in diag_lines:
            self.assertRegex(line, DIAG_RE, "expected.txt of " + name)
        errors = sum(": error: " in l for l in diag_lines)
        warnings = sum(": warning: " in l for l in diag_lines)

        unprivileged = os.path.exists(os.path.join(src, "unprivileged"))
        if unprivileged and os.geteuid() != 0:
            print("skipped %s: runs as another user, which needs root" % name)
            return
        with tempfile.TemporaryDirectory(prefix="smsdoc-fixture-") as tmp:
            root = os.path.join(tmp, name)
            home = os.path.join(tmp, "home")
            os.mkdir(home)
            env = {"HOME": home}
            testlib.copy_sms(src, root, ignore=META)
            site = os.path.join(root, "site")
            shutil.copytree(previous, site)
            if unprivileged:
                os.chmod(tmp, 0o755)
                testlib.give_away(root)
                testlib.give_away(home)
            if os.path.exists(os.path.join(src, "prepare.sh")):
                subprocess.run(["sh", os.path.join(src, "prepare.sh")], cwd=root, check=True,
                               env=dict(os.environ, **env))
            before_site = testlib.snapshot(site)
            before_root = testlib.snapshot(root)
            run = lambda args: testlib.run(args + AS_OF, cwd=root, env=env,
                                           unprivileged=unprivileged)

            # check: same diagnostics, its own summary, nothing written.
            check = run(["check"])
            got = normalize(check.stderr, root).splitlines()
            self.assertEqual(got[:-1], diag_lines, "smsdoc check diagnostics")
            m = testlib.CHECKED_RE.match(got[-1] if got else "")
            self.assertIsNotNone(m, "check summary: %r" % (got[-1:] or ""))
            self.assertEqual((int(m.group(3)), int(m.group(4))), (errors, warnings),
                             "check summary counts: " + got[-1])
            self.assertEqual(check.returncode, 1 if errors else 0, "check exit code")
            self.assertEqual(testlib.snapshot(root), before_root, "check wrote files")

            # build: exact stderr and exit code.
            build = run(["build"])
            self.assertEqual(normalize(build.stderr, root), expected, "smsdoc build stderr")
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
                self.assertEqual(broken_links(site), [], "links to files not written")
                self.assertEqual(bad_ids_and_fragments(site), [],
                                 "ids twice on a page, or fragments naming no id")
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
