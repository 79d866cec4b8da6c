#!/usr/bin/python3
"""Nothing injected (docs/security.md), end to end. Builds the hostile SMS
of tests/hostile/ — HTML, script and formula payloads in the config, role
titles, a kind of its own, document and process fields, Markdown bodies and
every text field of six records of every kind — and checks that:

- no built HTML or SVG file holds a <script> the theme did not put there
  (those of a clean build of the example SMS), an on* attribute, an
  <iframe>, <object>, <embed>, <frame> or <base>, or an href/src/... with a
  javascript:, vbscript: or data: URL (files parsed with html.parser);
- the payloads are visible as text on the pages that show them (pages,
  lists, registers, the process map, clause pages, the <title>);
- raw HTML, blocked URLs and remote images in Markdown are warnings at
  their positions, and no page loads anything from another host;
  and with `allow_raw_html: true` one `raw-html` warning names each file
  that uses raw HTML;
- in every workbook no cell is a formula that content wrote, and each text
  column holds its values (starting with =, +, -, @, or a tab or CR) as
  text cells, verbatim; no hyperlink has a script or data URL.

Needs Debian's python3-openpyxl for the workbook part.

usage: injection_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import json
import os
import re
import shutil
import tempfile
import unittest
from html.parser import HTMLParser

import testlib

try:
    import openpyxl
except ImportError:
    openpyxl = None

HOSTILE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile")
AS_OF = "2026-06-01"
FORBIDDEN_TAGS = {"iframe", "object", "embed", "frame", "frameset", "applet", "base"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "poster",
                  "background", "srcset", "style"}
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "background", "data"}
BLOCKED_SCHEMES = ("javascript:", "vbscript:", "data:")
FORMULA_PREFIXES = "=+-@\t\r"  # what the fixture's text fields start with


def norm(text):
    return " ".join(text.split())


class Page(HTMLParser):
    """One HTML or SVG file: its scripts, its problems and its visible text."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.scripts, self.problems, self.text, self.remote = [], [], [], []
        self._script = None
        with open(path, encoding="utf-8") as fh:
            self.feed(fh.read())
        self.close()
        self.text = norm(" ".join(self.text))

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self._script = [tuple(sorted((k, v or "") for k, v in attrs))]
        if tag in FORBIDDEN_TAGS:
            self.problems.append("<%s> at line %d" % (tag, self.getpos()[0]))
        for name, value in attrs:
            squeezed = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or name == "srcdoc":
                self.problems.append("%s= at line %d" % (name, self.getpos()[0]))
            elif name in URL_ATTRIBUTES and any(s in squeezed for s in BLOCKED_SCHEMES):
                self.problems.append("%s=%r at line %d" % (name, value, self.getpos()[0]))
            if name in LOADING_ATTRIBUTES and re.match(r"([a-z][a-z0-9+.-]*:)?//", squeezed):
                self.remote.append("<%s %s=%r>" % (tag, name, value))
            if name == "http-equiv" and squeezed == "refresh":
                self.problems.append("meta refresh at line %d" % self.getpos()[0])

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag == "script":
            self.handle_endtag(tag)

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append(tuple(self._script))
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)


def pages(site):
    out = {}
    for path in sorted(glob.glob(os.path.join(site, "**", "*.*"), recursive=True)):
        if path.endswith((".html", ".svg")):
            out[os.path.relpath(path, site)] = Page(path)
    return out


def build(root, out, extra=()):
    return testlib.run(["build", "--root", root, "--out", out, "--as-of", AS_OF] + list(extra))


class InjectionTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-injection-")
        cls.site = os.path.join(cls.tmp.name, "site")
        cls.result = build(HOSTILE, cls.site)
        cls.pages = pages(cls.site) if cls.result.returncode == 0 else {}
        graph = testlib.run(["graph", "--root", HOSTILE])
        cls.nodes = {n["id"]: n for n in json.loads(graph.stdout)["nodes"]} if graph.stdout else {}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)

    def text_of(self, page):
        self.assertIn(page, self.pages)
        return self.pages[page].text

    def assertShown(self, value, page):
        self.assertIn(norm(value), self.text_of(page), "not shown as text on " + page)

    # --- nothing becomes markup ------------------------------------------

    def test_no_script_event_handler_frame_or_script_url_anywhere(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-clean-") as tmp:
            clean = build(testlib.REPO, os.path.join(tmp, "site"))
            self.assertEqual(clean.returncode, 0, clean.stderr)
            theirs = {s for p in pages(os.path.join(tmp, "site")).values() for s in p.scripts}
        self.assertGreater(len(self.pages), 50)
        for name, page in self.pages.items():
            with self.subTest(page=name):
                self.assertEqual(page.problems, [])
                self.assertEqual([s for s in page.scripts if s not in theirs], [],
                                 "a <script> the theme did not write")

    def test_payloads_are_escaped_not_dropped(self):
        with open(os.path.join(self.site, "policies", "policy.html"), encoding="utf-8") as fh:
            html = fh.read()
        self.assertIn("<title>Policy &lt;img src=x onerror=alert(&apos;doc&apos;)&gt;", html)
        self.assertIn("&lt;script&gt;alert('block')&lt;/script&gt;", html)

    # --- the payloads are visible as text ----------------------------------

    def test_config_and_role_values_on_every_page(self):
        for name in self.pages:
            if name.endswith(".html"):
                self.assertShown("Manual \"><svg onload=alert('title')> {{{raw}}}", name)
                self.assertShown("Evil <script>alert('org')</script> & "
                                 "<img src=x onerror=alert(1)> Ltd", name)
        self.assertShown("SMS <img src=x onerror=alert('role')> Manager", "policies/policy.html")
        self.assertShown("Scope <iframe src=\"javascript:alert('scope')\"></iframe>", "index.html")

    def test_document_values(self):
        title = self.nodes["POL-1"]["title"]
        for page in ("policies/policy.html", "index.html", "documents.html",
                     "clauses/5.2.html", "processes/a.html"):
            self.assertShown(title, page)
        self.assertShown("1.0 <script>alert('version')</script>", "policies/policy.html")
        a = "processes/a.html"
        for value in ("Purpose <script>alert('purpose')</script>",
                      "=input <img src=x onerror=alert('input')>",
                      "+output <script>alert('output')</script>",
                      "@step <img src=x onerror=alert('step')>",
                      "-kpi <script>alert('kpi')</script>", "<b onclick=alert(1)>95%</b>",
                      "<i>Monthly</i>", "<script>alert('records')</script>"):
            self.assertShown(value, a)
        for process in ("PRC-A", "PRC-B"):
            title = self.nodes[process]["title"]
            for page in ("processes.html", "processes/map.html", "index.html",
                         self.nodes[process]["url"]):
                self.assertShown(title, page)

    def test_markdown_body(self):
        page = "policies/policy.html"
        for text in ("Heading <img src=x onerror=alert('h1')>",
                     "<script>alert('block')</script>",
                     "<div onclick=\"alert('div')\">A div <iframe src=\"https://evil.example\">",
                     "Inline <img src=x onerror=alert('inline')> and <object data=\"x.swf\">",
                     "<a href=\"javascript:alert('a')\">a raw link</a>",
                     "Links <svg onload=alert('h2')>",
                     "a javascript link and spaced and vb and data image and svg image and "
                     "javascript:alert('auto') and file and a pixel seen",
                     self.nodes["RSK-1"]["title"] + " shows a hostile title",
                     "label <b onclick=alert(1)>x</b>",
                     "<script>alert('code')</script>", "<img src=x onerror=alert('cell')>"):
            self.assertShown(text, page)

    def test_record_values_on_record_and_register_pages(self):
        records = [n for n in self.nodes.values() if n["url"].startswith("records/")]
        self.assertEqual(len(records), 9 * 6)
        for node in records:
            kind = node["type"]
            page, register = node["url"], "records/%s.html" % kind
            self.assertShown(node["title"].strip(), page)
            self.assertShown(node["title"].strip(), register)
            # Every text field of the record, as the YAML holds it.
            for field, value in self.record_values(node["id"]).items():
                self.assertShown(value.strip(), page)
        self.assertShown("Vendors <script>alert('kind')</script>", "records/vendor.html")
        self.assertShown("Service <img src=x onerror=alert('label')>", "records/vendor.html")
        self.assertShown("live <b onclick=alert(1)>", "records/vendor.html")
        self.assertShown("<script>alert('enum')</script>", "records/vendor/VND-1.html")

    def source_of(self, record_id):
        for path in glob.glob(os.path.join(HOSTILE, "records", "*.yaml")):
            with open(path, encoding="utf-8") as fh:
                if "- id: %s\n" % record_id in fh.read():
                    return path
        self.fail("no source for " + record_id)

    # --- raw HTML and blocked URLs are reported ------------------------------

    def test_markdown_warnings(self):
        diags = [l for l in self.result.stderr.splitlines()
                 if l.endswith(("[raw-html-text]", "[url-blocked]", "[raw-html]", "[url-remote]"))]
        positions = [l.split(": warning: ")[0] + " " + l.rsplit(" ", 1)[1] for l in diags]
        self.assertEqual(positions, [
            "policies/policy.md:16:1 [raw-html-text]",
            "policies/policy.md:25:1 [url-blocked]",
            "policies/policy.md:25:51 [url-blocked]",
            "policies/policy.md:26:5 [url-blocked]",
            "policies/policy.md:26:34 [url-blocked]",
            "policies/policy.md:27:5 [url-blocked]",
            "policies/policy.md:27:66 [url-blocked]",
            "policies/policy.md:28:5 [url-blocked]",
            "policies/policy.md:28:44 [url-remote]",
            "policies/policy.md:40:39 [url-blocked]",
            "processes/b.md:19:11 [raw-html-text]",
        ])
        self.assertIn("raw HTML '<script>' is shown as text, not rendered (9 uses in this file)",
                      diags[0])

        self.assertIn("policies/policy.md:28:44: warning: image "
                      "'https://tracker.example/p.gif?u=1' is on another host and pages load "
                      "nothing from outside the site: a link to it is shown; copy the image "
                      "into the SMS and link it by a relative path [url-remote]",
                      self.result.stderr.splitlines())

    def test_no_page_loads_from_another_host(self):
        for name, page in self.pages.items():
            self.assertEqual(page.remote, [], name)

    def test_allow_raw_html_passes_it_through_with_a_warning_per_file(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-raw-") as tmp:
            root = os.path.join(tmp, "sms")
            shutil.copytree(HOSTILE, root)
            with open(os.path.join(root, "smsdoc.yaml"), "a", encoding="utf-8") as fh:
                fh.write("allow_raw_html: true\n")
            result = build(root, os.path.join(tmp, "site"))
            self.assertEqual(result.returncode, 0, result.stderr)
            raw = [l for l in result.stderr.splitlines() if l.endswith("[raw-html]")]
            self.assertEqual([l.split(": warning: ")[0] for l in raw],
                             ["policies/policy.md:16:1", "processes/b.md:19:11"])
            self.assertNotIn("[raw-html-text]", result.stderr)
            with open(os.path.join(tmp, "site", "policies", "policy.html"),
                      encoding="utf-8") as fh:
                html = fh.read()
            self.assertIn("<div onclick=\"alert('div')\">", html)
            # Markdown links to script URLs stay blocked; front matter stays text.
            self.assertNotIn("href=\"javascript:alert('link')", html)
            self.assertNotIn("<img src=x onerror=alert('doc')>", html)

    # --- workbooks -------------------------------------------------------------

    def test_no_content_becomes_a_formula_or_a_link(self):
        if openpyxl is None:
            self.fail("python3-openpyxl is not installed")
        books = sorted(glob.glob(os.path.join(self.site, "registers", "*.xlsx")))
        self.assertGreaterEqual(len(books), 7)
        cells = {}  # "ID.field" tag -> (workbook, sheet, cell)
        for path in books:
            book = openpyxl.load_workbook(path)
            for ws in book.worksheets:
                for row in ws.iter_rows():
                    for cell in row:
                        where = "%s %s!%s" % (os.path.basename(path), ws.title, cell.coordinate)
                        if cell.data_type == "f":
                            self.assertNotRegex(cell.value, r"HYPERLINK|alert|cmd|1\+1", where)
                        if cell.hyperlink is not None:
                            target = re.sub(r"[\x00-\x20]", "", cell.hyperlink.target or "")
                            self.assertFalse(target.lower().startswith(BLOCKED_SCHEMES), where)
                        if isinstance(cell.value, str):
                            for tag in re.findall(r"\b([A-Z]+-\d\.\w+)\b", cell.value):
                                cells.setdefault(tag, []).append((where, cell))
        # Every text column of every register: each record's value, whatever
        # it starts with, is a text cell holding exactly what the YAML says.
        checked = set()
        for kind, columns in self.text_columns().items():
            for node in self.nodes.values():
                if node["type"] != kind:
                    continue
                values = self.record_values(node["id"])
                for field in columns:
                    tag = "%s.%s" % (node["id"], field)
                    self.assertIn(tag, cells, "%s is in no workbook" % tag)
                    for where, cell in cells[tag]:
                        self.assertEqual(cell.data_type, "s", where)
                        self.assertIn(values[field].strip(), cell.value, where)
                    checked.add(values[field][:1])
        self.assertEqual(checked, set(FORMULA_PREFIXES), "prefixes the fixture exercises")

    def text_columns(self):
        """Kind -> its register columns that hold text (per the kinds' schemas)."""
        import registers_test  # its reader of the YAML subset the SMS files use
        schema = registers_test.read_yaml(os.path.join(testlib.REPO, "src/model/kinds.yaml"))
        kinds = dict(schema["kinds"])
        kinds.update(registers_test.read_yaml(os.path.join(HOSTILE, "smsdoc.yaml"))["kinds"])
        out = {}
        for kind, spec in kinds.items():
            fields = dict(schema["common"], **spec["fields"])
            out[kind] = [c for c in spec["columns"]
                         if fields.get(c, {}).get("type") in ("text", "longtext", "list")]
            self.assertTrue(out[kind], kind)
        return out

    def record_values(self, record_id):
        """The record's text fields, tab and CR prefixes included."""
        with open(self.source_of(record_id), encoding="utf-8") as fh:
            text = fh.read()
        block = text.split("- id: %s\n" % record_id, 1)[1].split("\n- id: ", 1)[0]
        values = {}
        for line in block.splitlines():
            m = re.match(r"  (\w+): (\[?)(\".*?(?<!\\)\")", line)
            if m:
                values[m.group(1)] = json.loads(m.group(3))
        return values


if __name__ == "__main__":
    testlib.main()
