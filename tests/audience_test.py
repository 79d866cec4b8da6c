#!/usr/bin/python3
"""Audiences and a published address (issue 14), on copies of the example:
the default build keeps the internal attention worklist (its own page,
linked from every page's menu, with file:line references, and the warnings
items accepted, with their reasons: issue 15); `build
--audience auditor` and `pack` (whose default it is) leave it out and no
page links to it, while `pack --audience internal` keeps it; switching the
audience is never answered from the build cache. Without `base_url` there
is no 404.html or sitemap.xml; with it, 404.html resolves its links
against the base URL (`<base href>`) and sitemap.xml lists exactly the
other written pages as absolute addresses under it; a base URL that is not
http(s) is an error at its line.

usage: audience_test.py SMSDOC_BINARY REPO_ROOT
"""

import os
import re
import tempfile
import unittest
import xml.etree.ElementTree as ET
import zipfile

import testlib
from site_links_test import Page

AS_OF = "2026-11-21"


def html_pages(site):
    found = set()
    for folder, _, files in os.walk(site):
        for name in files:
            if name.endswith(".html"):
                found.add(os.path.relpath(os.path.join(folder, name), site).replace(os.sep, "/"))
    return found


def hrefs(path):
    with open(path, encoding="utf-8") as fh:
        page = Page(fh.read())
    return [dict(a.attrs).get("href", "") for a in page.root.iter("a")]


class AudienceTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-audience-")
        self.root = os.path.join(self.tmp.name, "sms")
        testlib.copy_example(self.root)
        self.site = os.path.join(self.root, "site")

    def tearDown(self):
        self.tmp.cleanup()

    def build(self, *args):
        result = testlib.run(["build", "--root", self.root, "--as-of", AS_OF, "-q"] + list(args))
        self.assertEqual(result.returncode, 0, result.stderr)

    def links_to_attention(self):
        return sorted(p for p in html_pages(self.site)
                      if any(h.split("#")[0].endswith("attention.html")
                             for h in hrefs(os.path.join(self.site, p))))

    def test_internal_build_keeps_the_worklist(self):
        self.build()
        with open(os.path.join(self.site, "attention.html"), encoding="utf-8") as fh:
            worklist = fh.read()
        self.assertRegex(worklist, r"<code>records/[a-z-]+\.yaml:\d+</code>")
        self.assertEqual(len(self.links_to_attention()), len(html_pages(self.site)))

    def test_accepted_warnings_on_the_worklist(self):
        path = os.path.join(self.root, "records", "actions.yaml")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        text = text.replace("- id: ACT-2026-04\n", "- id: ACT-2026-04\n"
                            "  accept: {overdue: \"Extended to January by the CAB\"}\n", 1)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text)
        result = testlib.run(["build", "--root", self.root, "--as-of", AS_OF])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertNotIn("'ACT-2026-04': Due", result.stderr)
        self.assertIn("'ACT-2026-05': Due 2026-11-13 is overdue [overdue]", result.stderr)
        self.assertIn(", 1 ignored)", result.stderr)
        with open(os.path.join(self.site, "attention.html"), encoding="utf-8") as fh:
            page = Page(fh.read())
        section = [s for s in page.root.iter("section") if "attention-accepted" in s.classes()]
        self.assertEqual(len(section), 1)
        rows = [[td.text().strip() for td in tr.iter("td")] for tr in section[0].iter("tr")]
        rows = [r for r in rows if r]
        line = text.splitlines().index("- id: ACT-2026-04") + 1
        self.assertEqual(len(rows), 1)
        self.assertEqual(rows[0][0], "ACT-2026-04")
        self.assertIn("'ACT-2026-04': Due 2026-09-30 is overdue", rows[0][2])
        self.assertEqual(rows[0][3], "Extended to January by the CAB")
        self.assertRegex(rows[0][4], r"^records/actions\.yaml:\d+$")
        self.assertGreaterEqual(int(rows[0][4].split(":")[1]), line)

    def test_auditor_build_leaves_it_out(self):
        self.build()
        internal = html_pages(self.site)
        self.build("--audience", "auditor")  # the cache must not answer this one
        self.assertFalse(os.path.exists(os.path.join(self.site, "attention.html")))
        self.assertEqual(html_pages(self.site), internal - {"attention.html"})
        self.assertEqual(self.links_to_attention(), [])
        for page in html_pages(self.site):
            with open(os.path.join(self.site, page), encoding="utf-8") as fh:
                self.assertNotRegex(fh.read(), r"\.(md|yaml):\d+", page)
        self.build()
        self.assertTrue(os.path.exists(os.path.join(self.site, "attention.html")))

    def test_pack_defaults_to_the_auditor(self):
        names = {}
        for audience in (None, "internal"):
            out = os.path.join(self.tmp.name, "%s.zip" % audience)
            args = ["pack", "--root", self.root, "--as-of", AS_OF, "--out", out, "-q"]
            result = testlib.run(args + (["--audience", audience] if audience else []))
            self.assertEqual(result.returncode, 0, result.stderr)
            with zipfile.ZipFile(out) as z:
                names[audience] = set(z.namelist())
        self.assertNotIn("attention.html", names[None])
        self.assertIn("attention.html", names["internal"])
        self.assertEqual(names["internal"] - names[None], {"attention.html"})

    def test_no_base_url_no_404_or_sitemap(self):
        self.build()
        for name in ("404.html", "sitemap.xml"):
            self.assertFalse(os.path.exists(os.path.join(self.site, name)), name)

    def test_base_url_gives_404_and_sitemap(self):
        with open(os.path.join(self.root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
            fh.write("base_url: https://sms.example.com/manual\n")
        self.build("--audience", "auditor")
        with open(os.path.join(self.site, "404.html"), encoding="utf-8") as fh:
            page = Page(fh.read())
        bases = [dict(b.attrs)["href"] for b in page.root.iter("base")]
        self.assertEqual(bases, ["https://sms.example.com/manual/"])
        links = hrefs(os.path.join(self.site, "404.html"))
        self.assertIn("index.html", links)
        self.assertIn("search.html", links)
        self.assertFalse([h for h in links if h.startswith("../")], links)

        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        locs = [e.text for e in ET.parse(os.path.join(self.site, "sitemap.xml"))
                .getroot().findall("s:url/s:loc", ns)]
        base = "https://sms.example.com/manual/"
        self.assertTrue(all(loc.startswith(base) for loc in locs))
        self.assertEqual(len(locs), len(set(locs)))
        self.assertEqual({loc[len(base):] for loc in locs}, html_pages(self.site) - {"404.html"})

    def test_base_url_must_be_http(self):
        with open(os.path.join(self.root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
            fh.write("base_url: ftp://sms.example.com/\n")
        with open(os.path.join(self.root, "smsdoc.yaml"), encoding="utf-8") as fh:
            line = len(fh.read().splitlines())
        result = testlib.run(["check", "--root", self.root, "--as-of", AS_OF])
        self.assertEqual(result.returncode, 1)
        self.assertIn("smsdoc.yaml:%d:11: error: 'base_url' must be an http:// or https:// "
                      "address, got 'ftp://sms.example.com/' [config-type]" % line, result.stderr)


if __name__ == "__main__":
    testlib.main()
