#!/usr/bin/python3
"""Languages (issue 14): `language: de` in smsdoc.yaml builds the example
in German. The expected words are read from the theme's label tables
(themes/default/labels/*.yaml), never written here a second time.

usage: language_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import json
import os
import re
import tempfile
import unittest

import testlib
from site_links_test import Page, norm_space

NAV_KEYS = ["nav_home", "nav_clauses", "nav_readiness", "nav_stage_1", "nav_attention",
            "documents", "processes", "nav_kpis", "registers", "nav_manual", "search"]


def table(language):
    """key -> text of a shipped label table (one `key: "text"` a line)."""
    path = os.path.join(testlib.REPO, "themes", "default", "labels", language + ".yaml")
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            match = re.match(r'^([a-z0-9_]+): (".*")$', line.rstrip("\n"))
            if match:
                out[match.group(1)] = json.loads(match.group(2))
    return out


def texts(el, skip):
    """The text nodes under el, leaving out elements `skip` says to."""
    for child in el.children:
        if isinstance(child, str):
            if child.strip():
                yield norm_space(child)
        elif not skip(child):
            yield from texts(child, skip)


def with_language(root, language):
    with open(os.path.join(root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
        fh.write("language: %s\n" % language)
    with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
        return len(fh.read().splitlines())  # the line `language:` is on


class LanguageTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.en, cls.de = table("en"), table("de")
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-lang-")
        cls.root = os.path.join(cls.tmp.name, "sms")
        testlib.copy_example(cls.root)
        with_language(cls.root, "de")
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.result = testlib.run(["build", "--root", cls.root, "--out", cls.out,
                                  "--as-of", "2026-11-21"])
        cls.pages = {}
        for path in glob.glob(os.path.join(cls.out, "**", "*.html"), recursive=True):
            with open(path, encoding="utf-8") as fh:
                cls.pages[os.path.relpath(path, cls.out).replace(os.sep, "/")] = fh.read()

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def dom(self, rel):
        self.assertTrue(rel in self.pages, rel)
        return Page(self.pages[rel])

    def by_class(self, dom, tag, cls):
        return [el for el in dom.root.iter(tag) if cls in el.classes()]

    def test_build_succeeds(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        self.assertGreater(len(self.pages), 50)

    def test_every_page_is_german(self):
        for rel, html in self.pages.items():
            self.assertIn('<html lang="de">', html, rel)

    def test_main_navigation(self):
        nav = self.by_class(self.dom("index.html"), "nav", "site-nav")[0]
        self.assertEqual([norm_space(a.text()) for a in nav.iter("a")],
                         [self.de[k] for k in NAV_KEYS])

    def test_headings(self):
        def headings(rel, tag):
            return [norm_space(h.text()) for h in self.dom(rel).root.iter(tag)]
        self.assertIn(self.de["home_scope"], headings("index.html", "h2"))
        self.assertIn(self.de["registers"], headings("index.html", "h2"))
        self.assertEqual(headings("documents.html", "h1"), [self.de["document_master_list"]])
        self.assertEqual(headings("attention.html", "h1"), [self.de["attention_heading"]])
        clause = headings("clauses/8.2.html", "h2")
        for key in ("clause_addressed_by", "clause_evidenced_by", "clause_internal_audits"):
            self.assertIn(self.de[key], clause)
        crumbs = self.by_class(self.dom("clauses/8.2.html"), "nav", "breadcrumbs")[0]
        self.assertEqual([norm_space(li.text()) for li in crumbs.iter("li")][:2],
                         [self.de["nav_home"], self.de["nav_clauses"]])

    def test_contents_box(self):
        boxes = [rel for rel, html in self.pages.items()
                 if 'class="toc"' in html and 'id="Purpose"' in html]
        self.assertTrue(boxes, "no process page with a contents box")
        toc = self.by_class(self.dom(boxes[0]), "nav", "toc")[0]
        self.assertEqual(toc.attrs.get("aria-label"), self.de["contents"])
        entries = [norm_space(a.text()) for a in toc.iter("a")]
        self.assertEqual(entries[0], self.de["purpose"])
        self.assertIn(self.de["referenced_by"], entries)
        self.assertEqual(entries[-1], self.de["revision_history"])

    def test_no_english_labels_outside_bodies(self):
        english = {text for key, text in self.en.items()
                   if text != self.de[key] and len(re.sub(r"\W", "", text)) > 3}
        sample = ["index.html", "documents.html", "processes.html", "records.html",
                  "clauses/index.html", "clauses/8.2.html", "readiness.html", "stage-1.html",
                  "attention.html", "search.html", "manual.html", "processes/map.html"]
        sample += sorted(rel for rel in self.pages if rel.startswith(("processes/", "records/")))[:6]
        found = []
        for rel in sample:
            dom = self.dom(rel)
            # The user's Markdown stays as written, and so do statuses and
            # relations (field names): data, not labels.
            data = {"body", "status", "relation", "relation-group"}
            shown = list(texts(dom.root, lambda el: data & set(el.classes())))
            shown += [el.attrs[a] for el in dom.root.iter() for a in ("aria-label", "placeholder")
                      if el.attrs.get(a)]
            found += [(rel, text) for text in shown if text in english]
        self.assertEqual(found, [])

    def test_scripts_write_german(self):
        for script, keys in (("smsdoc.js", ["js_of", "js_shown", "js_filter_by", "js_all"]),
                             ("search.js", ["js_results_for"])):
            with open(os.path.join(self.out, "assets", script), encoding="utf-8") as fh:
                text = fh.read()
            for key in keys:
                self.assertIn('"%s": %s' % (key, json.dumps(self.de[key], ensure_ascii=False)),
                              text, script)

    def test_unknown_language_names_those_there_are(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-lang-") as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            line = with_language(root, "fr")
            result = testlib.run(["check", "--root", root])
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertIn("smsdoc.yaml:%d:11: error: no label table for language 'fr'; the theme "
                          "has de, en (add labels/fr.yaml to a theme: docs/themes.md#languages) "
                          "[config-language]" % line, result.stderr)

    def test_user_theme_overrides_and_completes(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-lang-") as tmp:
            root = os.path.join(tmp, "sms")
            testlib.copy_example(root)
            os.makedirs(os.path.join(root, "theme", "labels"))
            with open(os.path.join(root, "theme", "labels", "de.yaml"), "w") as fh:
                fh.write("nav_home: Übersicht\n")
            with open(os.path.join(root, "theme", "labels", "fr.yaml"), "w") as fh:
                fh.write("nav_home: Accueil\n")
            with open(os.path.join(root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
                fh.write("theme: theme\n")
            with_language(root, "de")
            out = os.path.join(tmp, "site")
            result = testlib.run(["build", "--root", root, "--out", out, "--as-of", "2026-11-21"])
            self.assertEqual(result.returncode, 0, result.stderr)
            with open(os.path.join(out, "documents.html"), encoding="utf-8") as fh:
                page = fh.read()
            self.assertIn(">Übersicht</a>", page)
            self.assertIn(">%s</a>" % self.de["nav_clauses"], page)
            # A new language must have every key English has.
            with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
                text = fh.read()
            with open(os.path.join(root, "smsdoc.yaml"), "w", encoding="utf-8") as fh:
                fh.write(text.replace("language: de", "language: fr"))
            result = testlib.run(["check", "--root", root])
            self.assertEqual(result.returncode, 1, result.stderr)
            self.assertRegex(result.stderr, r"theme/labels/fr.yaml: error: the 'fr' labels lack "
                             r"%d key\(s\) the English table has: .*\[theme-labels\]"
                             % (len(self.en) - 1))


if __name__ == "__main__":
    testlib.main()
