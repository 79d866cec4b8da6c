#!/usr/bin/python3
"""GFM under concurrency: libcmark-gfm's extensions (tables, strikethrough,
task lists, autolinks) are not thread-safe. Generates a GFM-heavy synthetic
SMS with bench/gen_sms.py, builds it with one worker and with four, and
checks that

  * both builds succeed with no diagnostics and write byte-identical trees;
  * the GFM syntax really rendered: on every page, the number of <del>,
    GFM <table>s and task-list checkboxes equals what its Markdown source
    holds, so syntax silently dropped by a worker (left as literal ~~ or
    pipes) fails the test, and the corpus-wide totals are large.

usage: parallel_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import os
import re
import subprocess
import sys
import tempfile
import unittest

import testlib

N = 300
SEED = 7


def body(markdown):
    m = re.match(r"---\n.*?\n---\n", markdown, re.S)
    return markdown[m.end():] if m else markdown


def expected_counts(markdown):
    """(strikethroughs, GFM tables, task items) written in a Markdown body."""
    text = body(markdown)
    # drop fenced code blocks and code spans: ~~ or pipes there are literal
    text = re.sub(r"(?ms)^```.*?^```", "", text)
    prose = re.sub(r"`[^`\n]*`", "", text)
    dels = len(re.findall(r"~~[^~\n]+?~~", prose))
    tables = len(re.findall(r"(?m)^ {0,3}\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)+\|?\s*$", text))
    tasks = len(re.findall(r"(?m)^\s*[-*+] \[[ xX]\]\s", text))
    return dels, tables, tasks


def rendered_counts(html):
    return (html.count("<del>"),
            len(re.findall(r"<table>\s*<thead>", html)),
            len(re.findall(r"<input[^>]*type=\"checkbox\"", html)))


class ParallelTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-parallel-")
        cls.corpus = os.path.join(cls._tmp.name, "sms")
        gen = os.path.join(testlib.REPO, "bench", "gen_sms.py")
        cls.gen = subprocess.run(
            [sys.executable, gen, str(N),
             cls.corpus, "--seed", str(SEED), "--gfm-heavy"],
            capture_output=True, text=True, timeout=120)
        cls.builds = {}
        if cls.gen.returncode == 0:
            for jobs, flag in ((1, "--jobs"), (4, "-j")):
                out = os.path.join(cls._tmp.name, "site-j%d" % jobs)
                cls.builds[jobs] = (out, testlib.run(
                    ["build", "--root", cls.corpus, "--out", out, flag, str(jobs)],
                    timeout=120))

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def setUp(self):
        self.assertEqual(self.gen.returncode, 0,
                         "bench/gen_sms.py failed:\n" + self.gen.stdout + self.gen.stderr)

    def test_builds_are_clean(self):
        for jobs, (out, result) in sorted(self.builds.items()):
            self.assertEqual(result.returncode, 0, "--jobs %d:\n%s" % (jobs, result.stderr))
            err = result.stderr.splitlines()
            self.assertEqual(len(err), 1, "--jobs %d printed diagnostics:\n%s"
                             % (jobs, result.stderr))
            self.assertRegex(err[0], testlib.BUILT_RE)

    def test_one_and_four_workers_give_identical_trees(self):
        (out1, r1), (out4, r4) = self.builds[1], self.builds[4]
        self.assertEqual(r1.returncode, 0, r1.stderr)
        self.assertEqual(r4.returncode, 0, r4.stderr)
        t1, t4 = testlib.snapshot(out1), testlib.snapshot(out4)
        self.assertGreater(len(t1), N, "fewer files than items")
        self.assertEqual(sorted(t1), sorted(t4), "different file lists")
        differ = sorted(p for p in t1 if t1[p] != t4[p])
        self.assertEqual(differ, [], "files that differ between --jobs 1 and --jobs 4")

    def test_gfm_rendered_on_every_page(self):
        sources = sorted(glob.glob(os.path.join(self.corpus, "policies", "**", "*.md"), recursive=True) +
                         glob.glob(os.path.join(self.corpus, "processes", "**", "*.md"), recursive=True))
        self.assertGreater(len(sources), N // 2)
        for jobs, (out, result) in sorted(self.builds.items()):
            self.assertEqual(result.returncode, 0, result.stderr)
            totals = [0, 0, 0]
            wrong = []
            for src in sources:
                rel = os.path.relpath(src, self.corpus)
                with open(src, encoding="utf-8") as fh:
                    want = expected_counts(fh.read())
                page = os.path.join(out, rel[:-3] + ".html")
                self.assertTrue(os.path.isfile(page), "no page for " + rel)
                with open(page, encoding="utf-8") as fh:
                    html = fh.read()
                got = rendered_counts(html)
                if got != want:
                    wrong.append("%s: <del>, <table>, checkboxes = %s, source has %s"
                                 % (rel, got, want))
                if "~~" in html:
                    wrong.append("%s: literal ~~ in the page" % rel)
                totals = [a + b for a, b in zip(totals, got)]
            self.assertEqual(wrong[:20], [], "--jobs %d: GFM not rendered" % jobs)
            # The generator's --gfm-heavy promises a table, a task list and
            # strikethroughs in every section: demand plenty of each.
            dels, tables, tasks = totals
            self.assertGreater(dels, 10 * len(sources), "--jobs %d: <del> count" % jobs)
            self.assertGreater(tables, 3 * len(sources), "--jobs %d: table count" % jobs)
            self.assertGreater(tasks, 5 * len(sources), "--jobs %d: checkbox count" % jobs)


if __name__ == "__main__":
    testlib.main()
