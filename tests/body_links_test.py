#!/usr/bin/python3
"""Body links as built (content-model.md): on tests/fixtures/links-as-written,
the hrefs of a page's body are exactly what its Markdown asks for. A link to
a copied file keeps its query and fragment as written; a link to a records
file leads to its kind's register page, with `#ID` to the record's page; an
escaped `\\[[` stays text wherever it stands on the line.

usage: body_links_test.py SMSDOC_BINARY REPO_ROOT
"""

import os
import tempfile
import unittest
import urllib.parse
from html.parser import HTMLParser

import testlib

FIXTURE = "links-as-written"


class BodyLinks(HTMLParser):
    """The (href, text) of every <a> inside <main>'s article body, in order;
    headings' self-links (class heading-link) apart, in `self_links`."""

    def __init__(self):
        super().__init__()
        self.links, self.text, self.self_links = [], [], []
        self._href = None
        self._depth = 0  # inside <div class="body">

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._depth:
            self._depth += tag == "div"
        elif tag == "div" and "body" in (attrs.get("class") or "").split():
            self._depth = 1
        if self._depth and tag == "a":
            if "heading-link" in (attrs.get("class") or "").split():
                self.self_links.append(attrs.get("href"))
                return
            self._href, self._label = attrs.get("href"), ""

    def handle_endtag(self, tag):
        if self._depth and tag == "a" and self._href is not None:
            self.links.append((self._href, self._label))
            self._href = None
        if self._depth and tag == "div":
            self._depth -= 1

    def handle_data(self, data):
        if self._depth:
            self.text.append(data)
            if self._href is not None:
                self._label += data


class BodyLinksTest(unittest.TestCase):
    def test_hrefs_of_a_built_page(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-links-") as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_sms(os.path.join(testlib.REPO, "tests", "fixtures", FIXTURE), root,
                             ignore=("expected.txt", "exit_code"))
            out = os.path.join(tmp, "site")
            result = testlib.run(["build", "--root", root, "--out", out,
                                  "--as-of", "2026-11-21"])
            self.assertEqual(result.returncode, 0, result.stderr)
            page = os.path.join(out, "policies", "policy.html")
            parser = BodyLinks()
            with open(page, encoding="utf-8") as fh:
                parser.feed(fh.read())
            self.assertEqual(parser.links, [
                ("manual.pdf#page=3", "manual"),
                ("forms/form.pdf?x=1&y=2#top", "form"),
                ("../records/risk.html", "risk register"),
                ("../records/risk/RSK-001.html", "RSK-001"),
                ("plan.html", "Service Management Plan"),
                ("plan.html", "this"),
            ])
            self.assertIn("[[POL-02]] is not", "".join(parser.text))
            # Headings link to themselves; the title heading is the page's <h1>.
            self.assertEqual(parser.self_links, ["#links"])
            # Every target exists; the query and fragment are the author's.
            for href, _ in parser.links:
                path = urllib.parse.unquote(href.split("#")[0].split("?")[0])
                self.assertTrue(os.path.isfile(os.path.join(out, "policies", path)), href)
            with open(page, encoding="utf-8") as fh:
                self.assertIn('href="forms/form.pdf?x=1&amp;y=2#top"', fh.read())


if __name__ == "__main__":
    testlib.main()
