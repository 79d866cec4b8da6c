#!/usr/bin/python3
"""Builds the repository's example SMS and checks the site an auditor gets:
zero diagnostics, every link and anchor resolves, nothing is loaded from
outside the site, ids are unique, the registers list every document and
record kind, process pages carry their RACI table, every page has the
navigation, and two builds are byte-identical.

usage: site_links_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import os
import re
import tempfile
import unittest
from html.parser import HTMLParser
from urllib.parse import unquote, urlsplit

import testlib

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
        "meta", "source", "track", "wbr"}
# Attributes through which the browser loads something when the page opens.
LOADING = {("link", "href"), ("script", "src"), ("img", "src"),
           ("iframe", "src"), ("source", "src"), ("video", "src"),
           ("video", "poster"), ("audio", "src"), ("embed", "src"),
           ("object", "data"), ("track", "src"), ("input", "src")}
NAV_PAGES = ["index.html", "documents.html", "processes.html", "records.html"]


class Element:
    def __init__(self, tag, attrs, line, parent):
        self.tag = tag
        self.attrs = dict(attrs)
        self.line = line
        self.parent = parent
        self.children = []  # Elements and str

    def text(self):
        out = []
        for c in self.children:
            out.append(c if isinstance(c, str) else c.text())
        return "".join(out)

    def iter(self, tag=None):
        for c in self.children:
            if isinstance(c, Element):
                if tag is None or c.tag == tag:
                    yield c
                yield from c.iter(tag)

    def classes(self):
        return (self.attrs.get("class") or "").split()


class Page(HTMLParser):
    """A small DOM of one page, plus the problems found while parsing."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.root = Element("#root", [], 0, None)
        self.current = self.root
        self.structure_errors = []
        self.feed(text)
        self.close()
        if self.current is not self.root:
            self.structure_errors.append("unclosed <%s> opened on line %d" %
                                         (self.current.tag, self.current.line))

    def handle_starttag(self, tag, attrs):
        el = Element(tag, attrs, self.getpos()[0], self.current)
        self.current.children.append(el)
        if tag not in VOID:
            self.current = el

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Element(tag, attrs, self.getpos()[0], self.current))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if self.current.tag == tag:
            self.current = self.current.parent
            return
        self.structure_errors.append("line %d: </%s> closes <%s>" %
                                     (self.getpos()[0], tag, self.current.tag))
        el = self.current
        while el is not self.root and el.tag != tag:
            el = el.parent
        if el is not self.root:
            self.current = el.parent

    def handle_data(self, data):
        self.current.children.append(data)

    def ids(self):
        return [el.attrs["id"] for el in self.root.iter() if el.attrs.get("id") is not None]


