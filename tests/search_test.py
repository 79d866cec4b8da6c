#!/usr/bin/python3
"""Offline search (issue 14): builds the example SMS (and a copy with a
hostile policy) and runs the shipped assets/search.js on the written
assets/search-index.js in Node's `vm`, as a browser would load both
scripts: queries by ID, title word, body word and record field find the
right item first or among the first; the index holds every document,
process and record and no raw `<`, `>`, `&`, U+2028 or U+2029, so content
can neither close a script nor break the file; search.html loads both.

usage: search_test.py SMSDOC_BINARY REPO_ROOT
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import testlib
from site_links_test import Page

DRIVER = r"""
const vm = require("vm"), fs = require("fs");
const [index, script, queries] = process.argv.slice(2);
const ctx = {};
ctx.window = ctx;
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(index, "utf8"), ctx, {filename: index});
vm.runInContext(fs.readFileSync(script, "utf8"), ctx, {filename: script});
const out = JSON.parse(queries).map(q => ctx.smsdocSearchQuery(ctx.smsdocSearch, q, 10));
process.stdout.write(JSON.stringify({count: ctx.smsdocSearch.docs.length, results: out}));
"""

HOSTILE = """---
id: POL-X
title: "Evil </script><script>alert(1)</script> \u2028 & Co"
type: policy
owner: sms-manager
approver: ceo
version: "1.0"
status: approved
effective: 2026-01-01
review_months: 12
clauses: ["5.2"]
---

## Section </script>

Zanzibarite text with a line separator \u2028 and a paragraph separator \u2029 here.
"""


@unittest.skipUnless(shutil.which("node"), "node not installed")
class SearchTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-search-")
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.result = testlib.run(["build", "--root", testlib.REPO, "--out", cls.out,
                                  "--as-of", "2026-11-21"])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def query(self, out, queries):
        driver = os.path.join(self.tmp.name, "driver.js")
        with open(driver, "w", encoding="utf-8") as fh:
            fh.write(DRIVER)
        result = subprocess.run(
            ["node", driver, os.path.join(out, "assets", "search-index.js"),
             os.path.join(out, "assets", "search.js"), json.dumps(queries)],
            capture_output=True, text=True, timeout=30)
        self.assertEqual(result.returncode, 0, result.stderr)
        return json.loads(result.stdout)

    def ids(self, results):
        return [r["id"] for r in results]

    def test_queries_rank_id_title_heading_body(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        got = self.query(self.out, ["PRC-INC", "prc-inc", "incident management",
                                    "Communication", "CAB schedule", "Severnside",
                                    "Internal communication", "", "zzzzqqq",
                                    "read-only mode"])
        res = got["results"]
        self.assertEqual(self.ids(res[0])[0], "PRC-INC")   # by ID
        self.assertEqual(self.ids(res[1])[0], "PRC-INC")   # any case
        self.assertEqual(self.ids(res[2])[0], "PRC-INC")   # title words
        self.assertEqual(res[2][0]["type"], "process")
        self.assertEqual(res[2][0]["url"], "processes/incident-management.html")
        self.assertEqual(res[2][0]["title"], "Incident Management")
        self.assertEqual(self.ids(res[3])[0], "PRO-COM-01")  # title word before body
        self.assertIn("PRO-COM-01", self.ids(res[4]))        # body words
        self.assertIn("CAB schedule", [r["snippet"] for r in res[4]
                                       if r["id"] == "PRO-COM-01"][0])
        self.assertIn("RSK-001", self.ids(res[5]))            # a record field
        self.assertEqual([r["type"] for r in res[5] if r["id"] == "RSK-001"], ["risk"])
        self.assertEqual(self.ids(res[6])[0], "PRO-COM-01")  # a heading
        self.assertEqual(res[7], [])
        self.assertEqual(res[8], [])
        # A service report, by its commentary.
        self.assertEqual([(r["type"], r["id"], r["title"], r["url"]) for r in res[9]],
                         [("service report", "2026-09", "Harbour Cloud Hosting",
                           "service-reports/2026-09/harbour-cloud-hosting.html")])
        # Every document, process, record and service report is in the index.
        records = 0
        for name in os.listdir(os.path.join(testlib.REPO, "records")):
            if not name.endswith(".yaml"):  # records/measurements/: KPI values, no pages
                continue
            with open(os.path.join(testlib.REPO, "records", name), encoding="utf-8") as fh:
                records += sum(1 for line in fh if line.startswith("- id: "))
        docs = sum(len([f for f in files if f.endswith(".md")])
                   for folder in ("policies", "processes", "service-reports")
                   for _, _, files in os.walk(os.path.join(testlib.REPO, folder)))
        self.assertEqual(got["count"], docs + records)

    def test_search_page_loads_the_index_and_the_script(self):
        with open(os.path.join(self.out, "search.html"), encoding="utf-8") as fh:
            dom = Page(fh.read())
        self.assertEqual([s.attrs.get("src") for s in dom.root.iter("script")],
                         ["assets/search-index.js", "assets/search.js",
                          "assets/nav.js", "assets/smsdoc.js"])
        forms = [f for f in dom.root.iter("form") if f.attrs.get("role") == "search"]
        self.assertEqual({f.attrs.get("action") for f in forms}, {"search.html"})
        with open(os.path.join(self.out, "index.html"), encoding="utf-8") as fh:
            dom = Page(fh.read())
        forms = [f for f in dom.root.iter("form") if f.attrs.get("role") == "search"]
        self.assertEqual(len(forms), 1)
        self.assertEqual([i.attrs.get("name") for i in forms[0].iter("input")], ["q"])

    def test_hostile_content_stays_text(self):
        root = os.path.join(self.tmp.name, "hostile")
        testlib.copy_example(root)
        with open(os.path.join(root, "policies", "evil.md"), "w", encoding="utf-8") as fh:
            fh.write(HOSTILE)
        out = os.path.join(root, "site")
        result = testlib.run(["build", "--root", root, "--out", out, "--as-of", "2026-11-21"])
        self.assertIn(result.returncode, (0,), result.stderr)
        with open(os.path.join(out, "assets", "search-index.js"), encoding="utf-8") as fh:
            text = fh.read()
        for bad in ("<", ">", "&", "\u2028", "\u2029"):
            self.assertNotIn(bad, text)
        res = self.query(out, ["POL-X", "Zanzibarite"])["results"]
        self.assertEqual(res[0][0]["title"], "Evil </script><script>alert(1)</script> \u2028 & Co")
        self.assertEqual(self.ids(res[1]), ["POL-X"])
        self.assertIn("\u2029", res[1][0]["snippet"])


if __name__ == "__main__":
    testlib.main()
