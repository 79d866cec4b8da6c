#!/usr/bin/python3
"""Incremental builds (docs/PERFORMANCE.md#incremental-builds): a build whose
inputs did not change since the last build of the same output folder leaves
the site as it is and says so; any change builds in full. Never stale: after
every step of a scripted series of edits, renames, deletions, theme, asset,
option, date and git changes, the site built incrementally equals, byte for
byte (its build cache included), a clean build with --no-cache into a new
folder, and both print the same diagnostics.

The SMS is `smsdoc init`'s starter with one cross-document link: some sixty
builds of the full example took minutes under the sanitizers, and what the
cache keys on does not grow with the content.

usage: incremental_test.py SMSDOC_BINARY REPO_ROOT
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

import testlib

AS_OF = ["--as-of", "2026-11-21"]
UP_TO_DATE_RE = re.compile(r"^(.+/) is up to date: nothing changed since the last build "
                           r"\((\d+) pages(?:, (\d+) errors?, (\d+) warnings?(?:, \d+ ignored)?)?; "
                           r"checked in \d+\.\d\d s\)$")


def git(root, *args):
    subprocess.run(["git", "-C", root, *args], check=True, capture_output=True,
                   env=dict(os.environ, GIT_AUTHOR_DATE="2026-11-01T10:00:00Z",
                            GIT_COMMITTER_DATE="2026-11-01T10:00:00Z"))


def edit(path, old, new):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    assert old in text, (path, old)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text.replace(old, new, 1))


def diagnostics(stderr):
    return [l for l in stderr.splitlines() if testlib.DIAG_RE.match(l)]


class IncrementalTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="smsdoc-incremental-")
        self.root = os.path.join(self.tmp, "sms")
        testlib.copy_starter(self.root)
        policies = os.path.join(self.root, "policies")
        self.first, second = sorted(f for f in os.listdir(policies) if f.endswith(".md"))[:2]
        with open(os.path.join(policies, second), "a", encoding="utf-8") as fh:
            fh.write("\nSee also [this policy](%s).\n" % self.first)
        self.site = os.path.join(self.root, "site")
        self.clean = 0

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def build(self, *extra):
        as_of = [] if "--as-of" in extra else AS_OF
        return testlib.run(["build", "--root", self.root, *as_of, *extra])

    def step(self, name, expect_up_to_date, *extra):
        """Builds incrementally into site/ and clean into a new folder;
        both must succeed and agree byte for byte."""
        incremental = self.build(*extra)
        self.assertEqual(incremental.returncode, 0, incremental.stderr)
        last = incremental.stderr.splitlines()[-1]
        if expect_up_to_date:
            m = UP_TO_DATE_RE.match(last)
            self.assertTrue(m, "%s: %r" % (name, last))
            self.assertEqual(m.group(1), self.site + "/")
        else:
            self.assertRegex(last, testlib.BUILT_RE, name)
        self.clean += 1
        clean_out = os.path.join(self.tmp, "clean-%d" % self.clean)
        clean = self.build("--no-cache", "--out", clean_out, *extra)
        self.assertEqual(clean.returncode, 0, clean.stderr)
        self.assertEqual(diagnostics(incremental.stderr), diagnostics(clean.stderr), name)
        self.assertEqual(testlib.snapshot(self.site), testlib.snapshot(clean_out), name)
        if expect_up_to_date:  # the same pages, counted the same way
            pages = int(m.group(2))
            self.assertEqual(pages, int(testlib.BUILT_RE.match(
                clean.stderr.splitlines()[-1]).group(1)), name)
        self.assertEqual(testlib.temp_leftovers(self.root), [], name)
        return incremental

    def test_edits_renames_deletions_theme_and_options(self):
        policies = os.path.join(self.root, "policies")
        first = self.first
        self.step("first build", False)
        before = testlib.snapshot(self.site)
        self.step("nothing changed", True)
        self.assertEqual(testlib.snapshot(self.site), before, "an up-to-date site was rewritten")

        edit(os.path.join(policies, first), "\n---\n", "\n---\n\nA sentence added.\n")
        self.step("a body edited", False)
        self.step("the same again", True)

        os.rename(os.path.join(policies, first), os.path.join(policies, "renamed.md"))
        for folder in ("policies", "processes"):  # and the links to it
            for name in os.listdir(os.path.join(self.root, folder)):
                path = os.path.join(self.root, folder, name)
                if name.endswith(".md"):
                    with open(path, encoding="utf-8") as fh:
                        text = fh.read()
                    with open(path, "w", encoding="utf-8") as fh:
                        fh.write(text.replace(first, "renamed.md"))
        self.step("a document renamed", False)
        renamed = os.path.join(policies, "renamed.md")
        with open(renamed, encoding="utf-8") as fh:
            text = fh.read()
        doc_id = re.search(r"^id: (\S+)$", text, re.M).group(1)
        with open(os.path.join(policies, "extra.md"), "w", encoding="utf-8") as fh:
            fh.write(text.replace("id: " + doc_id, "id: POL-EXTRA", 1))
        self.step("a document added", False)
        os.remove(os.path.join(policies, "extra.md"))
        self.step("and deleted", False)

        # A failed build leaves the site and its cache as they were, so once
        # the mistake is undone the site is up to date again.
        edit(renamed, "id: " + doc_id, "id: " + doc_id + "\nbogus: 1")
        site = testlib.snapshot(self.site)
        failed = self.build()
        self.assertEqual(failed.returncode, 1, failed.stderr)
        self.assertEqual(testlib.snapshot(self.site), site)
        edit(renamed, "id: " + doc_id + "\nbogus: 1", "id: " + doc_id)
        self.step("the mistake undone", True)

        os.makedirs(os.path.join(policies, "forms"))
        with open(os.path.join(policies, "forms", "form.txt"), "w") as fh:
            fh.write("a form\n")
        self.step("an asset added", False)
        self.step("and unchanged", True)
        with open(os.path.join(policies, "forms", "form.txt"), "w") as fh:
            fh.write("a form, revised\n")
        self.step("the asset changed", False)

        theme = os.path.join(self.root, "theme", "assets")
        os.makedirs(theme)
        with open(os.path.join(theme, "extra.css"), "w") as fh:
            fh.write("body { margin: 0 }\n")
        with open(os.path.join(self.root, "smsdoc.yaml"), "a") as fh:
            fh.write("theme: theme\n")
        self.step("a theme named", False)
        self.step("the theme unchanged", True)
        with open(os.path.join(theme, "extra.css"), "w") as fh:
            fh.write("body { margin: 1px }\n")
        self.step("a theme file changed", False)

        self.step("another as-of date", False, "--as-of", "2027-01-15")
        self.step("the same date again", True, "--as-of", "2027-01-15")
        self.step("published only", False, "--published-only")
        self.step("back to all", False)

    def test_git_revision_and_uncommitted_changes(self):
        git(self.root, "init", "-q", "-b", "main")
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", "first")
        self.step("committed", False)
        self.step("nothing changed", True)
        readme = os.path.join(self.root, "README.txt")  # outside every content folder
        with open(readme, "w") as fh:
            fh.write("notes\n")
        self.step("an untracked file: uncommitted changes", False)
        git(self.root, "add", "-A")
        git(self.root, "commit", "-q", "-m", "second")
        self.step("a new commit", False)
        self.step("and again", True)

    def test_a_touched_site_or_a_bad_cache_builds_in_full(self):
        self.step("first build", False)
        index = os.path.join(self.site, "index.html")
        with open(index, "a") as fh:
            fh.write("<!-- edited by hand -->")
        self.step("a page edited in the site", False)
        with open(os.path.join(self.site, "stray.html"), "w") as fh:
            fh.write("stray")
        self.step("a stray file in the site", False)
        os.remove(os.path.join(self.site, "documents.html"))
        self.step("a page removed from the site", False)

        cache = os.path.join(self.site, testlib.CACHE)
        with open(cache, "r+b") as fh:
            fh.seek(40)
            byte = fh.read(1)
            fh.seek(40)
            fh.write(bytes([byte[0] ^ 1]))
        result = self.step("a damaged cache", False)
        self.assertIn("smsdoc: ignoring %s (damaged)\n" % cache, result.stderr)
        with open(cache, "r+b") as fh:
            fh.write(b"x")
        result = self.step("a foreign cache", False)
        self.assertIn("smsdoc: ignoring %s (written by another version of smsdoc)\n" % cache,
                      result.stderr)
        self.step("then trusted again", True)

        quiet = self.build("-q")
        self.assertEqual(quiet.returncode, 0)
        self.assertEqual(quiet.stderr, "\n".join(diagnostics(quiet.stderr) + [""]))

    def test_the_cache_is_not_evidence(self):
        self.step("first build", False)
        with open(os.path.join(self.site, "MANIFEST.sha256"), encoding="utf-8") as fh:
            manifest = fh.read()
        self.assertNotIn(testlib.CACHE, manifest.split("\n", 1)[1])
        verify = testlib.run(["verify", self.site])
        self.assertEqual(verify.returncode, 0, verify.stderr)


if __name__ == "__main__":
    testlib.main()
