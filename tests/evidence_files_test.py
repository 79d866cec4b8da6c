#!/usr/bin/python3
"""Evidence files on records (docs/content-model.md#evidence-files): the
example's records list files under `evidence_files:`; each is copied to the
site byte for byte, hashed in MANIFEST.sha256, linked from its record's page
(with size and SHA-256 prefix) and from its register workbook's cell; a bad
path fails the build at its position and leaves the previous site alone.
Needs python3-openpyxl.

usage: evidence_files_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import hashlib
import html.parser
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
from urllib.parse import unquote

import testlib

try:
    import openpyxl
except ImportError:  # pragma: no cover
    print("skipped: python3-openpyxl is not installed")
    sys.exit(77)

AS_OF = ["--as-of", "2026-11-21"]


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def read_bytes(path):
    with open(path, "rb") as fh:
        return fh.read()


def read_text(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def evidence_of_records(root):
    """{record ID: (kind, records file, [(written path, root path, line, column)])}
    of every record of records/*.yaml that lists evidence_files (flow or
    block lists, as the example writes them)."""
    found = {}
    for path in sorted(glob.glob(os.path.join(root, "records", "**", "*.yaml"), recursive=True)):
        rel = os.path.relpath(path, root)
        lines = read_text(path).split("\n")
        record = kind = None
        i = 0
        while i < len(lines):
            line = lines[i]
            m = re.match(r"^- id: (\S+)$", line)
            if m:
                record, kind = m.group(1), None
            m = re.match(r"^  kind: (\S+)$", line)
            if m:
                kind = m.group(1)
            m = re.match(r"^(  evidence_files:)( \[(.*)\])?$", line)
            if m:
                items = []
                if m.group(2):
                    column = len(m.group(1)) + 3
                    for written in m.group(3).split(", "):
                        items.append((written, i + 1, column))
                        column += len(written) + 2
                else:
                    while i + 1 < len(lines) and lines[i + 1].startswith("    - "):
                        i += 1
                        items.append((lines[i][6:], i + 1, 7))
                folder = os.path.dirname(rel)
                found[record] = (kind, rel, [
                    (w, os.path.normpath(os.path.join(folder, w)), line_no, col)
                    for w, line_no, col in items])
            i += 1
    return found


class Links(html.parser.HTMLParser):
    """The <li> items of <ul class="evidence-files">: (href, text)."""

    def __init__(self):
        super().__init__()
        self.in_list = self.in_item = False
        self.items = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "ul" and attrs.get("class") == "evidence-files":
            self.in_list = True
        elif tag == "li" and self.in_list:
            self.in_item = True
            self.items.append([None, ""])
        elif tag == "a" and self.in_item and self.items[-1][0] is None:
            self.items[-1][0] = attrs.get("href")
        elif tag == "code" and self.in_item:
            self.items[-1].append(attrs.get("title"))

    def handle_endtag(self, tag):
        if tag == "ul" and self.in_list:
            self.in_list = False
        elif tag == "li":
            self.in_item = False

    def handle_data(self, data):
        if self.in_item:
            self.items[-1][1] += data


class EvidenceFilesTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-evfiles-")
        cls.root = os.path.join(cls._tmp.name, "sms")
        testlib.copy_example(cls.root)
        cls.site = os.path.join(cls.root, "site")
        result = testlib.run(["build", "--root", cls.root] + AS_OF, timeout=120)
        assert result.returncode == 0, result.stderr
        cls.records = evidence_of_records(cls.root)
        cls.manifest = {}
        with open(os.path.join(cls.site, "MANIFEST.sha256"), encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r"^([0-9a-f]{64})  (.+)$", line.rstrip("\n"))
                if m:
                    cls.manifest[m.group(2)] = m.group(1)

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def files(self):
        for record, (kind, source, items) in sorted(self.records.items()):
            for written, path, line, column in items:
                yield record, kind, path

    def test_the_example_lists_evidence_files(self):
        self.assertGreaterEqual(len(self.records), 5)
        kinds = {kind for kind, _, _ in self.records.values()}
        self.assertTrue({"review", "audit", "training", "supplier-review", "action"} <= kinds)
        paths = [path for _, _, path in self.files()]
        self.assertTrue(any(p.endswith(".pdf") for p in paths))
        self.assertGreater(len(paths), len(set(paths)), "no file listed by two records")

    def test_each_file_is_copied_byte_for_byte_and_in_the_manifest(self):
        for record, kind, path in self.files():
            source = read_bytes(os.path.join(self.root, path))
            copied = os.path.join(self.site, path)
            self.assertTrue(os.path.isfile(copied), path)
            self.assertEqual(read_bytes(copied), source, path)
            self.assertEqual(self.manifest.get(path), sha256(source), path)

    def test_each_record_page_links_its_files_with_size_and_hash(self):
        for record, (kind, _, items) in sorted(self.records.items()):
            page = os.path.join(self.site, "records", kind, record + ".html")
            parser = Links()
            parser.feed(read_text(page))
            self.assertEqual(len(parser.items), len(items), record)
            for (href, text, *title), (_, path, _, _) in zip(parser.items, items):
                target = os.path.normpath(os.path.join(os.path.dirname(page), unquote(href)))
                self.assertEqual(target, os.path.join(self.site, path), record)
                self.assertTrue(os.path.isfile(target), record)
                data = read_bytes(os.path.join(self.root, path))
                digest = sha256(data)
                self.assertIn(path, text)
                self.assertIn(digest[:12], text, record)
                self.assertNotIn(digest[:13], text, record)
                self.assertEqual(title, ["SHA-256 of the file: " + digest], record)
                size = len(data)
                shown = ("%d bytes" % size if size < 1024 else
                         ("%.1f" % (size / 1024)).removesuffix(".0") + " KB")
                self.assertIn(" " + shown + " ", text, record)

    def test_each_register_cell_links_the_first_file(self):
        registers = os.path.join(self.site, "registers")
        seen = set()
        for name in sorted(os.listdir(registers)):
            wb = openpyxl.load_workbook(os.path.join(registers, name))
            for ws in wb.worksheets:
                headers = [c.value for c in ws[1]]
                if "Evidence files" not in headers:
                    continue
                column = headers.index("Evidence files") + 1
                # Last, but for the sampled records' rule breaches.
                after = ["Rule breaches"] if name == "stage-2-sampling.xlsx" else []
                self.assertEqual(headers[column:], after, (name, ws.title))
                for r in range(2, ws.max_row + 1):
                    record = ws.cell(row=r, column=1).value
                    cell = ws.cell(row=r, column=column)
                    if record not in self.records:
                        self.assertIsNone(cell.value, (ws.title, record))
                        continue
                    paths = [p for _, p, _, _ in self.records[record][2]]
                    self.assertEqual(cell.value.split("\n"), paths, record)
                    self.assertIsNotNone(cell.hyperlink, record)
                    target = cell.hyperlink.target
                    self.assertNotRegex(target, r"^(/|[a-z]+:)", record)
                    linked = os.path.normpath(os.path.join(registers, unquote(target)))
                    self.assertEqual(linked, os.path.join(self.site, paths[0]), record)
                    self.assertTrue(os.path.isfile(linked), record)
                    seen.add(record)
        self.assertEqual(seen, set(self.records))

    def test_the_pdfs_are_the_generators_and_readable(self):
        generated = os.path.join(self._tmp.name, "generated")
        subprocess.run([sys.executable, "-B", os.path.join(testlib.REPO, "tests", "evidence_pdf.py"),
                        generated], check=True)
        pdfs = sorted(glob.glob(os.path.join(generated, "records", "evidence", "*.pdf")))
        self.assertGreaterEqual(len(pdfs), 3)
        for pdf in pdfs:
            rel = os.path.relpath(pdf, generated)
            self.assertEqual(read_bytes(pdf), read_bytes(os.path.join(testlib.REPO, rel)), rel)
            if shutil.which("pdftotext"):
                text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True,
                                      check=True).stdout
                self.assertIn("Harbourside" if "certificate" not in rel else "Alison Reed", text)

    def test_bad_paths_fail_at_their_position_and_keep_the_site(self):
        before = testlib.snapshot(self.site)
        broken = os.path.join(self._tmp.name, "broken")
        shutil.copytree(self.root, broken, ignore=shutil.ignore_patterns("site"))
        shutil.copytree(self.site, os.path.join(broken, "site"))
        kept = testlib.snapshot(os.path.join(broken, "site"))
        record = "MR-2026-01"
        kind, source, items = self.records[record]
        written, path, line, column = items[0]
        wrong = written.replace("minutes", "minuts")
        self.assertNotEqual(wrong, written)
        text = read_text(os.path.join(broken, source))
        self.assertIn("[%s]" % written, text)
        text = text.replace("[%s]" % written, "[%s, ../../etc/passwd]" % wrong, 1)
        with open(os.path.join(broken, source), "w", encoding="utf-8") as fh:
            fh.write(text)
        result = testlib.run(["build", "--root", broken] + AS_OF, timeout=120)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("%s:%d:%d: error: no file '%s' (%s from the SMS root) in the content "
                      "folders (did you mean '%s'?) [evidence-unknown]"
                      % (source, line, column, wrong, path.replace("minutes", "minuts"),
                         written), result.stderr)
        self.assertIn("%s:%d:%d: error: '../../etc/passwd' points outside the SMS root "
                      "[evidence-path]" % (source, line, column + len(wrong) + 2), result.stderr)
        self.assertEqual(testlib.snapshot(os.path.join(broken, "site")), kept)
        self.assertEqual(testlib.snapshot(self.site), before)


if __name__ == "__main__":
    testlib.main()
