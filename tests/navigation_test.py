#!/usr/bin/python3
"""Finding one's way in the site (issue 14): builds the example SMS and
checks, on the pages as written, the skip link, breadcrumbs, the side list
(assets/nav.js), previous/next, heading self-links, the contents box and
the document lists; with Chromium installed, also what the script makes of
a page (the side list placed, the current page marked, list filters).

usage: navigation_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import json
import os
import shutil
import subprocess
import tempfile
import unittest

import testlib
from site_links_test import Page, norm_space

FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}


def first_focusable(el):
    for child in el.children:
        if isinstance(child, str):
            continue
        if child.tag in FOCUSABLE and (child.tag != "a" or child.attrs.get("href")):
            return child
        found = first_focusable(child)
        if found is not None:
            return found
    return None


def by_class(dom, tag, cls):
    return [el for el in dom.root.iter(tag) if cls in el.classes()]


class NavigationTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-nav-")
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.result = testlib.run(["build", "--root", testlib.REPO, "--out", cls.out,
                                  "--as-of", "2026-11-21"])
        cls.pages = {}
        for path in glob.glob(os.path.join(cls.out, "**", "*.html"), recursive=True):
            rel = os.path.relpath(path, cls.out).replace(os.sep, "/")
            with open(path, encoding="utf-8") as fh:
                cls.pages[rel] = Page(fh.read())
        cls.nav_html = None
        nav_js = os.path.join(cls.out, "assets", "nav.js")
        if os.path.isfile(nav_js):
            with open(nav_js, encoding="utf-8") as fh:
                text = fh.read()
            prefix, suffix = "window.smsdocNav = ", ";\n"
            if text.startswith(prefix) and text.endswith(suffix):
                cls.nav_html = json.loads(text[len(prefix):-len(suffix)])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)

    def document_pages(self):
        return sorted(p for p in self.pages
                      if (p.startswith("policies/") or p.startswith("processes/"))
                      and p != "processes/map.html")

    def test_skip_link_is_first_and_lands_on_main(self):
        for page, dom in self.pages.items():
            first = first_focusable(dom.root)
            self.assertIsNotNone(first, page)
            self.assertEqual((first.attrs.get("href"), norm_space(first.text())),
                             ("#main", "Skip to content"), page)
            mains = list(dom.root.iter("main"))
            self.assertEqual([m.attrs.get("id") for m in mains], ["main"], page)

    def test_breadcrumbs_on_every_page(self):
        for page, dom in self.pages.items():
            crumbs = by_class(dom, "nav", "breadcrumbs")
            self.assertEqual(len(crumbs), 1, page)
            items = list(crumbs[0].iter("li"))
            current = [el for el in crumbs[0].iter() if el.attrs.get("aria-current") == "page"]
            self.assertEqual(len(current), 1, page)
            self.assertIs(current[0].parent, items[-1], page)
            if page != "index.html":
                home = list(items[0].iter("a"))
                self.assertEqual(len(home), 1, page)
                self.assertEqual(norm_space(home[0].text()), "Home", page)
                self.assertGreaterEqual(len(items), 2, page)
        trail = [norm_space(li.text()) for li in
                 by_class(self.pages["clauses/8.2.3.html"], "nav", "breadcrumbs")[0].iter("li")]
        self.assertEqual(trail[:3], ["Home", "Clauses", "8 Operation of the service management system"])
        self.assertTrue(trail[3].startswith("8.2 "), trail)
        record = [p for p in self.pages if p.startswith("records/risk/")][0]
        trail = [norm_space(li.text()) for li in
                 by_class(self.pages[record], "nav", "breadcrumbs")[0].iter("li")]
        self.assertEqual(trail[:2], ["Home", "Registers"])

    def test_side_list_holds_every_document_grouped(self):
        self.assertIsNotNone(self.nav_html, "assets/nav.js missing or not one JSON string")
        side = Page(self.nav_html)
        self.assertEqual(side.structure_errors, [])
        links = {a.attrs["href"]: norm_space(a.text()) for a in side.root.iter("a")}
        for page in self.document_pages():
            self.assertIn(page, links, "side list lacks " + page)
        self.assertIn("records/risk.html", links)
        groups = [norm_space(s.text()) for s in side.root.iter("summary")]
        self.assertEqual(groups[0].split()[0], "Policies", groups)
        self.assertIn("Processes", [g.split()[0] for g in groups])
        self.assertEqual(groups[-1], "Registers")
        for page, dom in self.pages.items():
            side_navs = [n for n in dom.root.iter("nav") if n.attrs.get("id") == "side-nav"]
            self.assertEqual(len(side_navs), 1, page)
            self.assertEqual(side_navs[0].attrs.get("data-page"), page)
            scripts = [s.attrs.get("src") for s in dom.root.iter("script")]
            root = side_navs[0].attrs.get("data-root")
            self.assertEqual(scripts[-2:], [root + "assets/nav.js", root + "assets/smsdoc.js"], page)
        # The list is in one file, not on every page.
        self.assertNotIn("side-groups", open(os.path.join(self.out, "index.html")).read())

    def test_previous_and_next_chain_each_group(self):
        chains = {}
        for page in self.document_pages():
            pn = by_class(self.pages[page], "nav", "prev-next")
            self.assertEqual(len(pn), 1, page + " has no previous/next")
            links = {tuple(a.classes()): a.attrs["href"] for a in pn[0].iter("a")}
            resolve = lambda href: os.path.normpath(
                os.path.join(os.path.dirname(page), href)).replace(os.sep, "/")
            chains[page] = {k[0]: resolve(v) for k, v in links.items()}
        for page, links in chains.items():
            if "next" in links:
                self.assertEqual(chains[links["next"]].get("prev"), page)
            if "prev" in links:
                self.assertEqual(chains[links["prev"]].get("next"), page)
        starts = [p for p, l in chains.items() if "prev" not in l]
        self.assertGreaterEqual(len(starts), 3, "expected several groups")
        self.assertLess(len(starts), len(chains))

    def test_every_body_heading_links_to_itself(self):
        checked = 0
        for page in self.document_pages():
            for body in by_class(self.pages[page], "div", "body"):
                for h in body.iter():
                    if h.tag in ("h1", "h2", "h3", "h4", "h5", "h6") and h.attrs.get("id"):
                        links = [a for a in h.iter("a") if "heading-link" in a.classes()]
                        self.assertEqual([a.attrs["href"] for a in links],
                                         ["#" + h.attrs["id"]], page)
                        checked += 1
        self.assertGreater(checked, 50)

    def test_contents_box_is_complete(self):
        page = "processes/incident-management.html"
        dom = self.pages[page]
        tocs = by_class(dom, "nav", "toc")
        self.assertEqual(len(tocs), 1)
        anchors = [a.attrs["href"][1:] for a in tocs[0].iter("a")]
        for fixed in ("Purpose", "Activities", "KPIs", "Interfaces", "Referenced-by",
                      "revision-history"):
            self.assertIn(fixed, anchors, page)
        ids = dom.ids()
        for anchor in anchors:
            self.assertIn(anchor, ids, page)
        body_headings = [h.attrs["id"] for b in by_class(dom, "div", "body") for h in b.iter()
                         if h.tag in ("h1", "h2", "h3") and h.attrs.get("id")]
        self.assertTrue(body_headings)
        self.assertEqual([a for a in anchors if a in body_headings], body_headings)
        # Level-1 sections are listed too.
        level1 = 0
        for p in self.document_pages():
            d = self.pages[p]
            for b in by_class(d, "div", "body"):
                for h in b.iter("h1"):
                    if h.attrs.get("id"):
                        level1 += 1
                        toc = [a.attrs["href"][1:] for t in by_class(d, "nav", "toc")
                               for a in t.iter("a")]
                        self.assertIn(h.attrs["id"], toc, p)

    def test_lists_link_id_and_title_as_one(self):
        for page in ("index.html", "documents.html", "processes.html"):
            tables = by_class(self.pages[page], "table", "sortable")
            self.assertTrue(tables, page)
            for table in tables:
                filters = [norm_space(th.text()) for th in table.iter("th")
                           if "data-filter" in th.attrs]
                self.assertIn("Status", filters, page)
                self.assertIn("Owner", filters, page)
                for tr in list(table.iter("tr"))[1:]:
                    a = list(tr.iter("td"))[0]
                    links = list(a.iter("a"))
                    self.assertEqual(len(links), 1, page)
                    words = norm_space(links[0].text()).split(" ", 1)
                    self.assertEqual(len(words), 2, "no title in the link: %s" % page)

    @unittest.skipUnless(shutil.which("chromium"), "chromium not installed")
    def test_script_places_the_side_list_and_filters(self):
        page = "processes/incident-management.html"
        dom = Page(self.dump_dom(page))
        side = [n for n in dom.root.iter("nav") if n.attrs.get("id") == "side-nav"][0]
        current = [a for a in side.iter("a") if a.attrs.get("aria-current") == "page"]
        self.assertEqual([a.attrs["href"] for a in current],
                         ["../processes/incident-management.html"])
        el = current[0]
        while el.tag != "details":
            el = el.parent
        self.assertIn("open", el.attrs)
        self.assertIn("../records/risk.html", [a.attrs["href"] for a in side.iter("a")])
        docs = Page(self.dump_dom("documents.html"))
        selects = list(docs.root.iter("select"))
        self.assertEqual(len(selects), 3)
        statuses = [o.attrs.get("value") for o in selects[2].iter("option")]
        self.assertEqual(statuses[0], "")
        self.assertIn("approved", statuses)
        self.assertTrue(all(th.attrs.get("aria-sort") == "none"
                            for th in docs.root.iter("th") if th.iter("button")))

    def dump_dom(self, page):
        url = "file://" + os.path.join(self.out, page)
        result = subprocess.run(
            ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", url],
            capture_output=True, text=True, timeout=60)
        self.assertEqual(result.returncode, 0, result.stderr)
        return result.stdout


if __name__ == "__main__":
    testlib.main()
