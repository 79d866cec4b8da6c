#!/usr/bin/python3
"""Languages (issue 14): `language: de` in smsdoc.yaml builds the example
in German, pages and workbooks. The expected words are read from the
theme's label tables (themes/default/labels/*.yaml) and the built-in kinds'
tables (src/model/kinds.yaml, kinds.de.yaml), never written here a second
time. Needs Debian's python3-openpyxl for the workbooks.

usage: language_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import json
import os
import re
import tempfile
import unittest

import testlib
from excel import Evaluator, conditional_colours
from site_links_test import Page, norm_space

try:
    import openpyxl
except ImportError:  # reported by the workbook tests
    openpyxl = None

# An SMS's own title for a built-in kind (smsdoc.yaml `kinds:`): it stays.
OWN_REVIEW_TITLE = "Bewertungen durch die Leitung"
# The sheets of each workbook, by label key (a kind's title for a kind's own).
SHEETS = {
    "risk-register.xlsx": ["wb_cover", "wb_risks", "wb_treatment_plan", "wb_criteria",
                           "wb_heat_map", "wb_residual_heat_map"],
    "training-register.xlsx": ["wb_cover", "wb_training_records", "wb_competence_requirements",
                               "wb_people", "wb_skills_matrix"],
    "audit-register.xlsx": ["wb_cover", "wb_audit_programme", "clause_coverage", "wb_findings",
                            "wb_corrective_actions"],
    "document-register.xlsx": ["wb_cover", "documents"],
    "clause-coverage.xlsx": ["wb_cover", "col_clauses"],
    # then a sheet per process, named by its ID and title (data)
    "kpi-register.xlsx": ["wb_cover", "wb_kpis", "wb_measurements"],
    # then a sheet per population, named by its label
    "stage-2-sampling.xlsx": ["wb_cover", "wb_populations"],
}
# Workbooks built-in kinds share, their sheets named by the kinds' titles.
KIND_BOOKS = {"service-register.xlsx": ["service", "customer", "sla"],
              "supplier-register.xlsx": ["supplier", "supplier-review"]}
TITLES = {"service-register.xlsx": "wb_service_register",
          "supplier-register.xlsx": "wb_supplier_register",
          "risk-register.xlsx": "wb_risk_register",
          "training-register.xlsx": "wb_training_register",
          "audit-register.xlsx": "wb_audit_register",
          "document-register.xlsx": "document_master_list",
          "clause-coverage.xlsx": "clause_coverage",
          "kpi-register.xlsx": "wb_kpi_register",
          "stage-2-sampling.xlsx": "wb_sampling",
          "framework-matrix.xlsx": "framework_matrix"}
# Record sheets: (workbook, sheet key) -> kind; the review register's sheet
# is named by the SMS's own title.
RECORD_SHEETS = {("risk-register.xlsx", "wb_risks"): "risk",
                 ("training-register.xlsx", "wb_training_records"): "training",
                 ("training-register.xlsx", "wb_competence_requirements"): "competence",
                 ("training-register.xlsx", "wb_people"): "person",
                 ("audit-register.xlsx", "wb_audit_programme"): "audit",
                 ("audit-register.xlsx", "wb_findings"): "finding",
                 ("audit-register.xlsx", "wb_corrective_actions"): "action"}
COVER_KEYS = ["wb_organization", "col_register", "wb_as_of", "wb_source_revision",
              "wb_generated_by", "col_source", "wb_edits"]

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


def kinds_table(name):
    """src/model/kinds.yaml or kinds.<language>.yaml as {"common": {field:
    label}, "kinds": {kind: {"title", "columns", "fields": {field: label},
    "values"}}}; "values" are the kind's statuses and enum values (data).
    A reader of these files' layout only: no YAML library."""
    out = {"common": {}, "kinds": {}}
    section, kind, flow = None, None, None

    def label(field, value):
        if not value.startswith("{"):
            return value or field.replace("_", " ").capitalize()
        match = re.search(r'label: ("[^"]*"|[^,}]+)', value)
        return match.group(1).strip().strip('"') if match else \
            field.replace("_", " ").capitalize()

    def flow_list(key, text):
        items = [v.strip() for v in text.strip("[] ").split(",") if v.strip()]
        if key == "columns":
            kind["columns"] = items
        else:
            kind["values"].update(items)

    path = os.path.join(testlib.REPO, "src", "model", name)
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if flow:  # a [list, ...] continued on this line
                flow[1] += " " + line.strip()
                if "]" in line:
                    flow_list(*flow)
                    flow = None
                continue
            indent = len(line) - len(line.lstrip())
            key, _, value = line.strip().partition(":")
            value = value.strip()
            if indent == 0:
                section = key
            elif section == "common" and indent == 2:
                out["common"][key] = label(key, value)
            elif section == "kinds" and indent == 2:
                kind = out["kinds"].setdefault(
                    key, {"title": None, "columns": [], "fields": {}, "values": set()})
            elif section == "kinds" and indent == 4 and key == "title":
                kind["title"] = value
            elif section == "kinds" and indent == 4 and key in ("columns", "statuses"):
                if "]" in value:
                    flow_list(key, value)
                else:
                    flow = [key, value]
            elif section == "kinds" and indent == 6:
                kind["fields"][key] = label(key, value)
                values = re.search(r"values: \[([^\]]*)\]", value)
                if values:
                    flow_list("values", values.group(1))
    return out


