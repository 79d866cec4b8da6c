"""The site as a reader's browser shows it: Debian's Chromium, driven by
playwright-core, checks pages with axe-core (tests/browser/check_pages.mjs).

Builds the example SMS and a generated 1,000-document SMS, loads every
page of the example and samples of every kind of page of both at 390 px (a
phone) from file://, and asserts: no page scrolls sideways as a whole; no
request leaves file://; no axe violation of the WCAG 2 A/AA rules on the
samples (dark mode: the contrast rule); register tables scroll inside a
focusable, labelled region with a sticky header row and ID column; the
process maps' text is 12 px or more; the print rules (footer facts on
every page, a document's ID and version, registers landscape and fitting
the paper's width).

Needs `chromium` (apt) and `npm ci` in tests/browser (./dev test does
both). Without them the test is skipped (exit 77), unless
SMSDOC_REQUIRE_BROWSER=1, as ./dev test sets, makes that a failure.
"""

import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unittest

import testlib

CHROMIUM = "/usr/bin/chromium"
SKIP = 77


def browser_dir():
    return os.path.join(testlib.REPO, "tests", "browser")


def sample(site):
    """A fixed set of pages of every kind: the fixed pages, every register,
    the first record of each kind, the first policy, process and clause."""
    fixed = ["index.html", "documents.html", "processes.html", "records.html",
             "processes/map.html", "clauses/index.html", "readiness.html", "stage-1.html",
             "attention.html"]
    pages = [p for p in fixed if os.path.exists(os.path.join(site, p))]
    pages += sorted(os.path.relpath(p, site) for p in glob.glob(os.path.join(site, "records/*.html")))
    for kind in sorted(glob.glob(os.path.join(site, "records/*/"))):
        records = sorted(glob.glob(kind + "*.html"))  # none in a folder of evidence files
        if records:
            pages.append(os.path.relpath(records[0], site))
    for folder in ("policies", "processes", "clauses"):
        found = sorted(p for p in glob.glob(os.path.join(site, folder, "**/*.html"), recursive=True)
                       if not p.endswith(("/map.html", "/index.html")))
        if found:
            pages.append(os.path.relpath(found[0], site))
    return pages


def few(site):
    """The smaller sample for the 1,000-document SMS and dark mode: the
    fixed pages, the widest registers, one page of each other kind."""
    wanted = ("index.html", "documents.html", "processes/map.html", "clauses/index.html",
              "records/risk.html", "records/audit.html", "records/training.html")
    pages = [p for p in sample(site) if p in wanted]
    pages += [p for p in sample(site) if p.count("/") == 2 and p.startswith("records/")][:1]
    pages += [p for p in sample(site) if p.startswith(("policies/", "processes/", "clauses/"))
              and p not in wanted][:3]
    return pages


def is_register(page):
    return page.startswith("records/") and page.count("/") == 1 or page in (
        "documents.html", "clauses/index.html", "stage-1.html")


def all_pages(site):
    return sorted(os.path.relpath(p, site)
                  for p in glob.glob(os.path.join(site, "**/*.html"), recursive=True))


class BrowserTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        tmp = cls.tmp.name
        cls.example = os.path.join(tmp, "example")
        r = testlib.run(["build", "--root", testlib.REPO, "--out", cls.example,
                         "--as-of", "2026-11-21", "--quiet"])
        assert r.returncode == 0, r.stderr
        sms = os.path.join(tmp, "sms1000")
        subprocess.run(["/usr/bin/python3", "-B", os.path.join(testlib.REPO, "bench", "gen_sms.py"),
                        "1000", sms, "--seed", "1"], check=True, capture_output=True)
        cls.big = os.path.join(tmp, "big")
        r = testlib.run(["build", "--root", sms, "--out", cls.big, "--as-of", "2026-11-21",
                         "--quiet"], timeout=120)
        assert r.returncode == 0, r.stderr

        plan = []
        example_sample, dark = set(sample(cls.example)), set(few(cls.example))
        for page in all_pages(cls.example):
            plan.append({"file": os.path.join(cls.example, page), "axe": page in example_sample,
                         "dark": page in dark, "print": is_register(page)})
        for page in few(cls.big):
            plan.append({"file": os.path.join(cls.big, page), "axe": True, "dark": False,
                         "print": is_register(page)})
        plan_file = os.path.join(tmp, "plan.json")
        with open(plan_file, "w") as f:
            json.dump({"chromium": CHROMIUM, "pages": plan}, f)
        run = subprocess.run(["node", os.path.join(browser_dir(), "check_pages.mjs"), plan_file],
                             capture_output=True, text=True, timeout=600, cwd=browser_dir())
        assert run.returncode == 0, run.stderr
        cls.report = json.loads(run.stdout)
        cls.example_pages = len(all_pages(cls.example))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def name(self, entry):
        for site in (self.example, self.big):
            if entry["file"].startswith(site + "/"):
                return os.path.basename(site) + "/" + os.path.relpath(entry["file"], site) + \
                    " (" + entry["scheme"] + ")"
        return entry["file"]

    def test_every_example_page_was_loaded(self):
        loaded = {e["file"] for e in self.report if e["file"].startswith(self.example + "/")}
        self.assertEqual(len(loaded), self.example_pages)
        self.assertGreater(self.example_pages, 100)
        self.assertTrue(any(e["scheme"] == "dark" for e in self.report))
        self.assertTrue(any(e["file"].startswith(self.big + "/") for e in self.report))

    def test_no_axe_violations(self):
        problems = []
        checked = 0
        for e in self.report:
            if "violations" not in e:
                continue
            checked += 1
            for v in e["violations"]:
                problems.append(f"{self.name(e)}: {v['id']} x{v['count']}: {v['help']} "
                                f"{json.dumps(v['nodes'])}")
        self.assertGreater(checked, 30)
        self.assertEqual(problems, [], "\n".join(problems[:40]))

    def test_no_page_scrolls_sideways_on_a_phone(self):
        wide = [f"{self.name(e)}: {e['scrollWidth']} > {e['clientWidth']}"
                for e in self.report if e["scrollWidth"] > e["clientWidth"]]
        self.assertEqual(wide, [], "\n".join(wide[:40]))

    def test_nothing_loaded_from_outside(self):
        outside = [f"{self.name(e)}: {e['outside']}" for e in self.report if e["outside"]]
        self.assertEqual(outside, [])

    def test_process_maps_text_at_least_12px(self):
        maps = [(e, m) for e in self.report for m in e["maps"]]
        self.assertGreater(len(maps), 5)
        for e, m in maps:
            self.assertGreaterEqual(m["minFontPx"], 12, self.name(e))

    def test_printed_pages_carry_their_facts(self):
        """Every page's print style: the build's facts at the foot of every
        printed page; a document's ID and version at the head of each."""
        version = testlib.run(["--version"]).stdout.split()[1]
        for e in self.report:
            where = self.name(e)
            if os.path.basename(e["file"]) == "manual.html":
                # Its own rules: a named page per document for the running
                # header (e2e.manual reads them back from the PDF).
                self.assertTrue(any("counter(pages)" in r["margins"].get("bottom-right", "")
                                    for r in e["pageRules"]), where)
                continue
            self.assertEqual(len(e["pageRules"]), 1, where)
            rule = e["pageRules"][0]
            foot = rule["margins"].get("bottom-left", "")
            self.assertIn("as of 2026-11-21", foot, where)
            self.assertIn("smsdoc " + version, foot, where)
            self.assertIn("revision ", foot, where)
            self.assertIn("counter(pages)", rule["margins"].get("bottom-right", ""), where)
            if e["file"].startswith(os.path.join(self.example, "policies") + "/"):
                with open(e["file"], encoding="utf-8") as fh:
                    doc_id = re.search(r'<p class="doc-id">([^ <]+)', fh.read()).group(1)
                head = rule["margins"].get("top-left", "")
                self.assertTrue(head.startswith('"' + doc_id + " "), where + ": " + head)
                self.assertIn(" · version ", head, where)
            if "print" in e:
                self.assertIn("landscape", rule["size"], where)

    def test_registers_fit_the_paper(self):
        printed = [e for e in self.report if "print" in e]
        self.assertGreater(len(printed), 10)
        for e in printed:
            p = e["print"]
            self.assertLessEqual(p["scrollWidth"], p["clientWidth"], self.name(e))
            self.assertLessEqual(p["tableRight"], p["clientWidth"] + 1, self.name(e))

    def test_register_tables_scroll_in_their_box(self):
        registers = [(e, w) for e in self.report for w in e["wraps"] if w["register"]]
        self.assertGreater(len(registers), 10)
        scrolling = 0
        for e, w in registers:
            where = self.name(e)
            self.assertEqual(w["overflowX"], "auto", where)
            self.assertEqual(w["tabindex"], "0", where)
            self.assertEqual(w["role"], "region", where)
            self.assertNotEqual(w["label"], "", where)
            self.assertEqual(w["headSticky"], "sticky", where)
            self.assertEqual(w["idSticky"], "sticky", where)
            self.assertLessEqual(w["rightEdge"], 390, where)
            scrolling += w["scrolls"]
        # At 390 px the wide registers (risks, audits) scroll inside the box.
        self.assertGreater(scrolling, 5)


def main():
    testlib.SMSDOC = os.path.abspath(sys.argv[1])
    testlib.REPO = os.path.abspath(sys.argv[2])
    missing = [what for what, there in (
        (CHROMIUM, os.path.exists(CHROMIUM)),
        ("tests/browser/node_modules (npm ci)",
         os.path.isdir(os.path.join(browser_dir(), "node_modules", "playwright-core"))))
        if not there]
    if missing:
        print("browser_test: missing " + ", ".join(missing), file=sys.stderr)
        sys.exit(1 if os.environ.get("SMSDOC_REQUIRE_BROWSER") == "1" else SKIP)
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=1)


if __name__ == "__main__":
    main()