def front_matter(path):
    """The lines of a Markdown file's front matter."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    m = re.match(r"---\n(.*?)\n---\n", text, re.S)
    if not m:
        raise AssertionError("no front matter in " + path)
    return m.group(1).split("\n")


def scalar(value):
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def top_level_field(fm_lines, key):
    for line in fm_lines:
        m = re.match(r"^%s:\s*(.*)$" % re.escape(key), line)
        if m:
            return scalar(m.group(1))
    return None


def role_titles(config_path):
    """role key -> title, from the `roles:` block of smsdoc.yaml (the flow
    style `key: {title: ...}` the example uses)."""
    titles = {}
    in_roles = False
    with open(config_path, encoding="utf-8") as fh:
        for line in fh:
            if re.match(r"^roles:\s*$", line):
                in_roles = True
                continue
            if in_roles and re.match(r"^\S", line):
                break
            m = re.match(r"^\s+([A-Za-z0-9_.-]+):\s*\{\s*title:\s*(.+?)\s*\}\s*$", line)
            if in_roles and m:
                titles[m.group(1)] = scalar(m.group(2))
    return titles


def activities(fm_lines):
    """The `activities:` list of a process's front matter (block list of
    flow-or-plain mappings, as in the example)."""
    acts = []
    inside = False
    for line in fm_lines:
        if re.match(r"^activities:\s*$", line):
            inside = True
            continue
        if inside and re.match(r"^\S", line):
            break
        if not inside:
            continue
        m = re.match(r"^\s*(-\s+)?([a-z_]+):\s*(.*)$", line)
        if not m:
            continue
        if m.group(1):
            acts.append({})
        value = m.group(3).strip()
        if value.startswith("["):
            value = [scalar(v) for v in value.strip("[]").split(",") if v.strip()]
        else:
            value = scalar(value)
        acts[-1][m.group(2)] = value
    return acts


def as_list(value):
    if value is None or value == "":
        return []
    return value if isinstance(value, list) else [value]


def norm_space(s):
    return " ".join(s.split())


class SiteTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-site-")
        cls.out = os.path.join(cls.tmp.name, "site-a")
        cls.result = testlib.run(["build", "--root", testlib.REPO, "--out", cls.out,
                                 "--as-of", "2026-11-21"])
        cls.pages = {}
        if cls.result.returncode == 0:
            for path in glob.glob(os.path.join(cls.out, "**", "*.html"), recursive=True):
                rel = os.path.relpath(path, cls.out).replace(os.sep, "/")
                with open(path, encoding="utf-8") as fh:
                    cls.pages[rel] = Page(fh.read())

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.assertEqual(self.result.returncode, 0,
                         "build of the example failed:\n" + self.result.stderr)

    # --- helpers -------------------------------------------------------

    def resolve(self, page, url):
        """(target page path relative to the site, fragment) for a relative
        URL, or None for an external one. Fails on root-absolute URLs."""
        parts = urlsplit(url)
        if parts.scheme or parts.netloc:
            return None
        self.assertFalse(parts.path.startswith("/"),
                         "%s: root-absolute URL %r breaks when the site is opened "
                         "from disk or served from a sub-folder" % (page, url))
        if parts.path == "":
            target = page
        else:
            target = os.path.normpath(os.path.join(os.path.dirname(page),
                                                   unquote(parts.path)))
            target = target.replace(os.sep, "/")
        return target, unquote(parts.fragment)

    def links(self, page):
        """(element, attribute, url) of every URL-valued attribute."""
        for el in self.pages[page].root.iter():
            for attr in ("href", "src", "poster", "data"):
                if el.attrs.get(attr) is not None:
                    yield el, attr, el.attrs[attr]
            if el.attrs.get("srcset"):
                for candidate in el.attrs["srcset"].split(","):
                    if candidate.strip():
                        yield el, "srcset", candidate.split()[0]

    def anchors_by_text(self, page):
        """link text -> list of resolved target pages, for <a href> links."""
        out = {}
        for a in self.pages[page].root.iter("a"):
            if a.attrs.get("href") is None:
                continue
            resolved = self.resolve(page, a.attrs["href"])
            if resolved:
                out.setdefault(norm_space(a.text()), []).append(resolved[0])
        return out

    def documents(self):
        """(relative .md path, ID, title) of every document and process."""
        docs = []
        for folder in ("policies", "processes"):
            pattern = os.path.join(testlib.REPO, folder, "**", "*.md")
            for path in sorted(glob.glob(pattern, recursive=True)):
                fm = front_matter(path)
                rel = os.path.relpath(path, testlib.REPO).replace(os.sep, "/")
                docs.append((rel, top_level_field(fm, "id"), top_level_field(fm, "title")))
        self.assertGreater(len(docs), 10, "expected the example's documents")
        return docs

    # --- tests ---------------------------------------------------------

    def test_build_reports_only_the_summary(self):
        # The example keeps a few late risk treatments and actions on
        # purpose, to show the attention page, one KPI with a month not
        # measured (docs/measurement.md), and two actions planned past the
        # 90-day rule and one emergency change never reviewed (docs/rules.md);
        # nothing else may be reported.
        err = testlib.lines(self.result.stderr)
        late = [l for l in err[:-1] if l.endswith("[overdue]")]
        gap = [l for l in err[:-1] if l.endswith("[measurement-missing]")]
        rules = [l for l in err[:-1] if l.endswith("[rule-breach]")]
        self.assertEqual(sorted(late + gap + rules), sorted(err[:-1]),
                         "expected only overdue items, one gap and three rule breaches:\n" +
                         self.result.stderr)
        self.assertEqual(len(late), 8, self.result.stderr)
        self.assertEqual(len(gap), 1, self.result.stderr)
        self.assertEqual(len(rules), 3, self.result.stderr)
        m = testlib.BUILT_RE.match(err[-1])
        self.assertIsNotNone(m, "not a build summary: %r" % err[-1])
        self.assertEqual(m.group(3), " (0 errors, 12 warnings)")
        self.assertEqual(int(m.group(1)), len(self.pages),
                         "page count in the summary vs .html files written")
        self.assertEqual(m.group(2), self.out + "/")
        self.assertEqual(self.result.stdout, "")

    def test_output_marker_and_no_swap_folders(self):
        self.assertTrue(os.path.isfile(os.path.join(self.out, ".smsdoc-output")))
        self.assertEqual(testlib.temp_leftovers(self.tmp.name), [])

    def test_pages_are_well_formed(self):
        for page, dom in sorted(self.pages.items()):
            self.assertEqual(dom.structure_errors, [], page)

    def test_no_duplicate_ids(self):
        for page, dom in sorted(self.pages.items()):
            ids = dom.ids()
            dups = sorted({i for i in ids if ids.count(i) > 1})
            self.assertEqual(dups, [], "duplicate ids in " + page)
            self.assertNotIn("", ids, "empty id in " + page)

    def test_relative_links_resolve(self):
        checked = 0
        for page in sorted(self.pages):
            for el, attr, url in self.links(page):
                resolved = self.resolve(page, url)
                if resolved is None:
                    continue
                target, fragment = resolved
                self.assertFalse(target.startswith(".."),
                                 "%s: <%s %s=%r> leaves the site" % (page, el.tag, attr, url))
                self.assertTrue(os.path.isfile(os.path.join(self.out, target)),
                                "%s line %d: <%s %s=%r> -> missing %s"
                                % (page, el.line, el.tag, attr, url, target))
                if fragment:
                    self.assertIn(target, self.pages,
                                  "%s: fragment link %r into a non-page" % (page, url))
                    self.assertIn(fragment, self.pages[target].ids(),
                                  "%s line %d: %r: no id %r in %s"
                                  % (page, el.line, url, fragment, target))
                checked += 1
        self.assertGreater(checked, 500, "too few links checked; is the parser broken?")

    def test_fragment_links_exist(self):
        # The example uses [[ID#anchor]] and .md#anchor links and every page
        # with three or more headings has a table of contents: make sure the
        # fragment checks above actually ran on cross-page and same-page links.
        cross, same = 0, 0
        for page in self.pages:
            for el, attr, url in self.links(page):
                if el.tag == "a" and "#" in url and self.resolve(page, url):
                    if url.startswith("#"):
                        same += 1
                    else:
                        cross += 1
        self.assertGreater(cross, 0, "no cross-page #anchor links in the example site")
        self.assertGreater(same, 0, "no same-page #anchor links (tables of contents)")

    def test_nothing_loaded_from_outside(self):
        for page in sorted(self.pages):
            for el, attr, url in self.links(page):
                parts = urlsplit(url)
                external = bool(parts.scheme or parts.netloc or url.startswith("/"))
                if (el.tag, attr) in LOADING or attr == "srcset":
                    self.assertFalse(external, "%s line %d: <%s %s=%r> loads from outside"
                                     " the site" % (page, el.line, el.tag, attr, url))
                elif el.tag == "a" and external:
                    self.assertIn(parts.scheme, ("http", "https", "mailto"),
                                  "%s: odd link %r" % (page, url))
            for el in self.pages[page].root.iter():
                style = el.attrs.get("style") or ""
                self.assertNotRegex(style, r"url\(\s*['\"]?(\w+:|//)",
                                    "%s: inline style loads from outside" % page)
        css_files = glob.glob(os.path.join(self.out, "**", "*.css"), recursive=True)
        self.assertTrue(css_files, "no stylesheet written")
        for css in css_files:
            with open(css, encoding="utf-8") as fh:
                text = fh.read()
            self.assertNotRegex(text, r"url\(\s*['\"]?(\w+:|//)", css)
            self.assertNotRegex(text, r"@import\s+['\"]?(\w+:|//)", css)

    def test_every_page_has_navigation(self):
        for page, dom in sorted(self.pages.items()):
            found = False
            for nav in dom.root.iter("nav"):
                targets = {self.resolve(page, a.attrs["href"])[0]
                           for a in nav.iter("a") if a.attrs.get("href")}
                if all(p in targets for p in NAV_PAGES):
                    found = True
            self.assertTrue(found, "%s has no <nav> linking to %s" % (page, NAV_PAGES))

    def test_every_page_is_linked_from_another(self):
        linked = set()
        for page in self.pages:
            for el, attr, url in self.links(page):
                resolved = self.resolve(page, url)
                if el.tag == "a" and resolved and resolved[0] != page:
                    linked.add(resolved[0])
        orphans = sorted(set(self.pages) - linked - {"index.html"})
        self.assertEqual(orphans, [], "pages no other page links to")

    def test_index_lists_every_document(self):
        # ID and title are one link.
        by_text = self.anchors_by_text("index.html")
        for rel, doc_id, title in self.documents():
            self.assertIsNotNone(doc_id, rel)
            page = rel[:-3] + ".html"
            text = doc_id + " " + title
            self.assertIn(text, by_text, "index.html does not link %r" % text)
            self.assertIn(page, by_text[text], "index.html: %s links elsewhere" % doc_id)
            self.assertIn(doc_id, norm_space(self.pages[page].root.text()))

    def test_documents_page_lists_every_document(self):
        dom = self.pages["documents.html"]
        rows = {}
        for tr in dom.root.iter("tr"):
            for a in tr.iter("a"):
                rows[norm_space(a.text())] = (tr, self.resolve("documents.html", a.attrs["href"])[0])
        for rel, doc_id, title in self.documents():
            text = doc_id + " " + title  # ID and title are one link
            self.assertIn(text, rows, "documents.html does not link %r" % text)
            tr, target = rows[text]
            self.assertEqual(target, rel[:-3] + ".html", doc_id)

    def test_process_page_has_raci_table(self):
        page = "processes/incident-management.html"
        self.assertIn(page, self.pages)
        titles = role_titles(os.path.join(testlib.REPO, "smsdoc.yaml"))
        self.assertIn("incident-manager", titles)
        acts = activities(front_matter(os.path.join(testlib.REPO, "processes",
                                                    "incident-management.md")))
        self.assertGreaterEqual(len(acts), 3, "could not read the activities")
        tables = [t for t in self.pages[page].root.iter("table")
                  if "Responsible" in t.text() and "Accountable" in t.text()]
        self.assertEqual(len(tables), 1, "expected one RACI table on " + page)
        table = tables[0]
        header = [norm_space(th.text()) for th in table.iter("th")]
        for word in ("Responsible", "Accountable", "Consulted", "Informed"):
            self.assertIn(word, header)
        rows = [[norm_space(td.text()) for td in tr.iter("td")]
                for tr in table.iter("tr")]
        rows = [r for r in rows if r]
        self.assertEqual(len(rows), len(acts), "one row per activity")
        for act, row in zip(acts, rows):
            self.assertEqual(len(row), 5, row)
            self.assertEqual(row[0], norm_space(act["step"]))
            self.assertEqual(row[1], titles[act["responsible"]])
            self.assertEqual(row[2], titles[act["accountable"]])
            for col, key in ((3, "consulted"), (4, "informed")):
                wanted = [titles[r] for r in as_list(act.get(key))]
                for t in wanted:
                    self.assertIn(t, row[col], "%s of %r" % (key, act["step"]))
                if not wanted:
                    self.assertEqual(row[col], "", "%s of %r" % (key, act["step"]))
                for r in as_list(act.get(key)):
                    if r != titles[r] and r not in titles[r]:
                        self.assertNotIn(r, row[col], "role key shown instead of title")

    def test_record_kind_pages(self):
        kinds = {}
        pattern = os.path.join(testlib.REPO, "records", "**", "*.yaml")
        for path in sorted(glob.glob(pattern, recursive=True)):
            record_id = None
            with open(path, encoding="utf-8") as fh:
                for line in fh:
                    m = re.match(r"^(?:- |)id:\s*(\S+)", line)
                    if m:
                        record_id = scalar(m.group(1))
                    m = re.match(r"^(?:- |  )kind:\s*(\S+)", line) or re.match(r"^kind:\s*(\S+)", line)
                    if m and record_id:
                        kinds.setdefault(scalar(m.group(1)), []).append(record_id)
        self.assertGreaterEqual(len(kinds), 3, "could not read the example records")
        for kind, ids in sorted(kinds.items()):
            page = "records/%s.html" % kind
            self.assertIn(page, self.pages, "no page for the kind " + kind)
            by_text = self.anchors_by_text(page)
            for record_id in ids:
                self.assertIn(record_id, by_text, "%s does not list %s" % (page, record_id))
                target = by_text[record_id][0]
                self.assertIn(record_id, norm_space(self.pages[target].root.text()))
            # the records register links to the kind page
            self.assertIn(page, {t for ts in self.anchors_by_text("records.html").values()
                                 for t in ts})

    def test_second_build_is_byte_identical(self):
        out2 = os.path.join(self.tmp.name, "site-b")
        second = testlib.run(["build", "--root", testlib.REPO, "--out", out2,
                             "--as-of", "2026-11-21"])
        self.assertEqual(second.returncode, 0, second.stderr)
        first_tree = testlib.snapshot(self.out)
        second_tree = testlib.snapshot(out2)
        self.assertGreater(len(first_tree), 50)
        self.assertEqual(sorted(first_tree), sorted(second_tree), "different file lists")
        changed = sorted(p for p in first_tree if first_tree[p] != second_tree[p])
        self.assertEqual(changed, [], "files that differ between two builds")


if __name__ == "__main__":
    testlib.main()