def kinds_with_evidence_files():
    """The kinds of the example's records listing `evidence_files:`: their
    sheets end with that column (docs/content-model.md#evidence-files)."""
    kinds = set()
    for path in glob.glob(os.path.join(testlib.REPO, "records", "**", "*.yaml"), recursive=True):
        kind = None
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                m = re.match(r"^  kind: (\S+)$", line)
                kind = m.group(1) if m else kind
                if line.startswith("  evidence_files:"):
                    kinds.add(kind)
    return kinds


def field_label(table, kind, field):
    return table["kinds"][kind]["fields"].get(field) or table["common"][field]


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
        cls.kinds_en, cls.kinds_de = kinds_table("kinds.yaml"), kinds_table("kinds.de.yaml")
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-lang-")
        cls.root = os.path.join(cls.tmp.name, "sms")
        testlib.copy_example(cls.root)
        with open(os.path.join(cls.root, "smsdoc.yaml"), encoding="utf-8") as fh:
            config = fh.read()
        # The example's own kinds (top-level `kinds:` entries), then the review's title.
        own = re.search(r"(?m)^kinds:\n((?:  .*\n|#.*\n)*)", config)
        cls.sms_kinds = re.findall(r"(?m)^  ([a-z][a-z0-9-]*):$", own.group(1)) if own else []
        cls.sms_kind_titles = dict(re.findall(r"(?m)^  ([a-z][a-z0-9-]*):\n    title: (.+)$",
                                              own.group(1))) if own else {}
        review = "  review:\n    title: %s\n" % OWN_REVIEW_TITLE
        config = (config.replace("\nkinds:\n", "\nkinds:\n" + review, 1) if own
                  else config + "kinds:\n" + review)
        with open(os.path.join(cls.root, "smsdoc.yaml"), "w", encoding="utf-8") as fh:
            fh.write(config)
        # Frameworks beside 20000-1 add a navigation entry, mappings a workbook.
        cls.frameworks = re.search(r"(?m)^frameworks:", config) is not None
        cls.mappings = re.search(r"(?m)^mappings:", config) is not None
        with_language(cls.root, "de")
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.result = testlib.run(["build", "--root", cls.root, "--out", cls.out,
                                  "--as-of", "2026-11-21"])
        cls.pages = {}
        for path in glob.glob(os.path.join(cls.out, "**", "*.html"), recursive=True):
            with open(path, encoding="utf-8") as fh:
                cls.pages[os.path.relpath(path, cls.out).replace(os.sep, "/")] = fh.read()
        cls.books, cls.formulas = {}, {}
        if openpyxl is not None:
            for path in sorted(glob.glob(os.path.join(cls.out, "registers", "*.xlsx"))):
                name = os.path.basename(path)
                cls.books[name] = openpyxl.load_workbook(path, data_only=True)
                cls.formulas[name] = openpyxl.load_workbook(path)

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
        keys = list(NAV_KEYS)
        if self.frameworks:
            keys.insert(keys.index("nav_clauses") + 1, "nav_frameworks")
        self.assertEqual([norm_space(a.text()) for a in nav.iter("a")],
                         [self.de[k] for k in keys])

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
        # The workbooks' own words (wb_*) are checked on the workbooks: pages
        # may show them as the analysis' words (a readiness item's title).
        english = {text for key, text in self.en.items()
                   if text != self.de[key] and len(re.sub(r"\W", "", text)) > 3
                   and not key.startswith("wb_")}
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

    def test_record_page_shows_german_field_labels(self):
        dom = self.dom("records/risk/RSK-001.html")
        labels = [norm_space(th.text()) for th in dom.root.iter("th")]
        risk = self.kinds_en["kinds"]["risk"]
        for field in ("likelihood", "impact", "treatment", "affected", "residual_score"):
            self.assertIn(field_label(self.kinds_de, "risk", field), labels, field)
            self.assertNotIn(field_label(self.kinds_en, "risk", field), labels, field)
        self.assertNotIn(risk["title"], self.pages["records/risk.html"])
        self.assertIn(self.kinds_de["kinds"]["risk"]["title"], self.pages["records/risk.html"])
        # A kind's title an SMS sets itself stays.
        self.assertIn(OWN_REVIEW_TITLE, self.pages["records/review.html"])

    def own_books(self):
        """{workbook: kind} of the built-in kinds with a workbook of their own
        (the review's, named by the SMS, aside): the service records."""
        grouped = set(RECORD_SHEETS.values()) | {"review"} | {
            k for kinds in KIND_BOOKS.values() for k in kinds}
        # The Statement of Applicability's is named after it.
        file = {"applicability": "statement-of-applicability.xlsx"}
        return {file.get(kind, kind + "-register.xlsx"): kind for kind in self.kinds_en["kinds"]
                if kind not in grouped}

    def require_workbooks(self):
        if openpyxl is None:
            raise AssertionError("python3-openpyxl is missing (apt-get install python3-openpyxl)")
        expected = (set(SHEETS) | set(KIND_BOOKS) | {"review-register.xlsx"} |
                    set(self.own_books()) | {k + "-register.xlsx" for k in self.sms_kinds})
        if self.mappings:
            expected.add("framework-matrix.xlsx")
        self.assertEqual(set(self.books), expected)

    def test_workbook_sheet_names(self):
        self.require_workbooks()
        for name, keys in SHEETS.items():
            self.assertEqual(self.books[name].sheetnames[:len(keys)], [self.de[k] for k in keys],
                             name)
            if name not in ("kpi-register.xlsx", "stage-2-sampling.xlsx"):
                self.assertEqual(len(self.books[name].sheetnames), len(keys), name)
        for name, kinds in KIND_BOOKS.items():
            self.assertEqual(self.books[name].sheetnames, [self.de["wb_cover"]] + [
                self.kinds_de["kinds"][k]["title"] for k in kinds], name)
        if self.mappings:
            self.assertEqual(self.books["framework-matrix.xlsx"].sheetnames,
                             [self.de["wb_cover"], self.de["framework_matrix"]])
        # The SMS's own title for the review kind, not kinds.de.yaml's.
        self.assertEqual(self.books["review-register.xlsx"].sheetnames,
                         [self.de["wb_cover"], OWN_REVIEW_TITLE])

    def header(self, name, sheet):
        ws = self.books[name][sheet]
        return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]

    def test_workbook_headers(self):
        self.require_workbooks()
        de = self.de
        for (name, key), kind in RECORD_SHEETS.items():
            expected = [field_label(self.kinds_de, kind, f)
                        for f in self.kinds_en["kinds"][kind]["columns"]]
            if kind == "audit":  # the findings counted per classification
                expected += [de[k] for k in ("wb_major_ncs", "wb_minor_ncs", "wb_observations",
                                             "wb_ofis")]
            if kind in kinds_with_evidence_files():
                expected.append(de["evidence_files"])
            self.assertEqual(self.header(name, de[key]), expected, (name, kind))
        for name, kinds in KIND_BOOKS.items():
            for kind in kinds:
                expected = [field_label(self.kinds_de, kind, f)
                            for f in self.kinds_en["kinds"][kind]["columns"]]
                if kind in kinds_with_evidence_files():
                    expected.append(de["evidence_files"])
                self.assertEqual(self.header(name, self.kinds_de["kinds"][kind]["title"]),
                                 expected, (name, kind))
        review = [field_label(self.kinds_de, "review", f)
                  for f in self.kinds_en["kinds"]["review"]["columns"]]
        review += [de["evidence_files"]] if "review" in kinds_with_evidence_files() else []
        self.assertEqual(self.header("review-register.xlsx", OWN_REVIEW_TITLE), review)
        risk_labels = {field_label(self.kinds_de, "risk", f)
                       for f in list(self.kinds_en["kinds"]["risk"]["fields"]) +
                       list(self.kinds_en["common"])}
        plan = self.header("risk-register.xlsx", de["wb_treatment_plan"])
        self.assertGreater(len(plan), 5)
        self.assertLessEqual(set(plan), risk_labels)
        self.assertEqual(self.header("document-register.xlsx", de["documents"]), [de[k] for k in (
            "col_id", "col_title", "col_type", "col_clauses", "col_owner", "col_author",
            "col_approver", "col_version", "col_status", "wb_classification", "col_effective",
            "col_approved_on", "col_approved_by", "col_last_review", "wb_review_cycle_months",
            "col_next_review", "wb_change_summary", "wb_changed_after_approval",
            "wb_approval_problems", "col_source")])
        self.assertEqual(self.header("clause-coverage.xlsx", de["col_clauses"]), [de[k] for k in (
            "col_clause", "col_title", "col_state", "documents", "processes", "records",
            "wb_document_ids", "wb_process_ids", "wb_not_in_force", "wb_record_ids",
            "clause_internal_audits", "col_last_internal_audit", "wb_audited_in_cycle",
            "clause_external_audits", "col_last_external_audit", "clause_open_findings")])
        coverage = self.header("audit-register.xlsx", de["clause_coverage"])
        self.assertEqual(coverage[:2], [de["col_clause"], de["col_title"]])
        self.assertEqual(coverage[-1], de["wb_covered_in_cycle"])

    def test_workbook_covers_and_print_headers(self):
        self.require_workbooks()
        de = self.de
        for name, book in self.books.items():
            cover = book[de["wb_cover"]]
            column = [row[0] for row in cover.iter_rows(values_only=True)]
            own = self.own_books()
            sms_titles = {k + "-register.xlsx": t for k, t in self.sms_kind_titles.items()}
            title = (de[TITLES[name]] if name in TITLES else
                     self.kinds_de["kinds"][own[name]]["title"] if name in own else
                     sms_titles.get(name, OWN_REVIEW_TITLE))
            self.assertEqual(column[0], title, name)
            self.assertEqual(column[2:2 + len(COVER_KEYS)], [de[k] for k in COVER_KEYS], name)
            sheet_row = column.index(de["wb_sheet"])
            self.assertEqual(cover.cell(row=sheet_row + 1, column=2).value, de["wb_rows"])
            values = {row[0]: row[1] for row in cover.iter_rows(values_only=True) if row[0]}
            self.assertEqual(values[de["wb_source_revision"]], de["not_in_git"])
            self.assertTrue(values[de["col_source"]].startswith(
                de["wb_source_files"].split("{")[0]), values[de["col_source"]])
            self.assertEqual(values[de["wb_edits"]], de["wb_edits_text"])
            for ws in book.worksheets:
                self.assertTrue((ws.oddHeader.right.text or "").startswith(
                    "%s 2026-11-21\n%s %s" % (de["wb_as_of"], de["revision"], de["not_in_git"])),
                    (name, ws.title, ws.oddHeader.right.text))
                self.assertEqual(ws.oddFooter.right.text, "%s &P %s &N" % (
                    de["print_page_capital"], de["print_of"]))
        criteria = [row[0] for row in
                    self.books["risk-register.xlsx"][de["wb_criteria"]].iter_rows(values_only=True)]
        for key in ("wb_risk_criteria", "wb_score", "wb_acceptance", "wb_likelihood", "wb_impact",
                    "wb_band"):
            self.assertIn(de[key], criteria)
        heat = self.books["risk-register.xlsx"][de["wb_residual_heat_map"]]
        self.assertEqual(heat["A1"].value, de["wb_residual_heat_map_title"])
        self.assertEqual(heat["A2"].value, de["wb_impact_by_likelihood"])

    def test_no_english_words_in_workbooks(self):
        """No English label, over 3 letters and unlike the German, is a
        string cell of a workbook. The data rows of table sheets hold the
        SMS's words (titles, statuses, enum values, the clause catalogue's
        titles): there only the columns smsdoc fills with words of its own
        are read."""
        self.require_workbooks()
        de = self.de

        def letters(text):
            return len(re.sub(r"\W", "", text))

        english = {text for key, text in self.en.items() if text != de[key]}
        # Texts with {values}: their fixed parts of a few words must not
        # appear either.
        fragments = {part.strip() for text in english if "{" in text
                     for part in re.split(r"\{[a-z]+\}", text)
                     if letters(part) > 10 and " " in part.strip()}
        english = {text for text in english if "{" not in text}
        for kind, spec in self.kinds_en["kinds"].items():
            if spec["title"] != self.kinds_de["kinds"][kind]["title"]:
                english.add(spec["title"])
            for field in list(spec["fields"]) + list(self.kinds_en["common"]):
                label = field_label(self.kinds_en, kind, field)
                if label != field_label(self.kinds_de, kind, field):
                    english.add(label)
        english = {text for text in english if letters(text) > 3}
        exceeds = field_label(self.kinds_de, "risk", "exceeds_acceptance")
        words_in = {(name, de[key]): {exceeds} for name, key in RECORD_SHEETS}
        words_in[("risk-register.xlsx", de["wb_treatment_plan"])] = set()
        words_in[("review-register.xlsx", OWN_REVIEW_TITLE)] = set()
        # The service records' cells are the ITSM exports' own words.
        for name, kind in self.own_books().items():
            words_in[(name, self.kinds_de["kinds"][kind]["title"])] = set()
        words_in[("document-register.xlsx", de["documents"])] = {
            de["wb_changed_after_approval"], de["col_last_review"]}
        words_in[("clause-coverage.xlsx", de["col_clauses"])] = {
            de["col_state"], de["wb_audited_in_cycle"]}
        # The CSV's comment and source are the SMS's ("Service reports").
        words_in[("kpi-register.xlsx", de["wb_measurements"])] = {
            de["wb_better"], de["col_state"], de["wb_unit"]}
        # The samples' sheets hold records as their registers do.
        for sheet in self.books["stage-2-sampling.xlsx"].sheetnames[2:]:
            words_in[("stage-2-sampling.xlsx", sheet)] = {exceeds}
        # The matrix's titles are the catalogues' own; its states are smsdoc's.
        words_in[("framework-matrix.xlsx", de["framework_matrix"])] = {
            de["wb_from_state"], de["wb_to_state"]}
        coverage = ("audit-register.xlsx", de["clause_coverage"])
        words_in[coverage] = set(self.header(*coverage)[2:])  # periods, covered in cycle
        found = []
        for name, book in self.books.items():
            for ws in book.worksheets:
                # The SMS's own kinds keep the SMS's own words, headers included.
                if name[:-len("-register.xlsx")] in self.sms_kinds and \
                        ws.title != self.de["wb_cover"]:
                    continue
                header = self.header(name, ws.title)
                for row in ws.iter_rows():
                    for cell in row:
                        if not isinstance(cell.value, str):
                            continue
                        if (name, ws.title) in words_in and cell.row > 1 and \
                                header[cell.column - 1] not in words_in[(name, ws.title)]:
                            continue
                        if cell.value in english or any(f in cell.value for f in fragments):
                            found.append((name, ws.title, cell.coordinate, cell.value))
        self.assertEqual(found, [])
        # The checks above see the words they look for.
        self.assertIn("Competence requirements", english)
        self.assertIn("the Markdown and YAML files of the SMS (", fragments)

    def test_formula_words_agree_with_colours(self):
        """The skills matrix's formulas give the German state words, and the
        colour rules test the same words: every needed cell gets a colour."""
        self.require_workbooks()
        de = self.de
        book = self.formulas["training-register.xlsx"]
        ws = book[de["wb_skills_matrix"]]
        cells = [c for row in ws.iter_rows() for c in row
                 if c.data_type == "f" and "COUNTIFS" in c.value]
        self.assertTrue(cells, "no skills matrix formulas")
        states = {de[k] for k in ("wb_competent", "date_expiring", "date_expired", "wb_planned",
                                  "state_missing")}
        cached = self.books["training-register.xlsx"][de["wb_skills_matrix"]]
        colours = conditional_colours(book, ws.title)
        rules = " ".join(rule.formula[0] for cf in ws.conditional_formatting for rule in cf.rules)
        self.assertIn('"%s"' % de["wb_competent"], cells[0].value)
        self.assertIn('="%s"' % de["wb_competent"], rules)
        for c in cells:
            value = Evaluator(book).evaluate(ws, c.value)
            self.assertIn(value, states, c.coordinate)
            self.assertEqual(value, cached[c.coordinate].value, c.coordinate)
            self.assertEqual(len(colours.get((c.row, c.column), [])), 1, (c.coordinate, value))
        # The gap row counts the German words too.
        gap = [c for row in ws.iter_rows() for c in row
               if c.data_type == "f" and c.value.startswith("=OR(")]
        self.assertTrue(gap)
        self.assertIn('"%s"' % de["state_missing"], gap[0].value)
        # Clause coverage: each state cell is a German state word with a colour.
        book = self.formulas["clause-coverage.xlsx"]
        ws = book[de["col_clauses"]]
        colours = conditional_colours(book, ws.title)
        words = {de[k] for k in ("state_covered", "state_partly_covered", "state_documented_only",
                                 "state_evidenced_only", "state_not_covered")}
        for row in range(2, ws.max_row + 1):
            self.assertIn(ws.cell(row=row, column=3).value, words, row)
            self.assertEqual(len(colours.get((row, 3), [])), 1, row)
        # The risk flag is German, in its cells and its formula.
        ws = self.formulas["risk-register.xlsx"][de["wb_risks"]]
        column = self.header("risk-register.xlsx", de["wb_risks"]).index(
            field_label(self.kinds_de, "risk", "exceeds_acceptance")) + 1
        flag = ws.cell(row=2, column=column).value
        self.assertIn('"%s","%s"' % (de["bool_yes"], de["bool_no"]), flag)
        values = {ws_row[column - 1] for ws_row in self.books["risk-register.xlsx"][
            de["wb_risks"]].iter_rows(min_row=2, values_only=True)}
        self.assertLessEqual(values, {de["bool_yes"], de["bool_no"], None})

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
