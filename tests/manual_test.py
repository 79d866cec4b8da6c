#!/usr/bin/python3
"""The manual as one document (issue 14): manual.html holds every document
and process in order with a contents list, links between documents stay
inside it, a running header and page numbers come from its @page rules;
`smsdoc pdf` prints it with the local Chromium (the PDF's text holds the
header and every ID, a plausible page count) and, without a Chromium,
exits 2 with a clear message before building anything.

usage: manual_test.py SMSDOC_BINARY REPO_ROOT
"""

import os
import re
import shutil
import subprocess
import tempfile
import unittest

import testlib
from site_links_test import Page, front_matter, top_level_field, norm_space


def documents():
    """(ID, title, type) of the example's documents and processes."""
    docs = []
    for folder in ("policies", "processes"):
        for dirpath, _, files in os.walk(os.path.join(testlib.REPO, folder)):
            for name in sorted(files):
                if name.endswith(".md"):
                    fm = front_matter(os.path.join(dirpath, name))
                    docs.append((top_level_field(fm, "id"), top_level_field(fm, "title"),
                                 top_level_field(fm, "type")))
    return docs


class ManualTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-manual-")
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.result = testlib.run(["build", "--root", testlib.REPO, "--out", cls.out,
                                  "--as-of", "2026-11-21"])
        with open(os.path.join(cls.out, "manual.html"), encoding="utf-8") as fh:
            cls.text = fh.read()
        cls.dom = Page(cls.text)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_document_in_order_with_contents(self):
        self.assertEqual(self.result.returncode, 0, self.result.stderr)
        docs = documents()
        articles = [a for a in self.dom.root.iter("article") if "manual-document" in a.classes()]
        ids = [a.attrs["id"] for a in articles]
        self.assertEqual(sorted(ids), sorted("doc-" + d[0] for d in docs))
        types = {d[0]: d[2] for d in docs}
        order = [types[i[4:]] for i in ids]
        # Policies, plans, other documents, then processes.
        self.assertEqual(order[0], "policy")
        first_process = order.index("process")
        self.assertTrue(all(t == "process" for t in order[first_process:]))
        self.assertNotIn("policy", order[order.index("plan"):])
        contents = [a.attrs["href"] for nav in self.dom.root.iter("nav")
                    if "manual-contents" in nav.classes() for a in nav.iter("a")]
        self.assertEqual(contents[:len(ids)], ["#" + i for i in ids])
        self.assertEqual(contents[-1], "#manual-registers")

    def test_links_stay_inside_the_manual(self):
        page_ids = set(self.dom.ids())
        inside = 0
        for article in self.dom.root.iter("article"):
            for body in article.iter("div"):
                if "body" not in body.classes():
                    continue
                for a in body.iter("a"):
                    href = a.attrs.get("href", "")
                    self.assertFalse(re.match(r"^(policies|processes)/.*\.html", href),
                                     "manual links out to a document page: " + href)
                    if href.startswith("#"):
                        self.assertIn(href[1:], page_ids)
                        inside += 1
        self.assertGreater(inside, 20, "expected links between documents")
        # Interfaces between processes point into the manual too.
        self.assertIn('href="#doc-PRC-PRB"', self.text)
        # Records and registers go to their pages.
        self.assertIn('href="records/risk/RSK-003.html"', self.text)
        self.assertIn('href="records/risk.html"', self.text)

    def test_running_header_and_page_numbers(self):
        styles = "".join(s.text() for s in self.dom.root.iter("style"))
        self.assertIn('@top-left { content: "Harbourside IT Services Ltd"; }', styles)
        self.assertIn("counter(page)", styles)
        self.assertIn("counter(pages)", styles)
        self.assertRegex(styles, r'\[id="doc-PRC-INC"\] \{ page: (m\d+); \}\n@page \1 \{ @top-right '
                                 r'\{ content: "PRC-INC · version 3\.1"; \} \}')
        with open(os.path.join(self.out, "assets", "print.css"), encoding="utf-8") as fh:
            self.assertRegex(fh.read(), r"\.manual-document \{ break-before: page; \}")

    def test_pdf_without_chromium_exits_2(self):
        out = os.path.join(self.tmp.name, "nochrome")
        for env, option, named in (({"SMSDOC_CHROMIUM": "/nonexistent/chromium"}, [],
                                     "SMSDOC_CHROMIUM"),
                                   ({}, ["--chromium", "/nonexistent/chromium"], "--chromium")):
            result = testlib.run(["pdf", "--root", testlib.REPO, "--out", out] + option, env=env)
            self.assertEqual(result.returncode, 2)
            self.assertEqual(result.stderr,
                             "smsdoc: error: no Chromium at '/nonexistent/chromium' (named by %s)"
                             "; nothing built\n" % named)
            self.assertFalse(os.path.exists(out))
        result = testlib.run(["pdf", "--root", testlib.REPO, "--out", out],
                             env={"PATH": self.tmp.name, "SMSDOC_CHROMIUM": ""})
        self.assertEqual(result.returncode, 2)
        self.assertIn("no Chromium found", result.stderr)
        self.assertIn("--chromium", result.stderr)
        self.assertFalse(os.path.exists(out))

    def test_pdf_help(self):
        result = testlib.run(["pdf", "--help"])
        self.assertEqual(result.returncode, 0)
        for word in ("--pdf", "--chromium", "SMSDOC_CHROMIUM", "Examples", "smsdoc pdf"):
            self.assertIn(word, result.stdout)

    @unittest.skipUnless(shutil.which("chromium") and shutil.which("pdftotext"),
                         "chromium or poppler-utils not installed")
    def test_pdf_holds_header_and_every_document(self):
        out = os.path.join(self.tmp.name, "pdfsite")
        pdf = os.path.join(self.tmp.name, "manual.pdf")
        result = testlib.run(["pdf", "--root", testlib.REPO, "--out", out, "--pdf", pdf,
                              "--as-of", "2026-11-21"], timeout=120)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.splitlines()[-1], "printed manual.html -> " + pdf)
        self.assertFalse(os.path.exists(pdf + ".partial"))
        text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True,
                              text=True, check=True).stdout
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True, check=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        docs = documents()
        self.assertGreaterEqual(pages, len(docs) + 2)
        self.assertLessEqual(pages, 15 * len(docs))
        self.assertGreaterEqual(text.count("Harbourside IT Services Ltd"), pages - 1)
        self.assertIn("PRC-INC · version 3.1", text)
        self.assertRegex(text, r"Page 2 of %d" % pages)
        for doc_id, _, _ in docs:
            self.assertIn(doc_id, text)

        # A register printed as a reader would (Chromium, no header/footer of
        # its own): A4 landscape, the register named atop every sheet, every
        # risk ID there and overdue dates marked in words, not colour alone.
        register = os.path.join(self.tmp.name, "risk.pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer",
                        "--user-data-dir=" + os.path.join(self.tmp.name, "profile"),
                        "--print-to-pdf=" + register,
                        "file://" + os.path.join(out, "records", "risk.html")],
                       capture_output=True, timeout=120, check=True)
        info = subprocess.run(["pdfinfo", register], capture_output=True, text=True,
                              check=True).stdout
        size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+)", info, re.M)
        self.assertEqual((round(float(size.group(1))), round(float(size.group(2)))), (842, 595))
        sheets = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        text = subprocess.run(["pdftotext", "-layout", register, "-"], capture_output=True,
                              text=True, check=True).stdout
        self.assertEqual(len([p for p in text.split("\f") if "Risk register" in p]), sheets)
        with open(os.path.join(testlib.REPO, "records", "risks.yaml"), encoding="utf-8") as fh:
            risk_ids = re.findall(r"^- id: (RSK-\d+)", fh.read(), re.M)
        self.assertGreater(len(risk_ids), 10)
        for risk_id in risk_ids:
            self.assertIn(risk_id, text)
        self.assertIn("overdue", text)


if __name__ == "__main__":
    testlib.main()
