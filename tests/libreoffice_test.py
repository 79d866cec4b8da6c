#!/usr/bin/python3
"""The example's register workbooks opened as an auditor would: in
LibreOffice Calc, forced to recalculate every formula (Python-UNO
`calculateAll()`; opening alone keeps the cached values), then printed to
PDF. Checks that every formula's recalculated value equals the value smsdoc
cached, that edits of likelihood, impact and a band's lowest score move
scores, levels, flags and both heat maps, and that every printed page is A4
landscape with no text under 8 pt (Carlito, Calibri's metrics).

One headless soffice with a private profile in a temporary folder serves
every workbook. Needs Debian's libreoffice-calc-nogui, python3-uno,
fonts-crosextra-carlito and poppler-utils (./dev installs them) and
python3-openpyxl.

usage: libreoffice_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import zlib

import testlib
from excel import defined_name
from registers_test import Sms

try:
    import openpyxl
except ImportError:
    openpyxl = None
try:
    import uno
    from com.sun.star.beans import PropertyValue
except ImportError:
    uno = None

AS_OF = "2026-11-21"
MIN_POINTS = 8
A4_LANDSCAPE = (841.89, 595.28)  # points, to 0.1
VALUE, STRING, ERROR = 1, 2, 4  # com.sun.star.sheet.FormulaResult


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


class LibreOffice:
    """A headless soffice on a private pipe, driven with Python-UNO."""

    def __init__(self, tmp):
        self.pipe = "smsdoc-test-%d" % os.getpid()
        profile = pathlib.Path(tmp, "profile").as_uri()
        self.proc = subprocess.Popen(
            ["soffice", "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
             "-env:UserInstallation=" + profile,
             "--accept=pipe,name=%s;urp;StarOffice.ComponentContext" % self.pipe],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        deadline = time.time() + 60
        while True:
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext"
                                       % self.pipe)
                break
            except Exception:  # NoConnectException until soffice listens
                if time.time() > deadline or self.proc.poll() is not None:
                    self.close()
                    raise RuntimeError("soffice did not start")
                time.sleep(0.2)
        self.desktop = ctx.ServiceManager.createInstanceWithContext(
            "com.sun.star.frame.Desktop", ctx)

    def open(self, path):
        return self.desktop.loadComponentFromURL(
            pathlib.Path(path).as_uri(), "_blank", 0, (prop("Hidden", True),))

    def close(self):
        try:
            self.desktop.terminate()
        except Exception:
            pass  # the bridge goes down with soffice
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


def lo_value(cell):
    """(kind, value) of a formula cell as LibreOffice computed it."""
    kind = cell.FormulaResultType2
    if kind == VALUE:
        return "number", cell.getValue()
    if kind == STRING:
        return "text", cell.getString()
    return "error", cell.getString()


def cached_value(value):
    """(kind, value) of a cached formula result as openpyxl reads it."""
    if isinstance(value, bool):
        return "number", float(value)
    if isinstance(value, (int, float)):
        return "number", float(value)
    return "text", "" if value is None else str(value)


def font_sizes(pdf):
    """Every font size set in the PDF's content streams (`/F1 8.2 Tf`),
    and every scale of a `cm` or `Tm` matrix, which would shrink them."""
    with open(pdf, "rb") as fh:
        data = fh.read()
    sizes, scales = [], []
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            text = zlib.decompress(m.group(1))
        except zlib.error:
            continue  # fonts and images
        sizes += [float(s) for s in re.findall(rb"/\w+ ([\d.]+) Tf", text)]
        for a, b, c, d in re.findall(
                rb"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) [-\d.]+ [-\d.]+ (?:cm|Tm)", text):
            scales.append(min(abs(float(a)) + abs(float(b)), abs(float(c)) + abs(float(d))))
    return sizes, scales


class LibreOfficeTest(unittest.TestCase):
    maxDiff = None

    @classmethod
    def setUpClass(cls):
        cls.missing = [t for t, ok in (("python3-openpyxl", openpyxl), ("python3-uno", uno),
                                        ("soffice", shutil.which("soffice")),
                                        ("pdfinfo", shutil.which("pdfinfo")),
                                        ("pdffonts", shutil.which("pdffonts"))) if not ok]
        if cls.missing:
            return
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-libreoffice-")
        out = os.path.join(cls.tmp.name, "site")
        result = testlib.run(["build", "--root", testlib.REPO, "--out", out, "--as-of", AS_OF])
        assert result.returncode == 0, result.stderr
        cls.books = sorted(glob.glob(os.path.join(out, "registers", "*.xlsx")))
        cls.pdfs = os.path.join(cls.tmp.name, "pdf")
        os.mkdir(cls.pdfs)
        cls.recalculated = {}  # workbook -> {(sheet, row, col): (kind, value)}
        cls.edited = {}  # what the risk workbook shows after the edits
        office = LibreOffice(cls.tmp.name)
        try:
            for path in cls.books:
                cls.recalculate(office, path)
        finally:
            office.close()

    @classmethod
    def tearDownClass(cls):
        if not cls.missing:
            cls.tmp.cleanup()

    def setUp(self):
        if self.missing:
            self.fail("these tests need %s (./dev installs them)" % ", ".join(self.missing))

    @classmethod
    def recalculate(cls, office, path):
        name = os.path.basename(path)
        wb = openpyxl.load_workbook(path)
        doc = office.open(path)
        try:
            doc.calculateAll()
            values = {}
            for ws in wb.worksheets:
                sheet = doc.Sheets.getByName(ws.title)
                for row in ws.iter_rows():
                    for cell in row:
                        if cell.data_type == "f":
                            values[(ws.title, cell.row, cell.column)] = lo_value(
                                sheet.getCellByPosition(cell.column - 1, cell.row - 1))
            cls.recalculated[name] = values
            pdf = os.path.join(cls.pdfs, name[:-len(".xlsx")] + ".pdf")
            doc.storeToURL(pathlib.Path(pdf).as_uri(), (prop("FilterName", "calc_pdf_Export"),))
            if name == "risk-register.xlsx":
                cls.edited = cls.edit_risks(wb, doc)
        finally:
            doc.close(True)

    @classmethod
    def edit_risks(cls, wb, doc):
        """Edits as a service manager would, then recalculates: one risk's
        likelihood and impact, then a band's lowest score. Returns what the
        sheets show before and after each edit."""
        ws = wb["Risks"]
        header = [c.value for c in ws[1]]
        col = {h: i for i, h in enumerate(header)}  # 0-based, as UNO counts
        risks = doc.Sheets.getByName("Risks")
        heat = doc.Sheets.getByName("Heat map")

        def grid():
            return [[heat.getCellByPosition(c, r).getString() for c in range(1, 6)]
                    for r in range(2, 7)]

        def row_values(r):
            return {h: risks.getCellByPosition(col[h], r).getString()
                    for h in ("Likelihood", "Impact", "Inherent score", "Inherent level",
                              "Exceeds acceptance")}
        # The first open threat: moving it must move a heat map count.
        r = next(i for i in range(1, ws.max_row)
                 if ws.cell(row=i + 1, column=col["Type"] + 1).value == "risk"
                 and ws.cell(row=i + 1, column=col["Status"] + 1).value != "closed")
        before = {"row": row_values(r), "grid": grid()}
        likelihood = int(before["row"]["Likelihood"])
        new = (5 if likelihood != 5 else 1, 5)
        risks.getCellByPosition(col["Likelihood"], r).setValue(new[0])
        risks.getCellByPosition(col["Impact"], r).setValue(new[1])
        doc.calculateAll()
        after = {"row": row_values(r), "grid": grid(), "set": new}
        # Raise the second band's lowest score by 3 (the Criteria cell
        # behind the name Band2Min).
        sheet, ref = defined_name(wb, "Band2Min").split("!")
        c, n = openpyxl.utils.cell.coordinate_from_string(ref.replace("$", ""))
        criteria = doc.Sheets.getByName(sheet.strip("'"))
        cell = criteria.getCellByPosition(openpyxl.utils.column_index_from_string(c) - 1, n - 1)
        raised = cell.getValue() + 3
        cell.setValue(raised)
        doc.calculateAll()
        levels = [(int(risks.getCellByPosition(col["Inherent score"], i).getValue()),
                   risks.getCellByPosition(col["Inherent level"], i).getString())
                  for i in range(1, ws.max_row)
                  if risks.getCellByPosition(col["Inherent score"], i).getString()]
        return {"before": before, "after": after, "band2": raised, "levels": levels}

    # --- recalculation ---------------------------------------------------------

    def test_recalculated_formulas_equal_the_cached_values(self):
        total = 0
        for path in self.books:
            name = os.path.basename(path)
            cached = openpyxl.load_workbook(path, data_only=True)
            for (title, row, col), (kind, value) in self.recalculated[name].items():
                where = "%s %s!%s" % (name, title, cached[title].cell(row=row, column=col).coordinate)
                self.assertNotEqual(kind, "error", "%s: %s" % (where, value))
                expected = cached_value(cached[title].cell(row=row, column=col).value)
                if kind == "number" and expected[0] == "number":
                    self.assertAlmostEqual(value, expected[1], 9, where)
                else:
                    self.assertEqual((kind, value), expected, where)
                total += 1
        # The example's scores, levels, flags, plan levels, heat maps,
        # criteria and finding counts: hundreds, not a handful.
        self.assertGreater(total, 200)

    def test_edits_of_likelihood_and_impact_move_score_level_and_heat_map(self):
        sms = Sms(testlib.REPO)  # the example's criteria, from smsdoc.yaml
        before, after = self.edited["before"], self.edited["after"]
        likelihood, impact = after["set"]
        score = sms.combine(likelihood, impact)
        self.assertNotEqual(before["row"]["Inherent score"], str(score))
        self.assertEqual(after["row"]["Inherent score"], str(score))
        self.assertEqual(after["row"]["Inherent level"], sms.band(score)["name"])
        self.assertEqual(after["row"]["Exceeds acceptance"],
                         "Yes" if score > sms.scoring["acceptance"] else "No")
        old = (int(before["row"]["Likelihood"]), int(before["row"]["Impact"]))

        def count(grid, l, i):  # impact 5 is the top row
            return int(grid[5 - i][l - 1] or 0)
        self.assertEqual(count(after["grid"], *old), count(before["grid"], *old) - 1)
        self.assertEqual(count(after["grid"], likelihood, impact),
                         count(before["grid"], likelihood, impact) + 1)

    def test_a_band_threshold_edit_moves_every_level(self):
        bands = [dict(b) for b in Sms(testlib.REPO).bands()]
        old = bands[1]["min"]
        bands[1]["min"] = self.edited["band2"]
        levels = self.edited["levels"]
        self.assertTrue(any(old <= s < bands[1]["min"] for s, _ in levels),
                        "no score the edit moves")
        for score, level in levels:
            expected = [b["name"] for b in bands if score >= b["min"]][-1]
            self.assertEqual(level, expected, "score %d" % score)

    # --- printing ---------------------------------------------------------------

    def test_every_page_is_a4_landscape(self):
        for path in self.books:
            pdf = os.path.join(self.pdfs, os.path.basename(path)[:-len(".xlsx")] + ".pdf")
            info = subprocess.run(["pdfinfo", "-f", "1", "-l", "100000", pdf],
                                  capture_output=True, text=True, check=True).stdout
            pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))
            sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
            self.assertEqual(len(sizes), pages, pdf)
            for w, h in sizes:
                self.assertAlmostEqual(float(w), A4_LANDSCAPE[0], 0, pdf)
                self.assertAlmostEqual(float(h), A4_LANDSCAPE[1], 0, pdf)

    def test_no_text_prints_under_8_points(self):
        for path in self.books:
            pdf = os.path.join(self.pdfs, os.path.basename(path)[:-len(".xlsx")] + ".pdf")
            fonts = subprocess.run(["pdffonts", pdf], capture_output=True, text=True,
                                   check=True).stdout
            self.assertIn("Carlito", fonts, pdf + ": not printed with Calibri's metrics")
            sizes, scales = font_sizes(pdf)
            self.assertTrue(sizes, pdf + ": no text")
            self.assertGreaterEqual(min(sizes), MIN_POINTS, pdf)
            self.assertTrue(all(s >= 1 for s in scales), pdf + ": text scaled down")


if __name__ == "__main__":
    testlib.main()
