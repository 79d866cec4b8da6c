#!/usr/bin/python3
"""The Excel registers (docs/registers.md), end to end: builds the
repository's example SMS and the fixture SMS in tests/registers/ with
--as-of 2026-11-21 and reads every workbook in site/registers/ with openpyxl
(formulas, and the cached values Excel shows), checking them against what
the YAML files hold: the workbooks and their sheets, cover sheets, headers
from the kinds' columns, one row per record, real types, the risk formulas
and finding counts (evaluated here, and compared with their cached
results), drop-down and whole-number validation, conditional formatting
(evaluated per cell against the as-of date), hyperlinks into the site, print
set-up, formula-looking text kept as text, the heat map, skills matrix,
clause coverage and document master list, byte-identical rebuilds, and the
site's register pages agreeing with the workbooks.

Needs Debian's python3-openpyxl besides the standard library.

usage: registers_test.py SMSDOC_BINARY REPO_ROOT
"""

import datetime
import glob
import html
import os
import re
import shutil
import subprocess
import tempfile
import time
import unittest
import zipfile
from html.parser import HTMLParser
from urllib.parse import unquote

import testlib
from excel import Evaluator, conditional_colours, defined_name, rgb, text_of

try:
    import openpyxl
except ImportError:  # reported by every test, see RegistersCase.setUpClass
    openpyxl = None

AS_OF = "2026-11-21"
AS_OF_DATE = datetime.date(2026, 11, 21)
EXPIRING_DAYS = 60
RED = "FFC7CE"    # overdue and expired (the site's td.overdue / td.expired)
AMBER = "FFEB9C"  # expiring within 60 days (td.expiring)
GREEN = "C6EFCE"  # covered, audited, competent
BLUE = "DDEBF7"   # planned (the audit coverage grid)
STATE_COLOURS = {"covered": GREEN, "partly covered": AMBER, "documented only": AMBER,
                 "evidenced only": AMBER, "not covered": RED}
AUDIT_CYCLE_MONTHS = 12

WORKBOOK_SHEETS = {
    "risk-register.xlsx": ["Cover", "Risks", "Treatment plan", "Criteria", "Heat map",
                           "Residual heat map"],
    "training-register.xlsx": ["Cover", "Training records", "Competence requirements",
                               "People", "Skills matrix"],
    "audit-register.xlsx": ["Cover", "Audit programme", "Clause coverage", "Findings",
                            "Corrective actions"],
    "document-register.xlsx": ["Cover", "Documents"],
    "clause-coverage.xlsx": ["Cover", "Clauses"],
    # then a sheet per process with measured KPIs (e2e.kpi_register)
    "kpi-register.xlsx": ["Cover", "KPIs", "Measurements"],
    # then a sheet per population sampled (e2e.sampling)
    "stage-2-sampling.xlsx": ["Cover", "Populations"],
    "service-register.xlsx": ["Cover", "Service catalogue", "Customers",
                              "Service level agreements"],
    "supplier-register.xlsx": ["Cover", "Supplier register", "Supplier reviews"],
    # then the computed "Implemented by" and "Evidence" columns (e2e.soa)
    "statement-of-applicability.xlsx": ["Cover", "Statement of Applicability"],
}
# The sheet that lists every record of a built-in kind.
KIND_SHEETS = {
    "risk": ("risk-register.xlsx", "Risks"),
    "training": ("training-register.xlsx", "Training records"),
    "competence": ("training-register.xlsx", "Competence requirements"),
    "person": ("training-register.xlsx", "People"),
    "audit": ("audit-register.xlsx", "Audit programme"),
    "finding": ("audit-register.xlsx", "Findings"),
    "action": ("audit-register.xlsx", "Corrective actions"),
    "service": ("service-register.xlsx", "Service catalogue"),
    "customer": ("service-register.xlsx", "Customers"),
    "sla": ("service-register.xlsx", "Service level agreements"),
    "supplier": ("supplier-register.xlsx", "Supplier register"),
    "supplier-review": ("supplier-register.xlsx", "Supplier reviews"),
    "applicability": ("statement-of-applicability.xlsx", "Statement of Applicability"),
}
DOCUMENT_COLUMNS = ["id", "title", "type", "clauses", "owner", "author", "approver", "version",
                    "status", "classification", "effective", "approved on", "approved by",
                    "last review", "review cycle", "next review", "change summary",
                    "changed after approval", "approval problems", "source"]
CLAUSE_COLUMNS = ["Clause", "Title", "State", "Documents", "Processes", "Records",
                  "Document IDs", "Process IDs", "Not in force", "Record IDs", "Internal audits",
                  "Last internal audit", "Audited in cycle", "External audits",
                  "Last external audit", "Open findings"]
CLAUSE_STATES = ["covered", "partly covered", "documented only", "evidenced only", "not covered"]
CLASSIFICATIONS = ["major", "minor", "observation", "ofi"]
DEFAULT_SCORING = {
    "formula": "multiply",
    "likelihood": {1: "Rare", 2: "Unlikely", 3: "Possible", 4: "Likely", 5: "Almost certain"},
    "impact": {1: "Negligible", 2: "Minor", 3: "Moderate", 4: "Major", 5: "Severe"},
    "bands": [{"name": "Low", "min": 1, "colour": "#C6EFCE"},
              {"name": "Medium", "min": 8, "colour": "#FFEB9C"},
              {"name": "High", "min": 15, "colour": "#FFC7CE"}],
    "acceptance": 7,
}

# --- A reader for the YAML the SMS files use ---------------------------------
#
# The tests use the standard library and openpyxl only, so this reads the
# subset of YAML that smsdoc.yaml, kinds.yaml, front matter and records/
# use: block mappings and sequences, flow [..] and {..}, plain and quoted
# scalars, block scalars (> and |) and comments. Dates stay text (ISO) and
# yes/no stay text.

_KEY_RE = re.compile(r"""^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s"'\[\]{}#,:-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?:\s+(.*))?$""")
_INT_RE = re.compile(r"^[-+]?[0-9]+$")
_FLOAT_RE = re.compile(r"^[-+]?([0-9]+\.[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$")


class YamlError(Exception):
    pass


def _strip_comment(text):
    """Drops a ' # comment' outside quotes."""
    quote = None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or text[i - 1] in " [{,:"):
            quote = ch
        elif ch == "#" and (i == 0 or text[i - 1] in " \t"):
            return text[:i].rstrip()
    return text.rstrip()


def _scalar(text):
    text = text.strip()
    if text.startswith('"'):
        body = text[1:-1]
        return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), body)
    if text.startswith("'"):
        return text[1:-1].replace("''", "'")
    if text in ("", "~", "null", "Null", "NULL"):
        return None
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    if _INT_RE.match(text):
        return int(text)
    if _FLOAT_RE.match(text):
        return float(text)
    return text


class _Flow:
    def __init__(self, text):
        self.s = text
        self.i = 0

    def ws(self):
        while self.i < len(self.s) and self.s[self.i] in " \t\n":
            self.i += 1

    def value(self):
        self.ws()
        ch = self.s[self.i]
        if ch == "[":
            self.i += 1
            out = []
            while True:
                self.ws()
                if self.s[self.i] == "]":
                    self.i += 1
                    return out
                out.append(self.value())
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
        if ch == "{":
            self.i += 1
            out = {}
            while True:
                self.ws()
                if self.s[self.i] == "}":
                    self.i += 1
                    return out
                key = self.scalar()
                self.ws()
                if self.s[self.i] != ":":
                    raise YamlError("expected ':' in flow mapping: " + self.s)
                self.i += 1
                out[key] = self.value()
                self.ws()
                if self.s[self.i] == ",":
                    self.i += 1
        return self.scalar()

    def scalar(self):
        self.ws()
        start = self.i
        ch = self.s[self.i]
        if ch in "\"'":
            self.i += 1
            while True:
                c = self.s[self.i]
                if ch == '"' and c == "\\":
                    self.i += 2
                    continue
                if c == ch:
                    if ch == "'" and self.s[self.i + 1:self.i + 2] == "'":
                        self.i += 2
                        continue
                    self.i += 1
                    break
                self.i += 1
            return _scalar(self.s[start:self.i])
        while self.i < len(self.s):
            c = self.s[self.i]
            if c in ",]}":
                break
            if c == ":" and (self.i + 1 == len(self.s) or self.s[self.i + 1] in " \n,]}"):
                break
            self.i += 1
        return _scalar(self.s[start:self.i])


def _balanced(text):
    depth, quote = 0, None
    for i, ch in enumerate(text):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or text[i - 1] in " [{,:"):
            quote = ch
        elif ch in "[{":
            depth += 1
        elif ch in "]}":
            depth -= 1
    return depth <= 0


class MiniYaml:
    def __init__(self, text):
        self.lines = text.replace("\r\n", "\n").replace("\t", "    ").split("\n")
        self.i = 0

    @staticmethod
    def indent(line):
        return len(line) - len(line.lstrip(" "))

    def skip(self):
        while self.i < len(self.lines):
            s = self.lines[self.i].strip()
            if s == "" or s.startswith("#") or s in ("---", "..."):
                self.i += 1
            else:
                break

    def eof(self):
        self.skip()
        return self.i >= len(self.lines)

    def parse(self):
        if self.eof():
            return None
        value = self.node(self.indent(self.lines[self.i]))
        if not self.eof():
            raise YamlError("unexpected line %d: %r" % (self.i + 1, self.lines[self.i]))
        return value

    def node(self, ind):
        line = self.lines[self.i]
        content = line.strip()
        if content == "-" or content.startswith("- "):
            return self.seq(ind)
        return self.mapping(ind)

    def seq(self, ind):
        out = []
        while not self.eof():
            line = self.lines[self.i]
            content = line.strip()
            if self.indent(line) != ind or not (content == "-" or content.startswith("- ")):
                break
            rest = content[1:].lstrip()
            if rest == "" or rest.startswith("#"):
                self.i += 1
                if self.eof():
                    out.append(None)
                    break
                out.append(self.node(self.indent(self.lines[self.i])))
            elif _KEY_RE.match(_strip_comment(rest)) and rest[0] not in "[{\"'":
                col = ind + len(content) - len(rest)
                self.lines[self.i] = " " * col + rest
                out.append(self.mapping(col))
            else:
                self.i += 1
                out.append(self.inline(rest, ind))
        return out

    def mapping(self, ind):
        out = {}
        while not self.eof():
            line = self.lines[self.i]
            li = self.indent(line)
            if li < ind:
                break
            if li > ind:
                raise YamlError("bad indentation at line %d: %r" % (self.i + 1, line))
            content = line.strip()
            if content.startswith("- "):
                break
            m = _KEY_RE.match(_strip_comment(content))
            if not m:
                raise YamlError("not a key at line %d: %r" % (self.i + 1, line))
            key = _scalar(m.group(1))
            rest = (m.group(2) or "")
            self.i += 1
            if rest.lstrip().startswith((">", "|")):
                out[key] = self.block_scalar(rest.strip(), ind)
                continue
            rest = _strip_comment(rest)
            if rest == "":
                if not self.eof():
                    nl = self.lines[self.i]
                    ni = self.indent(nl)
                    if ni > ind or (ni == ind and nl.strip().startswith("- ")):
                        out[key] = self.node(ni)
                        continue
                out[key] = None
            else:
                out[key] = self.inline(rest, ind)
        return out

    def inline(self, rest, ind):
        rest = _strip_comment(rest)
        if rest[:1] in "[{":
            text = rest
            while not _balanced(text):
                text += "\n" + _strip_comment(self.lines[self.i].strip())
                self.i += 1
            return _Flow(text).value()
        if rest[:1] in "\"'":
            text = rest
            q = rest[0]
            while not self._closed(text, q):
                text += " " + self.lines[self.i].strip()
                self.i += 1
            return _scalar(text)
        # A plain scalar may continue on more indented lines.
        parts = [rest]
        while self.i < len(self.lines):
            nl = self.lines[self.i]
            if nl.strip() == "" or self.indent(nl) <= ind or nl.strip().startswith("#"):
                break
            parts.append(_strip_comment(nl.strip()))
            self.i += 1
        return _scalar(" ".join(parts))

    @staticmethod
    def _closed(text, q):
        body = text[1:]
        if q == '"':
            body = re.sub(r"\\.", "", body)
        else:
            body = body.replace("''", "")
        return q in body

    def block_scalar(self, header, ind):
        style, chomp = header[0], ""
        for ch in header[1:]:
            if ch in "+-":
                chomp = ch
        raw = []
        while self.i < len(self.lines):
            line = self.lines[self.i]
            if line.strip() and self.indent(line) <= ind:
                break
            raw.append(line)
            self.i += 1
        while raw and not raw[-1].strip():
            raw.pop()
        body = [l for l in raw if l.strip()]
        if not body:
            return ""
        base = min(self.indent(l) for l in body)
        lines = [l[base:] if l.strip() else "" for l in raw]
        if style == "|":
            text = "\n".join(lines)
        else:
            text, prev_blank = "", True
            for l in lines:
                if l == "":
                    text += "\n"
                    prev_blank = True
                elif l.startswith(" "):
                    text += ("\n" if text and not text.endswith("\n") else "") + l + "\n"
                    prev_blank = True
                else:
                    text += ("" if prev_blank else " ") + l
                    prev_blank = False
        text = text.rstrip("\n")
        return text if chomp == "-" else text + "\n"


def parse_yaml(text):
    return MiniYaml(text).parse()


# --- The SMS as the YAML files say it is -------------------------------------

def read_yaml(path):
    with open(path, encoding="utf-8-sig") as fh:
        return parse_yaml(fh.read())


def front_matter(path):
    with open(path, encoding="utf-8-sig") as fh:
        lines = fh.read().replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    for i in range(1, len(lines)):
        if lines[i].strip() in ("---", "..."):
            return parse_yaml("\n".join(lines[1:i]))
    return None


def iso(value):
    """A YAML date (kept as text by parse_yaml) as a datetime.date."""
    return datetime.date.fromisoformat(str(value))


def add_months(day, months):
    """Excel's EDATE: the same day `months` later, clamped to the month's end."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    following = datetime.date(year + month // 12, month % 12 + 1, 1)
    return datetime.date(year, month, min(day.day, (following - datetime.timedelta(days=1)).day))


def norm_space(text):
    return " ".join(str(text).split())


def truthy_yaml(value):
    return value is True or str(value).lower() in ("true", "yes")


class Sms:
    """smsdoc.yaml, the record kinds (kinds.yaml plus smsdoc.yaml `kinds:`),
    the records and the documents of one SMS folder."""

    def __init__(self, root):
        self.root = root
        self.config = read_yaml(os.path.join(root, "smsdoc.yaml"))
        folders = {"policies": "policies", "processes": "processes", "records": "records"}
        folders.update(self.config.get("folders") or {})
        builtin = read_yaml(os.path.join(testlib.REPO, "src", "model", "kinds.yaml"))
        self.common = builtin["common"]
        self.kinds = {}
        for name, spec in builtin["kinds"].items():
            self.kinds[name] = dict(spec, fields=dict(spec.get("fields") or {}))
        for name, spec in (self.config.get("kinds") or {}).items():
            kind = self.kinds.setdefault(name, {"fields": {}, "columns": ["id", "title", "status"],
                                                "done": [], "title": name})
            for key, value in spec.items():
                if key == "fields":
                    kind["fields"].update(value or {})
                else:
                    kind[key] = value
        self.roles = {key: (value or {}).get("title", key)
                      for key, value in self.config["roles"].items()}
        self.scoring = dict(DEFAULT_SCORING)
        self.scoring.update(self.config.get("risk_scoring") or {})
        self.records = []
        pattern = os.path.join(root, folders["records"], "**", "*.y*ml")
        for path in sorted(glob.glob(pattern, recursive=True)):
            data = read_yaml(path)
            self.records += data if isinstance(data, list) else [data] if data else []
        # KPI measurements are no records: they are in no register workbook.
        self.records = [r for r in self.records if r.get("kind") != "measurement"]
        self.by_kind = {}
        for record in self.records:
            self.by_kind.setdefault(record["kind"], []).append(record)
        self.by_id = {record["id"]: record for record in self.records}
        self.documents = []
        for folder in ("policies", "processes"):
            pattern = os.path.join(root, folders[folder], "**", "*.md")
            for path in sorted(glob.glob(pattern, recursive=True)):
                doc = front_matter(path)
                if doc:
                    doc["_path"] = os.path.relpath(path, root).replace(os.sep, "/")
                    doc["_process"] = folder == "processes"  # a process definition
                    self.documents.append(doc)

    # kinds and fields

    def field(self, kind, name):
        spec = self.kinds[kind]["fields"].get(name) or self.common.get(name)
        return dict(spec, name=name) if spec is not None else None

    def label(self, kind, name):
        spec = self.field(kind, name)
        if spec and spec.get("label"):
            return str(spec["label"])
        if name == "id":
            return "ID"
        text = name.replace("_", " ")
        return text[:1].upper() + text[1:]

    def labels(self, kind):
        return [self.label(kind, c) for c in self.kinds[kind]["columns"]]

    def evidence_column(self, kind):
        """["Evidence files"] when a record of the kind lists evidence files:
        the last column of its sheet (docs/content-model.md#evidence-files)."""
        listed = any(r.get("evidence_files") for r in self.by_kind.get(kind, []))
        # The Statement of Applicability's computed columns come last (e2e.soa).
        soa = ["Implemented by", "Evidence"] if kind == "applicability" else []
        return (["Evidence files"] if listed else []) + soa

    def fields_by_label(self, kind):
        names = list(self.kinds[kind]["fields"]) + list(self.common)
        return {self.label(kind, n): self.field(kind, n) for n in names}

    def done(self, record):
        return record["status"] in (self.kinds[record["kind"]].get("done") or [])

    def done_for(self, kind, spec):
        """The statuses that end an overdue date's obligation: the field's
        own `done`, else the kind's (an accepted risk still has reviews due)."""
        return [str(s) for s in (spec.get("done") or self.kinds[kind].get("done") or [])]

    def record_clauses(self, record):
        """The clauses a record names: its `clauses` and its clause fields."""
        refs = [str(c) for c in record.get("clauses") or []]
        for name, spec in self.kinds[record["kind"]]["fields"].items():
            if (spec or {}).get("type") == "clause" and record.get(name):
                refs.append(str(record[name]))
        return refs

    def workbook_of(self, kind):
        if kind in KIND_SHEETS:
            return KIND_SHEETS[kind][0]
        return kind + "-register.xlsx"

    def expected_workbooks(self):
        books = dict(WORKBOOK_SHEETS)
        # Written only when smsdoc.yaml names mappings (e2e.frameworks).
        if self.config.get("mappings"):
            books["framework-matrix.xlsx"] = ["Cover", "Cross-framework matrix"]
        for kind in self.kinds:
            if kind not in KIND_SHEETS:
                books[kind + "-register.xlsx"] = None  # Cover and one sheet
        return books

    # risk scoring

    def combine(self, a, b):
        return a + b if self.scoring.get("formula") == "add" else a * b

    def bands(self):
        return sorted(self.scoring["bands"], key=lambda b: b["min"])

    def band(self, score):
        found = None
        for band in self.bands():
            if score >= band["min"]:
                found = band
        return found

    def looked_up(self, record, spec):
        """A lookup field's (value, type): the field of the record its ref names."""
        of = spec["of"][0] if isinstance(spec["of"], list) else spec["of"]
        target = self.by_id.get(record.get(of))
        if target is None:
            return None, "text"
        field = self.field(target["kind"], spec["field"])
        return target.get(spec["field"]), field["type"]

    def score(self, record, spec):
        a, b = (record.get(name) for name in spec["of"])
        return None if a is None or b is None else self.combine(int(a), int(b))

    def computed(self, record, spec):
        """The value of a score, level or exceeds field, None when unset."""
        kind = record["kind"]
        if spec["type"] == "score":
            return self.score(record, spec)
        score = self.score(record, self.field(kind, spec["of"]))
        if score is None:
            return None
        if spec["type"] == "level":
            band = self.band(score)
            return band["name"] if band else ""
        if record.get("type") == "opportunity":
            return ""  # acceptance is about threats
        return "Yes" if score > self.scoring["acceptance"] else "No"

    def expected_colour(self, record, spec):
        """The fill a register gives the field of the record as of AS_OF."""
        if spec["type"] in ("score", "level"):
            if record.get("type") == "opportunity":
                return None  # band colours say how bad a threat is
            of = spec if spec["type"] == "score" else self.field(record["kind"], spec["of"])
            score = self.score(record, of)
            band = self.band(score) if score is not None else None
            return band["colour"].lstrip("#").upper() if band else None
        value = record.get(spec["name"])
        if spec["type"] != "date" or value is None:
            return None
        day = iso(value)
        if (spec.get("overdue") and day < AS_OF_DATE
                and record["status"] not in self.done_for(record["kind"], spec)):
            return RED
        # An expiry ends only by the field's own done statuses (a training
        # marked expired has been dealt with).
        if spec.get("expiry") and record["status"] not in (spec.get("done") or []):
            if day < AS_OF_DATE:
                return RED
            if day < AS_OF_DATE + datetime.timedelta(days=EXPIRING_DAYS):
                return AMBER
        return None


# --- Clause coverage, as docs/registers.md and the clause pages define it -----

def clause_catalogue():
    """[(id, title)] of ISO/IEC 20000-1:2018 in catalogue order: from the
    shared reference beside the repository when there is one (independent of
    the code), else from the built-in catalogue
    src/model/frameworks/iso20000-1.yaml."""
    shared = os.path.join(os.path.dirname(testlib.REPO), "shared", "reference",
                          "iso20000-1-2018-clauses.yaml")
    if os.path.exists(shared):
        return [(str(c["id"]), str(c["title"])) for c in read_yaml(shared)["clauses"]]
    with open(os.path.join(testlib.REPO, "src", "model", "frameworks", "iso20000-1.yaml"),
              encoding="utf-8") as fh:
        text = fh.read()
    items = text[text.index("\nitems:"):text.index("\nreadiness:")]
    return re.findall(r'\{number: "([0-9.]+)", title: "?([^"}]*?)"?\}', items)


def addresses(ref, clause):
    """A reference to `ref` names all of it: `clause` itself or a sub-clause."""
    return clause == ref or clause.startswith(ref + ".")


def leaves_of(ids):
    """{clause: [its leaves]} for every clause of the catalogue `ids`; a
    clause is a leaf when the next entry is not its sub-clause."""
    leaf = {c: not (i + 1 < len(ids) and addresses(c, ids[i + 1])) for i, c in enumerate(ids)}
    return {c: [d for d in ids if leaf[d] and addresses(c, d)] for c in ids}


def performed_by(event):
    """The day a completed audit was performed (a review held), None when it
    was not (yet) as of AS_OF: planned, cancelled or dated after the as-of date."""
    date = event.get("performed" if event["kind"] == "audit" else "held")
    if event["status"] != "completed" or not date:
        return None
    day = iso(date)
    return day if day <= AS_OF_DATE else None


def is_evidence(record):
    """Audits and reviews once held, trainings once no longer planned, any
    other record."""
    if record["kind"] in ("audit", "review"):
        return performed_by(record) is not None
    return record["kind"] != "training" or record["status"] != "planned"


def coverage(sms, catalogue):
    """{clause: facts} in catalogue order, by the rules of clause coverage:
    - an item naming clause C addresses C and all its sub-clauses; a clause's
      lists hold the items naming it, an ancestor or a descendant (by ID);
    - documented: a document or process in force (approved) addresses it;
      drafts and retired documents are listed as not in force, never counted;
    - evidenced: a record addresses it; audits and reviews only once held (by
      the as-of date), trainings once not planned; audits only internal ones,
      the others are external audits;
    - a leaf's state from what addresses it; a parent's from its leaves: their
      common state, else "partly covered" unless none is covered at all;
    - last internal (external) audit: a leaf's latest performed date of the
      audits addressing it; a parent's the oldest of its leaves', None when a
      leaf has none; audited in cycle: every leaf audited internally within
      AUDIT_CYCLE_MONTHS before the as-of date."""
    ids = [c for c, _ in catalogue]
    leaves = leaves_of(ids)
    cycle_start = add_months(AS_OF_DATE, -AUDIT_CYCLE_MONTHS)
    items = [(d["id"], d, [str(c) for c in d.get("clauses") or []]) for d in sms.documents]
    items += [(r["id"], r, sms.record_clauses(r)) for r in sms.records]
    items.sort(key=lambda item: item[0])
    out = {}
    for clause in ids:
        facts = {key: [] for key in ("documents", "processes", "not_in_force", "records",
                                     "internal_audits", "external_audits", "open_findings")}
        facts.update(leaf=leaves[clause] == [clause], last_internal=None, last_external=None)
        for item_id, item, refs in items:
            names = any(addresses(ref, clause) for ref in refs)
            if not names and not any(addresses(clause, ref) for ref in refs):
                continue  # neither it, an ancestor nor a sub-clause
            if "kind" not in item:  # a document
                key = ("not_in_force" if item["status"] != "approved"
                       else "processes" if item["_process"] else "documents")
                facts[key].append(item_id)
                continue
            if item["kind"] == "finding" and not sms.done(item):
                facts["open_findings"].append(item_id)
            if not is_evidence(item):
                continue
            if item["kind"] != "audit":
                facts["records"].append(item_id)
                continue
            performed = performed_by(item)
            internal = item.get("type") == "internal"
            if internal:
                facts["records"].append(item_id)
            facts["internal_audits" if internal else "external_audits"].append(item_id)
            last = "last_internal" if internal else "last_external"
            if names and facts["leaf"]:
                facts[last] = max(filter(None, (facts[last], performed)))
        out[clause] = facts
    for clause in ids:  # leaves first: parents are judged from them
        facts = out[clause]
        if facts["leaf"]:
            documented = bool(facts["documents"] or facts["processes"])
            evidenced = bool(facts["records"])
            facts["state"] = ("covered" if documented and evidenced
                              else "documented only" if documented
                              else "evidenced only" if evidenced else "not covered")
    for clause in ids:
        facts = out[clause]
        below = [out[leaf] for leaf in leaves[clause]]
        if not facts["leaf"]:
            states = {f["state"] for f in below}
            facts["state"] = (states.pop() if len(states) == 1
                              else "partly covered" if states - {"not covered"}
                              else "not covered")
            for last in ("last_internal", "last_external"):
                dates = [f[last] for f in below]
                facts[last] = None if None in dates else min(dates)
        facts["audited_in_cycle"] = all(f["last_internal"] is not None and
                                        f["last_internal"] >= cycle_start for f in below)
    return out


def audit_grid(sms, catalogue):
    """(periods, {(clause, period): "audited" | "planned" | None}) of the
    audit register's coverage grid: the internal audits not cancelled, by
    period; a leaf is audited in a period when an internal audit of the
    period performed by the as-of date addresses it, else planned when one
    not cancelled does (also one completed but dated after the as-of date); a
    parent takes the weakest of its leaves (None < planned < audited)."""
    audits = [a for a in sms.by_kind.get("audit", [])
              if a.get("type") == "internal" and a["status"] != "cancelled"]
    periods = sorted({str(a["period"]) for a in audits})
    ids = [c for c, _ in catalogue]
    leaves = leaves_of(ids)
    rank = {None: 0, "planned": 1, "audited": 2}
    cells = {}
    for leaf in (c for c in ids if leaves[c] == [c]):
        for period in periods:
            found = [a for a in audits if str(a["period"]) == period and
                     any(addresses(str(ref), leaf) for ref in sms.record_clauses(a))]
            cells[leaf, period] = ("audited" if any(performed_by(a) for a in found)
                                   else "planned" if found else None)
    for clause in ids:
        for period in periods:
            cells[clause, period] = min((cells[leaf, period] for leaf in leaves[clause]),
                                        key=rank.get)
    return periods, cells


def document_dates(doc):
    """(approved on, last review, next review) of a document approved by its
    front matter: the last review is the later of approval and review (None
    when neither is recorded: the workbook says "none recorded"); the next
    review review_months after it, else after the effective date."""
    approved = iso(doc["approved_on"]) if doc.get("approved_on") else None
    reviewed = iso(doc["reviewed_on"]) if doc.get("reviewed_on") else None
    last = max([d for d in (approved, reviewed) if d], default=None)
    return approved, last, add_months(last or iso(doc["effective"]), int(doc["review_months"]))


# --- Workbooks ----------------------------------------------------------------

def split_ref(ref):
    m = re.match(r"^\$?([A-Z]{1,3})\$?([0-9]+)$", ref)
    return openpyxl.utils.column_index_from_string(m.group(1)), int(m.group(2))


class Book:
    """One workbook, read twice: with formulas and with cached values."""

    def __init__(self, path):
        self.path = path
        self.wb = openpyxl.load_workbook(path)
        self.cached = openpyxl.load_workbook(path, data_only=True)
        with zipfile.ZipFile(path) as z:
            self.parts = {name: z.read(name) for name in z.namelist()}

    def sheet_xml(self, title):
        """The raw XML of the worksheet called title."""
        index = self.wb.sheetnames.index(title) + 1
        return self.parts["xl/worksheets/sheet%d.xml" % index].decode("utf-8")

    def header(self, title):
        ws = self.wb[title]
        return [c.value for c in next(ws.iter_rows(min_row=1, max_row=1))]

    def data_rows(self, title):
        ws = self.wb[title]
        return max(ws.max_row - 1, 0)

    def ids(self, title):
        ws = self.wb[title]
        return [ws.cell(row=r, column=1).value for r in range(2, ws.max_row + 1)]

    def row_of(self, title):
        return {value: r + 2 for r, value in enumerate(self.ids(title))}


def wrapped_lines(text, width):
    """Lines of a greedy word wrap at width - 1 characters (Excel pads a
    cell), a word longer than a line taking as many as it fills."""
    room = max(1, int(width - 1))
    lines = 0
    for paragraph in text.split("\n"):
        count, used = 1, 0
        for word in paragraph.split(" "):
            if not word:
                continue
            need = len(word) if used == 0 else used + 1 + len(word)
            if need <= room:
                used = need
                continue
            if used:
                count += 1
            count += (len(word) - 1) // room
            used = (len(word) - 1) % room + 1
        lines += count
    return max(lines, 1)


def rule_formulas(ws, col):
    """The conditional formatting formulas whose range covers column col."""
    out = []
    for cf in ws.conditional_formatting:
        if any(r.min_col <= col <= r.max_col for r in cf.sqref.ranges):
            out += [rule.formula[0] for rule in cf.rules]
    return out


def validations(ws, col, first_row, last_row):
    """The data validations that cover rows first_row..last_row of column col."""
    out = []
    for dv in ws.data_validations.dataValidation:
        for r in dv.sqref.ranges:
            if r.min_col <= col <= r.max_col and r.min_row <= first_row and r.max_row >= last_row:
                out.append(dv)
                break
    return out


def list_values(dv):
    text = dv.formula1 or ""
    return text[1:-1].split(",") if text.startswith('"') else None


# --- Site pages -------------------------------------------------------------

class RegisterPage(HTMLParser):
    """The first register table of a page, its download links and links."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.downloads, self.links = [], []
        self.headers, self.rows = [], []
        self.state = None  # None, "table", "done"
        self.cell = None
        self.in_mark = False  # inside a cell's span.mark: the state or band as a word
        self.feed(text)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
            if "download" in classes:
                self.downloads.append(attrs["href"])
            if self.cell is not None:
                self.cell["hrefs"].append(attrs["href"])
        if tag == "table" and "register" in classes and self.state is None:
            self.state = "table"
        if self.state != "table":
            return
        if tag == "tr" and self.headers:
            self.rows.append([])
        if tag == "th":
            self.cell = {"text": "", "classes": classes, "style": "", "hrefs": [], "marks": []}
        if tag == "td" and self.rows:
            self.cell = {"text": "", "classes": classes, "style": attrs.get("style") or "",
                         "hrefs": [], "marks": []}
        if tag == "span" and "mark" in classes and self.cell is not None:
            self.in_mark = True
            self.cell["marks"].append("")

    def handle_data(self, data):
        if self.cell is not None and self.in_mark:
            self.cell["marks"][-1] += data
        elif self.cell is not None:
            self.cell["text"] += data

    def handle_endtag(self, tag):
        if self.state != "table":
            return
        if tag == "span":
            self.in_mark = False
        if tag == "th" and self.cell is not None:
            self.headers.append(norm_space(self.cell["text"]))
            self.cell = None
        if tag == "td" and self.cell is not None:
            self.cell["text"] = norm_space(self.cell["text"])
            self.rows[-1].append(self.cell)
            self.cell = None
        if tag == "table":
            self.state = "done"

    def colour(self, cell):
        """The fill the page gives a cell: its state class or band colour."""
        if {"overdue", "expired"} & set(cell["classes"]):
            return RED
        if "expiring" in cell["classes"]:
            return AMBER
        m = re.search(r"background:\s*#([0-9A-Fa-f]{6})", cell["style"])
        return m.group(1).upper() if m else None


def build(root, out, as_of=AS_OF, env=None):
    args = [testlib.SMSDOC, "build", "--root", root, "--out", out]
    if as_of:
        args += ["--as-of", as_of]
    return subprocess.run(args, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, **(env or {})))


# --- The tests ----------------------------------------------------------------

class RegistersCase:
    """The checks every SMS's registers must pass, computed from its YAML.
    Subclasses name the SMS folder (root)."""

    maxDiff = None

    @classmethod
    def root(cls):
        raise NotImplementedError

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-registers-")
        cls.out = os.path.join(cls.tmp.name, "site")
        cls.built_at = time.time()
        cls.result = build(cls.root(), cls.out)
        cls.sms = Sms(cls.root())
        cls.books = {}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def setUp(self):
        if openpyxl is None:
            self.fail("these tests need python3-openpyxl (apt-get install python3-openpyxl)")
        self.assertEqual(self.result.returncode, 0, self.result.stderr)

    # helpers

    def book(self, name):
        if name not in self.books:
            path = os.path.join(self.out, "registers", name)
            self.assertTrue(os.path.isfile(path), "missing " + path)
            self.books[name] = Book(path)
        return self.books[name]

    def record_sheets(self):
        """(kind, workbook, sheet) for every kind: where its records are listed."""
        out = []
        for kind in self.sms.kinds:
            if kind in KIND_SHEETS:
                out.append((kind,) + KIND_SHEETS[kind])
            else:
                name = self.sms.workbook_of(kind)
                out.append((kind, name, self.book(name).wb.sheetnames[1]))
        return out

    def table_sheets(self):
        """(workbook, sheet) of every sheet with a header row (all but the
        cover and the grids)."""
        grids = {"Cover", "Criteria", "Heat map", "Residual heat map", "Skills matrix"}
        out = []
        for name in sorted(self.sms.expected_workbooks()):
            for title in self.book(name).wb.sheetnames:
                if title not in grids:
                    out.append((name, title))
        return out

    def sheets_of_kind(self):
        """(kind, workbook, sheet, records expected on it) including the
        treatment plan, whose rows are a selection of the risks."""
        out = []
        # Kinds read from ITSM exports: their rows are compared with the
        # CSV files by imports_test.py.
        imported = {i["kind"] for i in self.sms.config.get("imports") or []}
        for kind, name, title in self.record_sheets():
            if kind not in imported:
                out.append((kind, name, title, self.sms.by_kind.get(kind, [])))
        out.append(("risk", "risk-register.xlsx", "Treatment plan", self.treatment_plan()))
        return out

    def treatment_plan(self):
        # docs/registers.md: risks and opportunities not accepted or closed
        # whose treatment is not retain. One with no treatment chosen yet
        # has not been retained: it still needs a plan.
        return [r for r in self.sms.by_kind.get("risk", [])
                if not self.sms.done(r) and r.get("treatment") != "retain"]

    def columns_of(self, kind, book, title):
        """{column number: field spec} from the sheet's header labels."""
        by_label = self.sms.fields_by_label(kind)
        out = {}
        for col, label in enumerate(book.header(title), start=1):
            if label in by_label:
                out[col] = by_label[label]
        return out

    # the workbooks

    def test_workbook_files_and_sheets(self):
        expected = self.sms.expected_workbooks()
        written = sorted(os.listdir(os.path.join(self.out, "registers")))
        self.assertEqual(written, sorted(expected))
        for name, sheets in sorted(expected.items()):
            names = self.book(name).wb.sheetnames
            if sheets is None:
                self.assertEqual(len(names), 2, name)
                self.assertEqual(names[0], "Cover", name)
            elif name in ("kpi-register.xlsx", "stage-2-sampling.xlsx"):
                self.assertEqual(names[:len(sheets)], sheets, name)
            else:
                self.assertEqual(names, sheets, name)

    def test_workbook_properties(self):
        organization = self.sms.config["organization"]
        for name in self.sms.expected_workbooks():
            book = self.book(name)
            props = book.wb.properties
            self.assertTrue(props.title, name + ": no title")
            self.assertEqual(props.created, datetime.datetime(2026, 11, 21), name)
            app = book.parts["docProps/app.xml"].decode("utf-8")
            m = re.search(r"<Company>(.*?)</Company>", app, re.S)
            self.assertIsNotNone(m, name + ": no company")
            self.assertEqual(html.unescape(m.group(1)), organization, name)

    def revision(self):
        """HEAD's short hash when the SMS is in git, else None."""
        git = subprocess.run(["git", "-C", self.root(), "rev-parse", "--verify", "-q", "HEAD"],
                             capture_output=True, text=True)
        return git.stdout.strip()[:12] if git.returncode == 0 else None

    def test_cover_sheets(self):
        version = testlib.run(["--version"]).stdout.strip()
        self.assertRegex(version, r"^smsdoc \S+$")
        revision = self.revision()
        for name in self.sms.expected_workbooks():
            book = self.book(name)
            ws = book.wb["Cover"]
            pairs = {}
            texts = []
            for row in ws.iter_rows(values_only=True):
                texts += [str(v) for v in row if v is not None]
                if row and isinstance(row[0], str) and len(row) > 1:
                    pairs[row[0].strip().lower()] = row[1]
            with self.subTest(workbook=name):
                self.assertEqual(pairs.get("organization", pairs.get("organisation")),
                                 self.sms.config["organization"])
                self.assertEqual(pairs.get("register"), book.wb.properties.title)
                self.assertEqual(pairs.get("as of"), datetime.datetime(2026, 11, 21))
                self.assertTrue(any(version in t for t in texts), "no '%s' on the cover" % version)
                self.assertIn("source revision", pairs)
                # Honest about what the file is: generated, never read back.
                self.assertIn("records/", pairs.get("source", ""))
                self.assertIn("never read back", pairs.get("edits", ""))
                if revision:
                    self.assertIn(revision, str(pairs["source revision"]))
                for title in book.wb.sheetnames:
                    if (name, title) in self.table_sheets():
                        self.assertEqual(pairs.get(title.lower()), book.data_rows(title),
                                         "rows of %s on the cover" % title)

    def test_table_sheet_layout(self):
        for name, title in self.table_sheets():
            book = self.book(name)
            ws = book.wb[title]
            header = book.header(title)
            rows = book.data_rows(title)
            with self.subTest(workbook=name, sheet=title):
                self.assertTrue(all(isinstance(h, str) and h for h in header), header)
                self.assertTrue(all(c.font.b for c in ws[1]), "header row not bold")
                self.assertEqual(ws.freeze_panes, "B2")
                # An Excel Table (its own filter), so added rows get the
                # drop-downs, colours and formulas (test_tables_extend).
                self.assertEqual(len(ws.tables), 1, "not one Table")
                table = list(ws.tables.values())[0]
                self.assertIsNone(ws.auto_filter.ref, "a filter beside the Table's")
                self.assertEqual([c.name for c in table.tableColumns], header)
                first, last = table.ref.split(":")
                self.assertEqual(first, "A1")
                last_col, last_row = split_ref(last)
                self.assertEqual(last_col, len(header))
                self.assertEqual(last_row, max(rows, 1) + 1)
                self.assertEqual(ws.print_title_rows, "$1:$1")
                self.assertEqual(ws.print_title_cols, "$A:$A")

    def test_print_setup(self):
        # A4 landscape at a fixed scale (never fit to a page width, which
        # shrank wide sheets to 4 pt): Calibri 11 prints at >= 8 pt; pages
        # run across, then down, repeating the header row and ID column.
        # The PDF printed by LibreOffice is measured in libreoffice_test.py.
        for name in self.sms.expected_workbooks():
            book = self.book(name)
            for ws in book.wb.worksheets:
                with self.subTest(workbook=name, sheet=ws.title):
                    self.assertEqual(ws.page_setup.orientation, "landscape")
                    self.assertEqual(str(ws.page_setup.paperSize), "9")  # A4
                    fit = ws.sheet_properties.pageSetUpPr
                    self.assertFalse(fit is not None and fit.fitToPage, "fit to page")
                    self.assertGreaterEqual(11 * int(ws.page_setup.scale) / 100, 8)
                    self.assertEqual(ws.page_setup.pageOrder, "overThenDown")
                    header = [part.text or "" for part in
                              (ws.oddHeader.left, ws.oddHeader.center, ws.oddHeader.right)]
                    self.assertEqual(header[0], self.sms.config["organization"].replace("&", "&&"))
                    self.assertEqual(header[1], "%s - %s" % (
                        book.wb.properties.title.replace("&", "&&"), ws.title))
                    self.assertTrue(header[2].startswith("As of %s\nrevision " % AS_OF), header)
                    self.assertIn(self.revision() or "not in git", header[2])
                    footer = " ".join(part.text or "" for part in
                                      (ws.oddFooter.left, ws.oddFooter.center,
                                       ws.oddFooter.right))
                    self.assertIn(book.wb.properties.title.replace("&", "&&"), footer)
                    self.assertIn(ws.title, footer)
                    self.assertIn("Page &P of &N", footer)

    def test_wrapped_text_gets_row_height(self):
        # libxlsxwriter does not fit rows: a row is 15 pt a line of its
        # longest wrapped cell, counted here by a word wrap of its own at
        # the column's width, so text never prints over the next row.
        for name, title in self.table_sheets():
            ws = self.book(name).wb[title]
            widths = {c: ws.column_dimensions[openpyxl.utils.get_column_letter(c)].width
                      for c in range(1, ws.max_column + 1)}
            for r in range(1, ws.max_row + 1):
                lines = 1
                for c in range(1, ws.max_column + 1):
                    cell = ws.cell(row=r, column=c)
                    if not isinstance(cell.value, str) or cell.data_type == "f":
                        continue
                    width = widths[c] - (1 if r == 1 else 0)
                    # Text that does not wrap must fit, or print cut.
                    self.assertTrue(cell.alignment.wrap_text or r == 1 or
                                    wrapped_lines(cell.value, width) == 1,
                                    "%s %s %s: cut" % (name, title, cell.coordinate))
                    if cell.alignment.wrap_text or r == 1:
                        lines = max(lines, wrapped_lines(cell.value, width))
                height = ws.row_dimensions[r].height
                where = "%s %s row %d" % (name, title, r)
                if lines == 1:
                    self.assertIn(height, (None, 15), where)
                else:
                    self.assertEqual(height, min(15 * lines, 409), where)

    def test_tables_extend(self):
        # A row added to a Table gets what the rows above have: the
        # drop-downs and colour rules cover exactly the Table's data rows
        # (Excel grows them with it), and every computed column has the
        # Table formula that the written cells compute for their own row.
        for name, title in self.table_sheets():
            book = self.book(name)
            ws = book.wb[title]
            table = list(ws.tables.values())[0]
            first, last = table.ref.split(":")
            last_col, last_row = split_ref(last)
            with self.subTest(workbook=name, sheet=title):
                for dv in ws.data_validations.dataValidation:
                    for r in dv.sqref.ranges:
                        self.assertEqual((r.min_row, r.max_row), (2, last_row), str(r))
                for cf in ws.conditional_formatting:
                    for r in cf.sqref.ranges:
                        self.assertEqual((r.min_row, r.max_row), (2, last_row), str(r))
                header = book.header(title)
                for col, column in enumerate(table.tableColumns, start=1):
                    formula = column.calculatedColumnFormula
                    cell = ws.cell(row=2, column=col)
                    if cell.data_type != "f" or "COUNTIFS" in cell.value:
                        continue  # finding counts follow their own row by reference
                    self.assertIsNotNone(formula, "%s: no Table formula" % header[col - 1])
                    text = formula.attr_text if hasattr(formula, "attr_text") else str(formula)
                    for row in range(2, last_row + 1):
                        local = re.sub(
                            re.escape(table.name) + r"\[\[#This Row\],\[((?:[^\]']|'.)*)\]\]",
                            lambda m: "%s%d" % (openpyxl.utils.get_column_letter(
                                header.index(re.sub(r"'(.)", r"\1", m.group(1))) + 1), row),
                            text)
                        cell = ws.cell(row=row, column=col)
                        if cell.data_type == "f":
                            self.assertEqual("=" + local, cell.value, cell.coordinate)

    def test_record_sheet_headers_are_the_kind_columns(self):
        for kind, name, title in self.record_sheets():
            header = self.book(name).header(title)
            labels = self.sms.labels(kind)
            with self.subTest(kind=kind, sheet=title):
                evidence = self.sms.evidence_column(kind)
                if kind == "audit":  # followed by the four finding counts
                    self.assertEqual(header[:len(labels)], labels)
                    self.assertEqual(len(header), len(labels) + len(CLASSIFICATIONS) + len(evidence))
                    self.assertEqual(header[len(header) - len(evidence):], evidence)
                else:
                    self.assertEqual(header, labels + evidence)

    def test_one_row_per_record(self):
        for kind, name, title, records in self.sheets_of_kind():
            if title == "Treatment plan":
                continue  # test_treatment_plan
            ids = self.book(name).ids(title)
            with self.subTest(kind=kind, sheet=title):
                self.assertEqual(len(ids), len(set(ids)), "duplicate rows")
                self.assertEqual(sorted(ids), sorted(r["id"] for r in records))

    def test_cells_hold_the_record_values_with_excel_types(self):
        roles = self.sms.roles
        for kind, name, title, records in self.sheets_of_kind():
            book = self.book(name)
            ws = book.wb[title]
            rows = book.row_of(title)
            for col, spec in self.columns_of(kind, book, title).items():
                ftype = spec["type"]
                if ftype in ("score", "level", "exceeds"):
                    continue  # test_computed_risk_columns
                for record in records:
                    if record["id"] not in rows:
                        continue  # test_one_row_per_record
                    cell = ws.cell(row=rows[record["id"]], column=col)
                    value = record.get(spec["name"])
                    ftype = spec["type"]
                    if ftype == "lookup":  # shown as the named record holds it
                        value, ftype = self.sms.looked_up(record, spec)
                    where = "%s %s %s %s" % (title, record["id"], spec["name"], cell.coordinate)
                    if value is None or value == [] or value == "":
                        self.assertIsNone(cell.value, where)
                        continue
                    if ftype == "date":
                        self.assertIsInstance(cell.value, datetime.datetime, where)
                        self.assertEqual(cell.value.date(), iso(value), where)
                        self.assertTrue(cell.is_date, where)
                    elif ftype in ("integer", "number"):
                        self.assertIsInstance(cell.value, (int, float), where)
                        self.assertNotIsInstance(cell.value, bool, where)
                        self.assertEqual(cell.value, value, where)
                        self.assertEqual(cell.data_type, "n", where)
                    elif ftype == "bool":
                        self.assertIsInstance(cell.value, bool, where)
                        self.assertEqual(cell.value, truthy_yaml(value), where)
                    elif ftype == "role":
                        self.assertIn(cell.value, (roles.get(value), value), where)
                        self.assertEqual(cell.data_type, "s", where)
                    elif ftype == "roles":
                        keys = value if isinstance(value, list) else [value]
                        self.assertEqual(cell.value, ", ".join(roles.get(k, k) for k in keys), where)
                        self.assertEqual(cell.data_type, "s", where)
                    elif ftype in ("ref", "refs", "clauses", "list"):
                        self.assertEqual(cell.data_type, "s", where)
                        for item in value if isinstance(value, list) else [value]:
                            self.assertIn(str(item), cell.value, where)
                    elif ftype == "longtext":
                        self.assertEqual(cell.data_type, "s", where)
                        self.assertEqual(norm_space(cell.value), norm_space(value), where)
                        self.assertTrue(cell.alignment.wrap_text, where + ": not wrapped")
                    else:  # id, text, enum, status, kind, clause
                        self.assertEqual(cell.data_type, "s", where)
                        self.assertEqual(cell.value, str(value), where)

    def test_date_columns_are_wide_enough(self):
        # A yyyy-mm-dd date in a column narrower than ~10.5 shows as ####.
        for kind, name, title, records in self.sheets_of_kind():
            book = self.book(name)
            ws = book.wb[title]
            for col, spec in self.columns_of(kind, book, title).items():
                if spec["type"] == "date":
                    letter = openpyxl.utils.get_column_letter(col)
                    self.assertGreaterEqual(ws.column_dimensions[letter].width or 0, 10.5,
                                            "%s column %s" % (title, letter))

    def test_computed_risk_columns(self):
        for kind, name, title, records in self.sheets_of_kind():
            book = self.book(name)
            ws, cached = book.wb[title], book.cached[title]
            rows = book.row_of(title)
            columns = self.columns_of(kind, book, title)
            letter_of = {spec["name"]: openpyxl.utils.get_column_letter(col)
                         for col, spec in columns.items()}
            evaluator = Evaluator(book.wb)
            for col, spec in columns.items():
                if spec["type"] not in ("score", "level", "exceeds"):
                    continue
                for record in records:
                    if record["id"] not in rows:
                        continue  # test_one_row_per_record
                    r = rows[record["id"]]
                    cell, shown = ws.cell(row=r, column=col), cached.cell(row=r, column=col).value
                    expected = self.sms.computed(record, spec)
                    where = "%s %s %s %s" % (title, record["id"], spec["name"], cell.coordinate)
                    if expected is None:
                        if cell.data_type == "f":  # a lookup of an empty level
                            self.assertEqual(evaluator.evaluate(ws, cell.value), "", where)
                        else:
                            self.assertIn(cell.value, (None, ""), where)
                        continue
                    self.assertEqual(shown or "", expected, where + " (cached value)")
                    score = spec if spec["type"] == "score" else self.sms.field(kind, spec["of"])
                    inputs = [letter_of.get(f) for f in score["of"]]
                    score_letter = letter_of.get(score["name"])
                    if spec["type"] == "score":
                        op = "+" if self.sms.scoring.get("formula") == "add" else "*"
                        self.assertEqual(cell.data_type, "f", where)
                        self.assertIn("%s%d%s%s%d" % (inputs[0], r, op, inputs[1], r), cell.value,
                                      where)
                    elif score_letter:  # a level or flag beside its score
                        self.assertEqual(cell.data_type, "f", where)
                        self.assertTrue(cell.value.startswith("=IF("), where)
                        self.assertIn("%s%d" % (score_letter, r), cell.value, where)
                    else:  # no score on the sheet (treatment plan): the Risks sheet's
                        self.assertEqual(cell.data_type, "f", where)
                        self.assertIn("INDEX('Risks'!", cell.value, where)
                    self.assertEqual(evaluator.evaluate(ws, cell.value), expected,
                                     where + ": the formula gives another result")

    def test_formulas_follow_an_auditors_edits(self):
        book = self.book("risk-register.xlsx")
        ws = book.wb["Risks"]
        columns = {spec["name"]: col for col, spec in self.columns_of("risk", book, "Risks").items()}
        bands = self.sms.bands()
        top = max(self.sms.scoring["likelihood"]), max(self.sms.scoring["impact"])
        for likelihood, impact in ((1, 1), top):
            score = self.sms.combine(likelihood, impact)
            band = [b["name"] for b in bands if score >= b["min"]][-1]
            exceeds = "Yes" if score > self.sms.scoring["acceptance"] else "No"
            for r in range(2, ws.max_row + 1):
                if ws.cell(row=r, column=columns["type"]).value == "opportunity":
                    exceeds = ""
                else:
                    exceeds = "Yes" if score > self.sms.scoring["acceptance"] else "No"
                edits = {("Risks", r, columns["likelihood"]): likelihood,
                         ("Risks", r, columns["impact"]): impact}
                evaluator = Evaluator(book.wb, edits)
                for field, expected in (("inherent_score", score), ("inherent_level", band),
                                        ("exceeds_acceptance", exceeds)):
                    formula = ws.cell(row=r, column=columns[field]).value
                    self.assertEqual(evaluator.evaluate(ws, formula), expected,
                                     "row %d %s after setting %d x %d" % (r, field, likelihood,
                                                                          impact))

    def test_audit_programme_counts_findings(self):
        if "audit" not in self.sms.kinds:
            return
        book = self.book("audit-register.xlsx")
        ws, cached = book.wb["Audit programme"], book.cached["Audit programme"]
        header = book.header("Audit programme")
        first = len(self.sms.labels("audit")) + 1
        findings = self.sms.by_kind.get("finding", [])
        rows = book.row_of("Audit programme")
        evaluator = Evaluator(book.wb)
        seen = set()
        for col in range(first, len(header) + 1 - len(self.sms.evidence_column("audit"))):
            formula = ws.cell(row=2, column=col).value
            self.assertTrue(str(formula).startswith("=COUNTIFS("), formula)
            self.assertIn("'Findings'!", formula)
            classes = [c for c in CLASSIFICATIONS if '"%s"' % c in formula]
            self.assertEqual(len(classes), 1, formula)
            cls = classes[0]
            seen.add(cls)
            self.assertIn(cls[:5], header[col - 1].lower(), "header of the %s count" % cls)
            for audit in self.sms.by_kind.get("audit", []):
                r = rows[audit["id"]]
                cell = ws.cell(row=r, column=col)
                expected = sum(1 for f in findings
                               if f["audit"] == audit["id"] and f["classification"] == cls)
                where = "%s %s" % (audit["id"], cls)
                self.assertEqual(cell.data_type, "f", where)
                self.assertEqual(cached.cell(row=r, column=col).value, expected, where)
                self.assertEqual(evaluator.evaluate(ws, cell.value), expected, where)
        self.assertEqual(seen, set(CLASSIFICATIONS))
        # Reclassifying a finding on the Findings sheet moves the count.
        if findings:
            f_rows = book.row_of("Findings")
            f_col = book.header("Findings").index(self.sms.label("finding", "classification")) + 1
            finding = findings[0]
            other = [c for c in CLASSIFICATIONS if c != finding["classification"]][0]
            edits = {("Findings", f_rows[finding["id"]], f_col): other}
            col = first + CLASSIFICATIONS.index(other)
            formula = ws.cell(row=rows[finding["audit"]], column=col).value
            before = Evaluator(book.wb).evaluate(ws, formula)
            self.assertEqual(Evaluator(book.wb, edits).evaluate(ws, formula), before + 1)

    def test_data_validation(self):
        for kind, name, title, records in self.sheets_of_kind():
            book = self.book(name)
            ws = book.wb[title]
            last = max(book.data_rows(title), 1) + 1
            for col, spec in self.columns_of(kind, book, title).items():
                where = "%s column %s (%s)" % (title, col, spec["name"])
                found = validations(ws, col, 2, last)
                if spec["type"] in ("enum", "status"):
                    values = (spec["values"] if spec["type"] == "enum"
                              else self.sms.kinds[kind]["statuses"])
                    lists = [list_values(dv) for dv in found if dv.type == "list"]
                    self.assertIn([str(v) for v in values], lists, where)
                elif spec["type"] == "integer":
                    if spec.get("scale"):
                        scale = self.sms.scoring[spec["scale"]]
                        low, high = min(scale), max(scale)
                    elif spec.get("min") is not None and spec.get("max") is not None:
                        low, high = spec["min"], spec["max"]
                    else:
                        continue
                    whole = [(dv.operator, dv.formula1, dv.formula2) for dv in found
                             if dv.type == "whole"]
                    self.assertTrue(any(op in (None, "between") and str(a) == str(low)
                                        and str(b) == str(high) for op, a, b in whole),
                                    "%s: no whole number %s..%s validation in %s"
                                    % (where, low, high, whole))
        book = self.book("document-register.xlsx")
        ws = book.wb["Documents"]
        col = [h.lower() for h in book.header("Documents")].index("status") + 1
        lists = [list_values(dv) for dv in validations(ws, col, 2, book.data_rows("Documents") + 1)]
        self.assertIn(["draft", "approved", "retired"], lists)

    def test_conditional_formatting(self):
        for kind, name, title, records in self.sheets_of_kind():
            book = self.book(name)
            ws = book.wb[title]
            colours = conditional_colours(book.wb, title)
            rows = book.row_of(title)
            columns = self.columns_of(kind, book, title)
            status_col = [c for c, s in columns.items() if s["name"] == "status"]
            for col, spec in columns.items():
                if spec["type"] == "date" and (spec.get("overdue") or spec.get("expiry")):
                    formulas = rule_formulas(ws, col)
                    self.assertTrue(any("DATE(2026,11,21)" in f for f in formulas),
                                    "%s column %d: %s" % (title, col, formulas))
                if spec["type"] == "date" and spec.get("overdue") and status_col:
                    # Not late once the status is one of the date's done
                    # statuses: the field's own (next_review: closed only),
                    # else the kind's.
                    letter = openpyxl.utils.get_column_letter(status_col[0])
                    excluded = [re.findall(r'\$%s2<>"([^"]*)"' % letter, f)
                                for f in rule_formulas(ws, col)]
                    self.assertEqual(excluded, [self.sms.done_for(kind, spec)],
                                     "%s column %s (%s)" % (title, col, spec["name"]))
                for record in records:
                    if record["id"] not in rows:
                        continue  # test_one_row_per_record
                    r = rows[record["id"]]
                    expected = self.sms.expected_colour(record, spec)
                    actual = colours.get((r, col), [])
                    self.assertEqual(sorted(set(actual)), [expected] if expected else [],
                                     "%s %s %s (%s)" % (title, record["id"], spec["name"],
                                                        ws.cell(row=r, column=col).value))
                    self.assertLessEqual(len(actual), 1, "two rules colour one cell")
            # No other column is coloured.
            for (r, col) in colours:
                self.assertIn(col, columns, "%s: colour in column %d" % (title, col))
        book = self.book("document-register.xlsx")
        header = [h.lower() for h in book.header("Documents")]
        colours = conditional_colours(book.wb, "Documents")
        rows = book.row_of("Documents")
        col = header.index("next review") + 1
        self.assertTrue(any("DATE(2026,11,21)" in f for f in rule_formulas(book.wb["Documents"], col)))
        for doc in self.sms.documents:
            due = document_dates(doc)[2]
            actual = colours.get((rows[doc["id"]], col), [])
            # Only documents in force have reviews due.
            late = doc["status"] == "approved" and due < AS_OF_DATE
            self.assertEqual(actual, [RED] if late else [], doc["id"])

    def test_ids_link_to_their_pages(self):
        registers = os.path.join(self.out, "registers")
        for kind, name, title, records in self.sheets_of_kind():
            ws = self.book(name).wb[title]
            for r in range(2, ws.max_row + 1):
                cell = ws.cell(row=r, column=1)
                where = "%s %s" % (title, cell.value)
                self.assertIsNotNone(cell.hyperlink, where + ": no link")
                target = cell.hyperlink.target
                self.assertNotRegex(target, r"^(/|[a-z]+:)", where + ": not relative")
                page = os.path.normpath(os.path.join(registers, unquote(target)))
                self.assertEqual(page, os.path.join(self.out, "records", kind, cell.value + ".html"),
                                 where)
                self.assertTrue(os.path.isfile(page), where + ": no " + page)
        ws = self.book("document-register.xlsx").wb["Documents"]
        sources = {d["id"]: d["_path"] for d in self.sms.documents}
        for r in range(2, ws.max_row + 1):
            cell = ws.cell(row=r, column=1)
            self.assertIsNotNone(cell.hyperlink, cell.value)
            target = cell.hyperlink.target
            self.assertNotRegex(target, r"^(/|[a-z]+:)")
            page = os.path.normpath(os.path.join(registers, unquote(target)))
            expected = os.path.join(self.out, sources[cell.value][:-3] + ".html")
            self.assertEqual(page, os.path.normpath(expected))
            self.assertTrue(os.path.isfile(page), page)

    def test_text_never_becomes_a_formula(self):
        computed = {"score", "level", "exceeds"}
        for name in self.sms.expected_workbooks():
            book = self.book(name)
            for ws in book.wb.worksheets:
                kind = None
                for k, n, t in self.record_sheets():
                    if (n, t) == (name, ws.title):
                        kind = k
                if ws.title == "Treatment plan":
                    kind = "risk"
                columns = self.columns_of(kind, book, ws.title) if kind else {}
                counts = (range(len(self.sms.labels("audit")) + 1,
                                ws.max_column + 1 - len(self.sms.evidence_column("audit")))
                          if ws.title == "Audit programme" else ())
                for row in ws.iter_rows(min_row=2 if kind else 1):
                    for cell in row:
                        if cell.data_type != "f":
                            continue
                        spec = columns.get(cell.column)
                        live = ws.title in ("Heat map", "Residual heat map", "Criteria",
                                            "Skills matrix")
                        # The KPI register's state follows value and target.
                        live = live or (name == "kpi-register.xlsx" and
                                        ws.cell(row=1, column=cell.column).value == "State")
                        self.assertTrue((spec and spec["type"] in computed) or
                                        cell.column in counts or live,
                                        "%s %s!%s is a formula: %s" % (name, ws.title,
                                                                       cell.coordinate, cell.value))
        # Record values that look like formulas are text cells, verbatim.
        for kind, name, title, records in self.sheets_of_kind():
            book = self.book(name)
            ws = book.wb[title]
            rows = book.row_of(title)
            for col, spec in self.columns_of(kind, book, title).items():
                for record in records:
                    value = record.get(spec["name"])
                    if record["id"] not in rows:
                        continue
                    if isinstance(value, str) and value[:1] in "=+-@":
                        cell = ws.cell(row=rows[record["id"]], column=col)
                        if spec["type"] == "date":
                            continue
                        self.assertEqual(cell.data_type, "s", cell.coordinate)
                        if spec["type"] not in ("role", "roles"):
                            self.assertEqual(norm_space(cell.value), norm_space(value))

    def test_treatment_plan(self):
        book = self.book("risk-register.xlsx")
        listed = book.ids("Treatment plan")
        expected = [r["id"] for r in self.treatment_plan()]
        self.assertEqual(len(listed), len(set(listed)), "duplicate rows")
        missing = ["%s (%s, treatment %s)" % (r["id"], r["status"], r.get("treatment"))
                   for r in self.treatment_plan() if r["id"] not in listed]
        self.assertEqual(missing, [], "not in the treatment plan")
        self.assertEqual(sorted(set(listed) - set(expected)), [], "in the treatment plan")
        self.assertEqual(book.header("Treatment plan")[0], "ID")

    def test_criteria_sheet(self):
        ws = self.book("risk-register.xlsx").wb["Criteria"]
        rows = [[v for v in row if v is not None] for row in ws.iter_rows(values_only=True)]
        flat = [str(v) for row in rows for v in row]
        for scale in ("likelihood", "impact"):
            for value, label in self.sms.scoring[scale].items():
                self.assertTrue(any(row[:2] == [value, label] for row in rows),
                                "%s %s %s" % (scale, value, label))
        for band in self.sms.bands():
            self.assertTrue(any(row[:2] == [band["name"], band["min"]] for row in rows),
                            band["name"])
        self.assertTrue(any(row[:2] == ["Acceptance", self.sms.scoring["acceptance"]]
                            for row in rows), "no acceptance")
        # The criteria live once, here, as defined names every formula uses.
        wb = self.book("risk-register.xlsx").wb
        evaluator = Evaluator(wb)
        self.assertEqual(evaluator.evaluate(ws, "=Acceptance"), self.sms.scoring["acceptance"])
        for b, band in enumerate(self.sms.bands(), start=1):
            self.assertEqual(evaluator.evaluate(ws, "=Band%dMin" % b), band["min"])
            self.assertEqual(evaluator.evaluate(ws, "=Band%dName" % b), band["name"])
            self.assertIn("'Criteria'!", defined_name(wb, "Band%dMin" % b))
        for title in ("Risks", "Treatment plan"):
            for f in sum((rule_formulas(wb[title], c) for c in range(1, wb[title].max_column + 1)),
                         []):
                self.assertNotRegex(f, r"[<>=]\s*\d", "%s: a number in %s" % (title, f))

    def test_criteria_edits_reach_every_formula_and_colour(self):
        # A band's lowest score and the acceptance are cells of the Criteria
        # sheet: raising them re-levels, re-flags and re-colours the risks
        # and the heat maps, with no number of them written anywhere else.
        book = self.book("risk-register.xlsx")
        wb = book.wb
        bands = [dict(b) for b in self.sms.bands()]
        self.assertGreaterEqual(len(bands), 2)
        bands[1]["min"] += 3
        acceptance = self.sms.scoring["acceptance"] + 4
        edits = {}
        for name, value in (("Band2Min", bands[1]["min"]), ("Acceptance", acceptance)):
            sheet, ref = defined_name(wb, name).split("!")
            col, row = split_ref(ref)
            edits[(sheet.strip("'"), row, col)] = value

        def band(score):
            return [b for b in bands if score >= b["min"]][-1]
        evaluator = Evaluator(wb, edits)
        ws = wb["Risks"]
        columns = {spec["name"]: col for col, spec in self.columns_of("risk", book, "Risks").items()}
        colours = conditional_colours(wb, "Risks", edits)
        changed = 0
        for record in self.sms.by_kind.get("risk", []):
            r = book.row_of("Risks")[record["id"]]
            score = self.sms.combine(int(record["likelihood"]), int(record["impact"]))
            level = evaluator.evaluate(ws, ws.cell(row=r, column=columns["inherent_level"]).value)
            self.assertEqual(level, band(score)["name"], record["id"])
            changed += level != self.sms.band(score)["name"]
            exceeds = evaluator.evaluate(
                ws, ws.cell(row=r, column=columns["exceeds_acceptance"]).value)
            threat = record.get("type", "risk") == "risk"
            self.assertEqual(exceeds, ("Yes" if score > acceptance else "No") if threat else "",
                             record["id"])
            expected = [band(score)["colour"].lstrip("#").upper()] if threat else []
            for field in ("inherent_score", "inherent_level"):
                self.assertEqual(colours.get((r, columns[field]), []), expected, record["id"])
        self.assertGreater(changed, 0, "no level moved: the edit tests nothing")
        for title in ("Heat map", "Residual heat map"):
            heat = conditional_colours(wb, title, edits)
            before = conditional_colours(wb, title)
            self.assertNotEqual(heat, before, title + ": colours ignore the Criteria sheet")

    def test_heat_maps(self):
        # Inherent and residual: COUNTIFS over the Risks sheet (so they follow
        # an edit there), cached values equal to the counts from the YAML,
        # and each cell's colour the band of its score through the Criteria
        # sheet's names.
        for title, fields in (("Heat map", ("likelihood", "impact")),
                              ("Residual heat map", ("residual_likelihood", "residual_impact"))):
            with self.subTest(sheet=title):
                self.check_heat_map(title, fields)

    def check_heat_map(self, title, fields):
        book = self.book("risk-register.xlsx")
        ws, cached = book.wb[title], book.cached[title]
        scoring = self.sms.scoring
        evaluator = Evaluator(book.wb)
        colours = conditional_colours(book.wb, title)

        def scale_value(text, scale):
            if not isinstance(text, str):
                return None
            label = re.sub(r"^\d+\s*", "", text.strip())
            found = [v for v, l in scoring[scale].items() if l == label]
            return found[0] if found else None
        header_row, columns = None, {}
        for row in ws.iter_rows():
            found = {c.column: scale_value(c.value, "likelihood") for c in row}
            found = {col: v for col, v in found.items() if v is not None}
            if len(found) == len(scoring["likelihood"]):
                header_row, columns = row[0].row, found
                break
        self.assertIsNotNone(header_row, "no likelihood header row")
        counts = {}  # risks not closed; opportunities left out
        for risk in self.sms.by_kind.get("risk", []):
            if (risk["status"] != "closed" and risk.get("type", "risk") == "risk"
                    and risk.get(fields[0]) is not None and risk.get(fields[1]) is not None):
                key = (int(risk[fields[0]]), int(risk[fields[1]]))
                counts[key] = counts.get(key, 0) + 1
        impacts = set()
        for row in ws.iter_rows(min_row=header_row + 1):
            impact = scale_value(row[0].value, "impact")
            if impact is None:
                continue
            impacts.add(impact)
            for col, likelihood in columns.items():
                cell = ws.cell(row=row[0].row, column=col)
                where = "%s likelihood %d impact %d" % (title, likelihood, impact)
                expected = counts.get((likelihood, impact), 0)
                self.assertEqual(cached.cell(row=row[0].row, column=col).value, expected, where)
                self.assertEqual(cell.data_type, "f", where)
                self.assertIn("COUNTIFS('Risks'!", cell.value, where)
                self.assertEqual(evaluator.evaluate(ws, cell.value), expected, where)
                band = self.sms.band(self.sms.combine(likelihood, impact))
                self.assertEqual(colours.get((cell.row, col)),
                                 [band["colour"].lstrip("#").upper()], where)
        self.assertEqual(impacts, set(scoring["impact"]))

    def skills_matrix(self):
        """(the sheet's cached values (what Excel shows), competence columns
        {col: record}, person rows {row: record}, gap row) of the skills
        matrix."""
        ws = self.book("training-register.xlsx").cached["Skills matrix"]
        competences = {c["title"]: c for c in self.sms.by_kind.get("competence", [])}
        header = None
        for row in ws.iter_rows():
            if str(row[0].value).strip().lower() == "person":
                header = row
                break
        self.assertIsNotNone(header, "no 'Person' header")
        columns = {c.column: competences.get(c.value) for c in header[2:] if c.value is not None}
        people, gap = {}, None
        for row in ws.iter_rows(min_row=header[0].row + 1):
            first = row[0]
            if first.hyperlink and "/person/" in first.hyperlink.target:
                pid = os.path.basename(first.hyperlink.target)[:-len(".html")]
                people[first.row] = self.sms.by_id.get(pid)
                self.assertEqual(first.value, people[first.row]["title"])
            elif str(first.value).lower().startswith("gap"):
                self.assertIsNone(gap, "two gap rows")
                gap = first.row
        return ws, columns, people, gap

    def test_skills_matrix(self):
        ws, columns, people, gap = self.skills_matrix()
        book = self.book("training-register.xlsx")
        formulas, evaluator = book.wb["Skills matrix"], Evaluator(book.wb)
        colours = conditional_colours(book.wb, "Skills matrix")
        fills = {"competent": GREEN, "expiring": AMBER, "expired": RED, "planned": BLUE,
                 "missing": RED}
        active = [c for c in self.sms.by_kind.get("competence", []) if c["status"] == "active"]
        self.assertEqual(sorted(c["id"] for c in columns.values() if c),
                         sorted(c["id"] for c in active))
        self.assertNotIn(None, columns.values(), "a column that is no competence")
        self.assertEqual(sorted(p["id"] for p in people.values()),
                         sorted(p["id"] for p in self.sms.by_kind.get("person", [])
                                if p["status"] == "active"))
        self.assertIsNotNone(gap, "no gap row")
        self.assertGreater(gap, max(people), "the gap row comes after the people")
        def required_for(competence):
            roles = competence["role"]
            return roles if isinstance(roles, list) else [roles]

        for col, competence in columns.items():
            needed = [r for r, p in people.items() if p["role"] in required_for(competence)]
            states = [str(ws.cell(row=r, column=col).value or "") for r in needed]
            not_competent = sum(1 for s in states if s in ("missing", "planned", "expired"))
            self.assertEqual(ws.cell(row=gap, column=col).value, not_competent, competence["id"])
            gap_formula = formulas.cell(row=gap, column=col).value
            if needed:  # a formula over the needed cells, so it follows them
                self.assertEqual(evaluator.evaluate(formulas, gap_formula), not_competent)
            for r, person in people.items():
                cell = ws.cell(row=r, column=col)
                where = "%s %s" % (person["id"], competence["id"])
                if person["role"] in required_for(competence):
                    self.assertIn(cell.value, ("competent", "expiring", "expired", "planned",
                                               "missing"), where)
                    # COUNTIFS over the training sheet, equal to the cached state.
                    formula = formulas.cell(row=r, column=col).value
                    self.assertIn("COUNTIFS('Training records'!", formula, where)
                    self.assertEqual(evaluator.evaluate(formulas, formula), cell.value, where)
                    self.assertEqual(colours.get((r, col)), [fills[cell.value]], where)
                else:
                    colour = rgb(cell.fill.fgColor)
                    self.assertTrue(colour and colour[0:2] == colour[2:4] == colour[4:6],
                                    where + ": not grey (%s)" % colour)

    def test_skills_matrix_follows_the_training_sheet(self):
        # Marking a competent person's trainings planned turns the cell
        # "planned" and raises the gap by one: the matrix reads the sheet.
        ws, columns, people, gap = self.skills_matrix()
        book = self.book("training-register.xlsx")
        formulas, trainings = book.wb["Skills matrix"], book.wb["Training records"]
        header = book.header("Training records")
        person, competence, status = (header.index(h) + 1 for h in ("Person", "Competence",
                                                                     "Status"))
        for col, comp in columns.items():
            for r, who in people.items():
                if ws.cell(row=r, column=col).value not in ("competent", "expiring"):
                    continue
                rows = [t for t in range(2, trainings.max_row + 1)
                        if trainings.cell(row=t, column=person).value == who["id"]
                        and trainings.cell(row=t, column=competence).value == comp["id"]]
                self.assertTrue(rows, "competent without a training")
                edits = {("Training records", t, status): "planned" for t in rows}
                evaluator = Evaluator(book.wb, edits)
                self.assertEqual(evaluator.evaluate(formulas, formulas.cell(row=r, column=col).value),
                                 "planned")
                self.assertEqual(evaluator.evaluate(formulas,
                                                    formulas.cell(row=gap, column=col).value),
                                 ws.cell(row=gap, column=col).value + 1)
                return
        self.fail("no competent cell to edit")

    def test_clause_coverage(self):
        """The audit register's grid: every catalogue clause by internal audit
        period; a parent only as audited as the weakest of its leaves;
        "Covered in cycle" is the analysis' audited-in-cycle, not "audited in
        some period"."""
        book = self.book("audit-register.xlsx")
        ws = book.wb["Clause coverage"]
        catalogue = clause_catalogue()
        periods, cells = audit_grid(self.sms, catalogue)
        facts = coverage(self.sms, catalogue)
        header = [str(h) for h in book.header("Clause coverage")]
        self.assertEqual(header, ["Clause", "Title"] + periods + ["Covered in cycle"])
        self.assertEqual([(str(row[0]), row[1]) for row in
                          ws.iter_rows(min_row=2, max_col=2, values_only=True)], catalogue)
        for r, (clause, _) in enumerate(catalogue, start=2):
            for col, period in enumerate(periods, start=3):
                cell = ws.cell(row=r, column=col)
                expected = cells[clause, period]
                where = "clause %s in %s" % (clause, period)
                self.assertEqual(cell.value, expected, where)
                self.assertEqual(rgb(cell.fill.fgColor),
                                 {"audited": GREEN, "planned": BLUE}.get(expected), where)
            cell = ws.cell(row=r, column=len(header))
            in_cycle = facts[clause]["audited_in_cycle"]
            self.assertEqual(cell.value, "yes" if in_cycle else "no", "clause " + clause)
            self.assertEqual(rgb(cell.fill.fgColor), GREEN if in_cycle else RED, "clause " + clause)

    def test_clause_coverage_workbook(self):
        """One row per 2018 clause with the state, counts, lists and audit
        dates of coverage() (the rules, computed here from the YAML); the
        state column's drop-down and colours; the clause pages and the
        clause index show the same."""
        catalogue = clause_catalogue()
        facts = coverage(self.sms, catalogue)
        book = self.book("clause-coverage.xlsx")
        ws = book.wb["Clauses"]
        self.assertEqual(book.header("Clauses"), CLAUSE_COLUMNS)
        rows = list(ws.iter_rows(min_row=2, values_only=True))
        self.assertEqual([(str(r[0]), r[1]) for r in rows], catalogue)
        lists = {"Document IDs": "documents", "Process IDs": "processes",
                 "Not in force": "not_in_force", "Record IDs": "records",
                 "Internal audits": "internal_audits", "External audits": "external_audits",
                 "Open findings": "open_findings"}
        as_datetime = lambda d: datetime.datetime.combine(d, datetime.time()) if d else None
        colours = conditional_colours(book.wb, "Clauses")
        states = []
        for r, (clause, _) in enumerate(catalogue, start=2):
            f = facts[clause]
            states.append(f["state"])
            row = dict(zip(CLAUSE_COLUMNS, rows[r - 2]))
            where = "clause " + clause
            self.assertEqual(row["State"], f["state"], where)
            self.assertEqual((row["Documents"], row["Processes"], row["Records"]),
                             (len(f["documents"]), len(f["processes"]), len(f["records"])), where)
            for column, key in lists.items():
                self.assertEqual(row[column], ", ".join(f[key]) or None, "%s %s" % (where, column))
            self.assertEqual(row["Last internal audit"], as_datetime(f["last_internal"]), where)
            self.assertEqual(row["Audited in cycle"], "yes" if f["audited_in_cycle"] else "no",
                             where)
            self.assertEqual(row["Last external audit"], as_datetime(f["last_external"]), where)
            self.assertEqual(colours.get((r, 3)), [STATE_COLOURS[f["state"]]], where)
            link = ws.cell(row=r, column=1).hyperlink
            self.assertIsNotNone(link, where)
            self.assertEqual(os.path.normpath(os.path.join(self.out, "registers", link.target)),
                             os.path.join(self.out, "clauses", clause + ".html"), where)
            self.check_clause_page(clause, f, facts, catalogue)
        self.assertEqual({col for _, col in colours}, {3}, "colour outside the State column")
        last = len(rows) + 1
        self.assertIn(CLAUSE_STATES, [list_values(dv) for dv in validations(ws, 3, 2, last)])
        # The index: one row per clause with the same facts, and the counts.
        with open(os.path.join(self.out, "clauses", "index.html"), encoding="utf-8") as fh:
            text = fh.read()
        page = RegisterPage(text)
        self.assertEqual(page.headers, ["Clause", "Title", "Documents", "Processes", "Records",
                                        "Last internal audit", "Audited in 12 months",
                                        "Last external audit", "State"])
        date_text = lambda d: d.isoformat() if d else ""
        self.assertEqual(
            [[td["text"] for td in row] for row in page.rows],
            [[clause, title, str(len(f["documents"])), str(len(f["processes"])),
              str(len(f["records"])), date_text(f["last_internal"]),
              "yes" if f["audited_in_cycle"] else "no", date_text(f["last_external"]),
              f["state"]]
             for (clause, title), f in ((c, facts[c[0]]) for c in catalogue)])
        for state in CLAUSE_STATES:
            self.assertIn(">%d %s<" % (states.count(state), state), text, state)

    def check_clause_page(self, clause, f, facts, catalogue):
        """The clause page: its state and audit facts, its sub-clauses with
        their states, and exactly the IDs of coverage()'s lists under
        Documents, Processes, Not in force, Evidenced by, Internal audits,
        External audits and Open findings."""
        with open(os.path.join(self.out, "clauses", clause + ".html"), encoding="utf-8") as fh:
            text = fh.read()
        article = text[text.index('<article class="clause-page">'):]
        article = article[:article.index("</article>")]
        where = "clauses/%s.html" % clause
        shown = dict(re.findall(r'data-fact="([a-z-]+)">([^<]*)<', article))
        facts_shown = {key: shown.get(key) for key in ("coverage", "last-internal-audit",
                                                       "audited-in-cycle", "last-external-audit")}
        self.assertEqual(facts_shown, {
            "coverage": f["state"],
            "last-internal-audit": f["last_internal"].isoformat() if f["last_internal"] else "none",
            "audited-in-cycle": "yes" if f["audited_in_cycle"] else "no",
            "last-external-audit": f["last_external"].isoformat() if f["last_external"] else "none",
        }, where)
        self.assertIn("· %d documents · %d processes · %d records" % (
            len(f["documents"]), len(f["processes"]), len(f["records"])), article, where)
        parts = re.split(r'<h[23] id="([^"]+)">', article)
        listed = {name: re.findall(r'<li><a href="[^"]*">([^ <]+) ', chunk)
                  for name, chunk in zip(parts[1::2], parts[2::2])}
        children = [c for c, _ in catalogue
                    if c.startswith(clause + ".") and "." not in c[len(clause) + 1:]]
        self.assertEqual(listed.get("Sub-clauses", []), children, where)
        for child in children:
            self.assertRegex(article, r'>%s [^<]*</a> <span class="state [^"]*">%s<'
                             % (re.escape(child), facts[child]["state"]), where)
        for section, key in (("Documents", "documents"), ("Processes", "processes"),
                             ("Not-in-force", "not_in_force"), ("Evidenced-by", "records"),
                             ("Audits", "internal_audits"), ("External-audits", "external_audits"),
                             ("Open-findings", "open_findings")):
            self.assertEqual(listed.get(section, []), f[key], "%s %s" % (where, section))

    def test_document_register(self):
        book = self.book("document-register.xlsx")
        ws = book.wb["Documents"]
        header = [h.lower() for h in book.header("Documents")]
        self.assertEqual(len(header), len(DOCUMENT_COLUMNS), header)
        for h, word in zip(header, DOCUMENT_COLUMNS):
            self.assertTrue(h.startswith(word), "%r is not %r" % (h, word))
        rows = book.row_of("Documents")
        self.assertEqual(sorted(rows), sorted(d["id"] for d in self.sms.documents))
        col = {word: header.index(h) + 1 for h, word in zip(header, DOCUMENT_COLUMNS)}
        for doc in self.sms.documents:
            r = rows[doc["id"]]

            def cell(word):
                return ws.cell(row=r, column=col[word]).value
            effective = iso(doc["effective"])
            self.assertEqual(cell("title"), doc["title"])
            self.assertEqual(cell("type"), doc["type"])
            self.assertEqual(cell("version"), str(doc["version"]))
            self.assertEqual(cell("status"), doc["status"])
            self.assertIn(cell("owner"), (self.sms.roles[doc["owner"]], doc["owner"]))
            self.assertIn(cell("approver"), (self.sms.roles[doc["approver"]], doc["approver"]))
            # The optional master-list fields, as the front matter says.
            self.assertEqual(cell("author"), self.sms.roles.get(doc.get("author")), doc["id"])
            self.assertEqual(cell("classification"), doc.get("classification"), doc["id"])
            self.assertEqual(cell("change summary"), doc.get("change_summary"), doc["id"])
            for clause in doc.get("clauses") or []:
                self.assertIn(clause, cell("clauses"))
            self.assertEqual(cell("effective"), datetime.datetime.combine(effective,
                                                                           datetime.time()))
            self.assertEqual(cell("review cycle"), doc["review_months"])
            # Approved as the front matter says (the example's git history
            # agrees: its trailers name each document's approver, and those
            # naming another role came before the approval that counts). The
            # last review is the later of approval and review, else none is
            # recorded (never the effective date).
            approved, last, due = document_dates(doc)
            as_datetime = lambda d: datetime.datetime.combine(d, datetime.time()) if d else None
            self.assertEqual(cell("approved on"), as_datetime(approved), doc["id"])
            # Approved by the approver role's title, not its key.
            self.assertEqual(cell("approved by"),
                             self.sms.roles[doc["approver"]] if approved else None, doc["id"])
            self.assertEqual(cell("last review"), as_datetime(last) if last else "none recorded",
                             doc["id"])
            self.assertEqual(cell("next review"), as_datetime(due), doc["id"])
            self.assertIsNone(cell("changed after approval"), doc["id"])
            # Approved-by trailers that did not count before the last approval
            # that did are history, not problems.
            self.assertIsNone(cell("approval problems"), doc["id"])
            self.assertEqual(cell("source"), doc["_path"])

    # the site

    def test_site_register_pages_match_the_workbooks(self):
        kinds = sorted(set(r["kind"] for r in self.sms.records))
        for kind in kinds:
            name = self.sms.workbook_of(kind)
            title = [t for k, n, t in self.record_sheets() if k == kind][0]
            book = self.book(name)
            with open(os.path.join(self.out, "records", kind + ".html"), encoding="utf-8") as fh:
                page = RegisterPage(fh.read())
            with self.subTest(kind=kind):
                self.assertEqual([os.path.normpath(os.path.join(self.out, "records", unquote(h)))
                                  for h in page.downloads],
                                 [os.path.join(self.out, "registers", name)])
                header = book.header(title)
                # The SoA's computed columns are on both (e2e.soa compares them).
                soa = self.sms.evidence_column(kind) if kind == "applicability" else []
                self.assertEqual(page.headers, self.sms.labels(kind) + soa)
                self.assertEqual(page.headers, header[:len(page.headers)])
                ids = [row[0]["text"] for row in page.rows]
                self.assertEqual(ids, book.ids(title), "rows in another order or missing")
                colours = conditional_colours(book.wb, title)
                columns = self.columns_of(kind, book, title)
                ws = book.cached[title]
                for r, row in enumerate(page.rows, start=2):
                    for col, td in enumerate(row, start=1):
                        where = "%s %s" % (ids[r - 2], header[col - 1])
                        self.assertEqual(page.colour(td), (colours.get((r, col)) or [None])[0],
                                         where + ": the page and the workbook colour it apart")
                        self.assertEqual(td["marks"], self.words_of(td), where)
                        spec = columns.get(col)
                        value = ws.cell(row=r, column=col).value
                        if spec and spec["type"] in ("id", "text", "enum", "status", "integer",
                                                     "score", "level", "exceeds", "role",
                                                     "date"):
                            if isinstance(value, datetime.datetime):
                                value = value.date().isoformat()
                            self.assertEqual(td["text"], text_of(value), where)
        with open(os.path.join(self.out, "documents.html"), encoding="utf-8") as fh:
            page = RegisterPage(fh.read())
        book = self.book("document-register.xlsx")
        self.assertEqual([os.path.normpath(os.path.join(self.out, unquote(h)))
                          for h in page.downloads],
                         [os.path.join(self.out, "registers", "document-register.xlsx")])
        header = book.header("Documents")
        for th in page.headers:
            # The page links ID and title as one ("Document").
            self.assertIn(th, header + ["Document"] if "ID" in header and "Title" in header
                          else header)
        doc_id = lambda row: row[0]["text"].split(" ", 1)[0]
        self.assertEqual(sorted(doc_id(row) for row in page.rows), sorted(book.ids("Documents")))
        colours = conditional_colours(book.wb, "Documents")
        rows = book.row_of("Documents")
        page_col = page.headers.index("Next review")
        book_col = header.index("Next review") + 1
        for row in page.rows:
            self.assertEqual(page.colour(row[page_col]),
                             (colours.get((rows[doc_id(row)], book_col)) or [None])[0],
                             doc_id(row))
        # The list of registers links every workbook.
        with open(os.path.join(self.out, "records.html"), encoding="utf-8") as fh:
            links = RegisterPage(fh.read()).links
        linked = {os.path.basename(unquote(h)) for h in links if h.endswith(".xlsx")}
        self.assertEqual(linked, set(self.sms.expected_workbooks()))

    def words_of(self, td):
        """The words a register cell must show beside its colour: its date
        state, and the name of its risk band unless the cell is that name."""
        words = [c for c in td["classes"] if c in ("overdue", "expired", "expiring")]
        m = re.search(r"background:\s*#([0-9A-Fa-f]{6})", td["style"])
        if m:
            band = [b["name"] for b in self.sms.bands()
                    if b["colour"].lstrip("#").upper() == m.group(1).upper()]
            if band and band[0] != norm_space(td["text"]):
                words.append(band[0])
        return words

    def test_second_build_is_byte_identical(self):
        # A second later, with another SOURCE_DATE_EPOCH: --as-of decides.
        time.sleep(max(0.0, 1.1 - (time.time() - self.built_at)))
        out2 = os.path.join(self.tmp.name, "site-again")
        second = build(self.root(), out2, env={"SOURCE_DATE_EPOCH": "1000000000"})
        self.assertEqual(second.returncode, 0, second.stderr)
        first_dir = os.path.join(self.out, "registers")
        second_dir = os.path.join(out2, "registers")
        self.assertEqual(sorted(os.listdir(first_dir)), sorted(os.listdir(second_dir)))
        for name in sorted(os.listdir(first_dir)):
            with open(os.path.join(first_dir, name), "rb") as a, \
                    open(os.path.join(second_dir, name), "rb") as b:
                self.assertTrue(a.read() == b.read(), name + " differs between two builds")


class ExampleRegistersTest(RegistersCase, unittest.TestCase):
    """The repository's example SMS."""

    @classmethod
    def root(cls):
        return testlib.REPO


class FixtureRegistersTest(RegistersCase, unittest.TestCase):
    """tests/registers/: the generic checks, plus what its records were
    written to show (see the comments in its YAML files)."""

    @classmethod
    def root(cls):
        return os.path.join(testlib.REPO, "tests", "registers")

    def colour_at(self, name, title, record_id, label, book=None):
        book = book or self.book(name)
        col = book.header(title).index(label) + 1
        found = conditional_colours(book.wb, title).get((book.row_of(title)[record_id], col), [])
        return found[0] if found else None

    def value_at(self, name, title, record_id, label, cached=False):
        book = self.book(name)
        col = book.header(title).index(label) + 1
        wb = book.cached if cached else book.wb
        return wb[title].cell(row=book.row_of(title)[record_id], column=col)

    def test_fixture_has_every_built_in_kind(self):
        self.assertEqual(set(self.sms.by_kind), set(self.sms.kinds))

    def test_fixture_formula_injection_stays_text(self):
        book = self.book("risk-register.xlsx")
        evil = '=HYPERLINK("http://example.invalid","x")'
        for title in ("Risks", "Treatment plan"):
            cell = self.value_at("risk-register.xlsx", title, "RSK-001", "Title")
            self.assertEqual(cell.data_type, "s", title)
            self.assertEqual(cell.value, evil, title)
            xml = book.sheet_xml(title)
            strings = book.parts["xl/sharedStrings.xml"].decode("utf-8")  # text, not formulas
            self.assertIn("=HYPERLINK(&quot;http://example.invalid&quot;",
                          (xml + strings).replace('"', "&quot;"))
            self.assertNotRegex(xml, r"<f>[^<]*HYPERLINK", title + ": written as a formula")
            self.assertNotIn("example.invalid", "".join(h.target or "" for h in book.wb[title]._hyperlinks))
        for label, text in (("Title", "@SUM(1+1)*cmd|' /C calc'!A0"), ("Category", "+SUM(1,2)")):
            cell = self.value_at("risk-register.xlsx", "Risks", "RSK-007", label)
            self.assertEqual((cell.data_type, cell.value), ("s", text))
        cell = self.value_at("risk-register.xlsx", "Risks", "RSK-002", "Title")
        self.assertEqual(cell.value, 'Supplier "Acme" & <Co> fails')

    def test_fixture_scores_levels_and_acceptance(self):
        expected = {"RSK-001": (16, "High", "Yes"), "RSK-002": (8, "Medium", "Yes"),
                    "RSK-003": (5, "Low", "No"), "RSK-004": (15, "High", "Yes"),
                    "RSK-006": (6, "Low", "No"), "RSK-007": (25, "High", "Yes")}
        for rid, values in expected.items():
            got = tuple(self.value_at("risk-register.xlsx", "Risks", rid, label, cached=True).value
                        for label in ("Inherent score", "Inherent level", "Exceeds acceptance"))
            self.assertEqual(got, values, rid)
        self.assertEqual(self.value_at("risk-register.xlsx", "Risks", "RSK-007",
                                       "Residual level", cached=True).value, "Medium")
        self.assertIn(self.value_at("risk-register.xlsx", "Risks", "RSK-006",
                                    "Residual score", cached=True).value, (None, ""))

    def test_fixture_dates_judged_as_of(self):
        cases = [
            ("risk-register.xlsx", "Risks", "RSK-001", "Treatment due", RED),
            ("risk-register.xlsx", "Risks", "RSK-003", "Treatment due", None),   # accepted
            ("risk-register.xlsx", "Risks", "RSK-004", "Treatment due", None),   # closed
            ("risk-register.xlsx", "Risks", "RSK-007", "Treatment due", None),   # due today
            ("risk-register.xlsx", "Risks", "RSK-002", "Next review", RED),      # yesterday
            ("risk-register.xlsx", "Risks", "RSK-003", "Next review", None),     # today
            ("risk-register.xlsx", "Risks", "RSK-004", "Next review", None),     # closed
            # Accepted: done with treatment, not with reviews.
            ("risk-register.xlsx", "Risks", "RSK-009", "Treatment due", None),
            ("risk-register.xlsx", "Risks", "RSK-009", "Next review", RED),
            ("risk-register.xlsx", "Treatment plan", "RSK-001", "Treatment due", RED),
            ("risk-register.xlsx", "Risks", "RSK-001", "Inherent score", "FFC7CE"),
            ("risk-register.xlsx", "Risks", "RSK-002", "Inherent level", "FFEB9C"),
            ("risk-register.xlsx", "Risks", "RSK-006", "Inherent score", "C6EFCE"),
            ("training-register.xlsx", "Training records", "TRN-001", "Expires", AMBER),
            ("training-register.xlsx", "Training records", "TRN-002", "Expires", RED),
            ("training-register.xlsx", "Training records", "TRN-004", "Expires", None),  # marked expired
            ("training-register.xlsx", "Training records", "TRN-005", "Expires", None),
            ("audit-register.xlsx", "Corrective actions", "ACT-001", "Due", None),
            ("audit-register.xlsx", "Corrective actions", "ACT-002", "Due", RED),
            ("audit-register.xlsx", "Corrective actions", "ACT-003", "Due", None),
            ("audit-register.xlsx", "Audit programme", "AUD-02", "Planned", RED),
            ("audit-register.xlsx", "Audit programme", "AUD-03", "Planned", None),
            ("review-register.xlsx", "Management reviews", "MR-01", "Held", None),
            ("review-register.xlsx", "Management reviews", "MR-02", "Held", RED),
            ("contract-register.xlsx", "Contract register", "CTR-001", "Contract end", RED),
            ("contract-register.xlsx", "Contract register", "CTR-002", "Contract end", None),
            ("service-register.xlsx", "Service level agreements", "SLA-01", "Next review", RED),
            ("service-register.xlsx", "Service level agreements", "SLA-01", "Expires", AMBER),
            ("supplier-register.xlsx", "Supplier register", "SUP-01", "Contract end", RED),
            ("supplier-register.xlsx", "Supplier register", "SUP-01", "Next review", None),
            ("document-register.xlsx", "Documents", "PRO-IA-01", "Next review", RED),
            ("document-register.xlsx", "Documents", "POL-SM-01", "Next review", None),
        ]
        for name, title, rid, label, colour in cases:
            self.assertEqual(self.colour_at(name, title, rid, label), colour,
                             "%s %s %s" % (title, rid, label))

    def test_fixture_treatment_plan(self):
        # RSK-005 is an opportunity being exploited; RSK-008 is open with no
        # treatment chosen yet; RSK-003 and RSK-009 (accepted), RSK-004
        # (closed) and RSK-006 (retained) are left out.
        self.assertEqual(sorted(self.book("risk-register.xlsx").ids("Treatment plan")),
                         ["RSK-001", "RSK-002", "RSK-005", "RSK-007", "RSK-008"])

    def test_fixture_heat_map(self):
        ws = self.book("risk-register.xlsx").cached["Heat map"]  # what Excel shows
        grid = {}
        for row in ws.iter_rows(values_only=True):
            if isinstance(row[0], str) and re.match(r"^[1-5] ", row[0]):
                grid[int(row[0][0])] = [v or 0 for v in row[1:6]]
        self.assertEqual(grid, {5: [1, 0, 0, 0, 1],   # RSK-003; RSK-007 (RSK-004 closed)
                                4: [0, 1, 0, 1, 0],   # RSK-002; RSK-001 (RSK-005 an opportunity)
                                3: [0, 1, 1, 0, 0],   # RSK-006; RSK-008
                                2: [0, 1, 0, 0, 0],   # RSK-009 (accepted, not closed)
                                1: [0, 0, 0, 0, 0]})

    def test_fixture_skills_matrix(self):
        ws, columns, people, gap = self.skills_matrix()
        col = {c["id"]: n for n, c in columns.items()}
        row = {p["id"]: n for n, p in people.items()}
        self.assertEqual(sorted(row), ["PER-001", "PER-002", "PER-004", "PER-005"])
        self.assertEqual(sorted(col), ["CMP-CAB", "CMP-ITSM"])
        for pid, cid, state in (("PER-001", "CMP-ITSM", "expiring"),
                                ("PER-005", "CMP-ITSM", "missing"),
                                ("PER-002", "CMP-CAB", "expired")):
            self.assertEqual(ws.cell(row=row[pid], column=col[cid]).value, state, pid + cid)
        self.assertEqual(ws.cell(row=gap, column=col["CMP-ITSM"]).value, 1)
        self.assertEqual(ws.cell(row=gap, column=col["CMP-CAB"]).value, 1)
        colours = conditional_colours(self.book("training-register.xlsx").wb, "Skills matrix")
        self.assertEqual(colours[(row["PER-005"], col["CMP-ITSM"])], [RED])
        self.assertEqual(colours[(row["PER-001"], col["CMP-ITSM"])], [AMBER])

    def test_fixture_finding_counts(self):
        expected = {"AUD-01": [1, 2, 0, 1], "AUD-02": [0, 0, 0, 0], "AUD-03": [0, 0, 0, 0],
                    "AUD-04": [0, 0, 1, 0], "AUD-05": [0, 0, 0, 0]}
        book = self.book("audit-register.xlsx")
        ws = book.cached["Audit programme"]
        first = len(self.sms.labels("audit")) + 1
        for aid, counts in expected.items():
            r = book.row_of("Audit programme")[aid]
            got = [ws.cell(row=r, column=c).value for c in range(first, first + 4)]
            self.assertEqual(got, counts, aid)

    def test_fixture_clause_coverage(self):
        # Worked out from records/audits.yaml by hand. Internal audits not
        # cancelled: AUD-01 (2025, completed, 4.1, 8.5.1.2, 9.2), AUD-02 (2026,
        # planned, 5, 10, 8.5.2, 8.5.3) and AUD-04 (2026, completed, 8.5.1);
        # AUD-03 (cancelled) and AUD-05 (surveillance) are not in the grid.
        # The cycle is the 12 months from 2025-11-21.
        book = self.book("audit-register.xlsx")
        ws = book.wb["Clause coverage"]
        header = book.header("Clause coverage")
        self.assertEqual(header, ["Clause", "Title", "2025", "2026", "Covered in cycle"])
        rows = book.row_of("Clause coverage")
        self.assertEqual(list(rows), [c for c, _ in clause_catalogue()])  # all 77, not 2 levels
        expected = {
            "4": (None, None, "no"),             # 4.2-4.4 never audited: the weakest leaf
            "4.1": ("audited", None, "no"),      # 2025-10-02: audited, but before the cycle
            "4.2": (None, None, "no"),
            "5": (None, "planned", "no"),        # AUD-02 names 5: every leaf planned
            "5.2.1": (None, "planned", "no"),    # ... sub-clauses included
            "6": (None, None, "no"),             # cancelled
            "7.5": (None, None, "no"),           # AUD-05 is not internal
            "7.5.1": (None, None, "no"),
            "8": (None, None, "no"),
            "8.5": (None, "planned", "no"),      # audited 8.5.1.x, planned 8.5.2.x, 8.5.3
            "8.5.1": (None, "audited", "yes"),   # 2025: only 8.5.1.2 of its three leaves
            "8.5.1.1": (None, "audited", "yes"),  # AUD-04 named its parent 8.5.1
            "8.5.1.2": ("audited", "audited", "yes"),
            "8.5.1.3": (None, "audited", "yes"),
            "8.5.2": (None, "planned", "no"),
            "8.5.2.3": (None, "planned", "no"),
            "8.5.3": (None, "planned", "no"),
            "9": (None, None, "no"),
            "9.2": ("audited", None, "no"),      # audited in some period, not in the cycle
            "10": (None, "planned", "no"),
            "10.2": (None, "planned", "no"),
        }
        for clause, values in expected.items():
            got = tuple(ws.cell(row=rows[clause], column=c).value for c in (3, 4, 5))
            self.assertEqual(got, values, clause)

    def test_fixture_clause_coverage_workbook(self):
        # Worked out by hand from the fixture: POL-SM-01 (5.2), PRO-IA-01
        # (9.2) and the process PRC-CHG (8.5.1) are in force; STM-CTX-00
        # (4.1, 4.2) is retired. Records: AUD-01 (internal, 2025-10-02: 4.1,
        # 8.5.1.2, 9.2), AUD-04 (internal, 2026-05-02: 8.5.1), AUD-05
        # (surveillance, 2026-06-10: 7.5), ACT-001, FND-01, FND-04, FND-05
        # (8.5.1; FND-04 and FND-05 open), FND-02 (9.2, open), FND-03 (4.1).
        # AUD-02 (planned) and AUD-03 (cancelled) count nowhere.
        d = datetime.datetime
        chg = "ACT-001, AUD-01, AUD-04, FND-01, FND-04, FND-05"
        open_chg = "FND-04, FND-05"
        expected = {
            # clause: (State, Documents, Processes, Records, Document IDs,
            #          Process IDs, Not in force, Record IDs, Internal audits,
            #          Last internal audit, Audited in cycle, External audits,
            #          Last external audit, Open findings)
            # 4.1 evidenced only; the retired document counts for nothing.
            "4": ("partly covered", 0, 0, 2, None, None, "STM-CTX-00", "AUD-01, FND-03",
                  "AUD-01", None, "no", None, None, None),
            "4.1": ("evidenced only", 0, 0, 2, None, None, "STM-CTX-00", "AUD-01, FND-03",
                    "AUD-01", d(2025, 10, 2), "no", None, None, None),
            "4.2": ("not covered", 0, 0, 0, None, None, "STM-CTX-00", None,
                    None, None, "no", None, None, None),
            "4.3": ("not covered", 0, 0, 0, None, None, None, None,
                    None, None, "no", None, None, None),
            # Naming 5.2 documents 5.2.1 and 5.2.2; 5.1 and 5.3 stay bare.
            "5": ("partly covered", 1, 0, 0, "POL-SM-01", None, None, None,
                  None, None, "no", None, None, None),
            "5.1": ("not covered", 0, 0, 0, None, None, None, None,
                    None, None, "no", None, None, None),
            "5.2": ("documented only", 1, 0, 0, "POL-SM-01", None, None, None,
                    None, None, "no", None, None, None),
            "5.2.2": ("documented only", 1, 0, 0, "POL-SM-01", None, None, None,
                      None, None, "no", None, None, None),
            "6": ("not covered", 0, 0, 0, None, None, None, None,
                  None, None, "no", None, None, None),
            # The surveillance audit: listed, dated, but no evidence.
            "7": ("not covered", 0, 0, 0, None, None, None, None,
                  None, None, "no", "AUD-05", None, None),
            "7.5": ("not covered", 0, 0, 0, None, None, None, None,
                    None, None, "no", "AUD-05", d(2026, 6, 10), None),
            "7.5.3": ("not covered", 0, 0, 0, None, None, None, None,
                      None, None, "no", "AUD-05", d(2026, 6, 10), None),
            "8": ("partly covered", 0, 1, 6, None, "PRC-CHG", None, chg,
                  "AUD-01, AUD-04", None, "no", None, None, open_chg),
            "8.5": ("partly covered", 0, 1, 6, None, "PRC-CHG", None, chg,
                    "AUD-01, AUD-04", None, "no", None, None, open_chg),
            "8.5.1": ("covered", 0, 1, 6, None, "PRC-CHG", None, chg,
                      "AUD-01, AUD-04", d(2026, 5, 2), "yes", None, None, open_chg),
            "8.5.1.1": ("covered", 0, 1, 5, None, "PRC-CHG", None,
                        "ACT-001, AUD-04, FND-01, FND-04, FND-05",
                        "AUD-04", d(2026, 5, 2), "yes", None, None, open_chg),
            "8.5.1.2": ("covered", 0, 1, 6, None, "PRC-CHG", None, chg,
                        "AUD-01, AUD-04", d(2026, 5, 2), "yes", None, None, open_chg),
            "8.5.2": ("not covered", 0, 0, 0, None, None, None, None,
                      None, None, "no", None, None, None),
            "9": ("partly covered", 1, 0, 2, "PRO-IA-01", None, None, "AUD-01, FND-02",
                  "AUD-01", None, "no", None, None, "FND-02"),
            "9.2": ("covered", 1, 0, 2, "PRO-IA-01", None, None, "AUD-01, FND-02",
                    "AUD-01", d(2025, 10, 2), "no", None, None, "FND-02"),
            "10": ("not covered", 0, 0, 0, None, None, None, None,
                   None, None, "no", None, None, None),
        }
        book = self.book("clause-coverage.xlsx")
        ws = book.wb["Clauses"]
        rows = book.row_of("Clauses")
        for clause, values in expected.items():
            got = tuple(c.value for c in ws[rows[clause]][2:])
            self.assertEqual(got, values, clause)
        # The clause page of 4.1 lists the retired document apart.
        with open(os.path.join(self.out, "clauses", "4.1.html"), encoding="utf-8") as fh:
            page = fh.read()
        section = page[page.index('id="Not-in-force"'):page.index('id="Evidenced-by"')]
        self.assertIn(">STM-CTX-00 Context and Interested Parties 2024</a> "
                      '<span class="status status-draft">retired</span>', section)

    def test_fixture_coverage_as_of_an_earlier_date(self):
        # As of 2026-04-01 AUD-04 (2026-05-02) and AUD-05 (2026-06-10) have
        # not happened yet, whatever their status says: neither evidence nor
        # audits. The cycle starts on 2025-04-01, so AUD-01 (2025-10-02) is
        # in it. Other records count whatever their dates.
        out = os.path.join(self.tmp.name, "site-2026-04")
        result = build(self.root(), out, as_of="2026-04-01")
        self.assertEqual(result.returncode, 0, result.stderr)
        book = Book(os.path.join(out, "registers", "clause-coverage.xlsx"))
        ws = book.wb["Clauses"]
        rows = book.row_of("Clauses")
        labels = ("State", "Record IDs", "Internal audits", "Last internal audit",
                  "Audited in cycle", "External audits", "Last external audit")
        columns = [book.header("Clauses").index(l) + 1 for l in labels]
        d = datetime.datetime
        expected = {
            "4.1": ("evidenced only", "AUD-01, FND-03", "AUD-01", d(2025, 10, 2), "yes",
                    None, None),
            "7.5": ("not covered", None, None, None, "no", None, None),
            "8.5.1": ("covered", "ACT-001, AUD-01, FND-01, FND-04, FND-05", "AUD-01", None,
                      "no", None, None),
            "8.5.1.1": ("covered", "ACT-001, FND-01, FND-04, FND-05", None, None, "no",
                        None, None),
            "8.5.1.2": ("covered", "ACT-001, AUD-01, FND-01, FND-04, FND-05", "AUD-01",
                        d(2025, 10, 2), "yes", None, None),
            "9.2": ("covered", "AUD-01, FND-02", "AUD-01", d(2025, 10, 2), "yes", None, None),
        }
        for clause, values in expected.items():
            got = tuple(ws.cell(row=rows[clause], column=c).value for c in columns)
            self.assertEqual(got, values, clause)
        # The audit register's grid agrees: AUD-04 is still planned.
        book = Book(os.path.join(out, "registers", "audit-register.xlsx"))
        ws = book.wb["Clause coverage"]
        self.assertEqual(book.header("Clause coverage"),
                         ["Clause", "Title", "2025", "2026", "Covered in cycle"])
        rows = book.row_of("Clause coverage")
        for clause, values in {"4.1": ("audited", None, "yes"),
                               "8.5.1": (None, "planned", "no"),
                               "8.5.1.1": (None, "planned", "no"),
                               "8.5.1.2": ("audited", "planned", "yes"),
                               "9.2": ("audited", None, "yes")}.items():
            got = tuple(ws.cell(row=rows[clause], column=c).value for c in (3, 4, 5))
            self.assertEqual(got, values, clause)

    def test_fixture_approvals_from_git(self):
        """Approvals recorded by Approved-by trailers, in a copy of the
        fixture in a git repository of its own (with Fay Ford, PER-006, as the
        CEO): only a trailer naming the document's approver role (by key,
        title, or a person holding it) approves; the others are approval
        problems when they came after the last approval that counts."""
        root = os.path.join(self.tmp.name, "git-fixture")
        shutil.copytree(self.root(), root)
        with open(os.path.join(root, "records", "people.yaml"), "a", encoding="utf-8") as fh:
            fh.write("- id: PER-006\n  kind: person\n  title: Fay Ford\n  status: active\n"
                     "  role: ceo\n")

        def git(*args, env=None):
            full = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1",
                        **(env or {}))
            return subprocess.run(["git", "-C", root] + list(args), check=True, text=True,
                                  capture_output=True, env=full).stdout.strip()

        def commit(day, path=None, approved_by=None):
            """Adds a front matter comment to path (no body change) and
            commits everything on day, with an Approved-by trailer."""
            if path:
                full = os.path.join(root, path)
                with open(full, encoding="utf-8") as fh:
                    text = fh.read()
                with open(full, "w", encoding="utf-8") as fh:
                    fh.write(text.replace("---\n", "---\n# circulated %s\n" % day, 1))
            stamp = day + "T10:00:00+0000"
            env = {"GIT_AUTHOR_NAME": "Sam", "GIT_AUTHOR_EMAIL": "sam@example.com",
                   "GIT_COMMITTER_NAME": "Sam", "GIT_COMMITTER_EMAIL": "sam@example.com",
                   "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp}
            message = ["-m", "Update " + (path or "everything")]
            if approved_by:
                message += ["-m", "Approved-by: " + approved_by]
            git("add", "-A")
            git("commit", "-q", *message, env=env)
            return git("rev-parse", "--short=7", "HEAD")

        git("init", "-q", "-b", "main")
        commit("2026-01-10")
        sm, ia, chg, ctx = ("policies/service-management-policy.md",
                            "policies/internal-audit-procedure.md",
                            "processes/change-management.md", "policies/context-2024.md")
        commit("2026-01-12", sm, "hr-manager")          # not the approver, then superseded
        commit("2026-01-20", sm, "Fay Ford")            # the CEO by name: counts
        late = commit("2026-02-01", sm, "PER-002")      # the change manager: does not
        unknown = commit("2026-02-03", ia, "Nobody Known")  # no one: does not
        commit("2026-02-05", chg, "Chief Executive Officer")  # the role's title: counts
        commit("2026-02-07", ctx, "Nobody Known")       # retired: nothing to approve
        out = os.path.join(self.tmp.name, "site-git")
        result = build(root, out)
        self.assertEqual(result.returncode, 0, result.stderr)
        book = Book(os.path.join(out, "registers", "document-register.xlsx"))
        header = book.header("Documents")
        self.assertEqual(header.index("Approval problems"),
                         header.index("Changed after approval") + 1)
        self.assertEqual(header.index("Source"), header.index("Approval problems") + 1)
        ws = book.wb["Documents"]
        rows = book.row_of("Documents")
        d = datetime.datetime
        expected = {
            # (Approved on, Approved by, Last review, Next review, Approval problems)
            "POL-SM-01": (d(2026, 1, 20), "Fay Ford (Chief Executive Officer)", d(2026, 1, 20),
                          d(2027, 1, 20),
                          "Approved-by 'PER-002' in %s (2026-02-01) is Bob Baker (Change "
                          "Manager), not the approver Chief Executive Officer; the approval "
                          "does not count" % late),
            "PRO-IA-01": (None, None, "none recorded", d(2026, 2, 28),
                          "Approved-by 'Nobody Known' in %s (2026-02-03) names no role or "
                          "person; the approval does not count" % unknown),
            "PRC-CHG": (d(2026, 2, 5), "Chief Executive Officer", d(2026, 2, 5), d(2028, 2, 5),
                        None),
            "STM-CTX-00": (None, None, "none recorded", d(2025, 2, 1), None),
        }
        labels = ("Approved on", "Approved by", "Last review", "Next review", "Approval problems")
        self.assertEqual(sorted(rows), sorted(expected))
        for doc_id, values in expected.items():
            cells = [ws.cell(row=rows[doc_id], column=header.index(l) + 1) for l in labels]
            self.assertEqual(tuple(c.value for c in cells), values, doc_id)
            self.assertEqual(rgb(cells[-1].fill.fgColor), RED if values[-1] else None, doc_id)
            changed = ws.cell(row=rows[doc_id], column=header.index("Changed after approval") + 1)
            self.assertIsNone(changed.value, doc_id)  # front matter edits only

    def test_fixture_document_next_review(self):
        cell = self.value_at("document-register.xlsx", "Documents", "PRO-IA-01", "Next review")
        self.assertEqual(cell.value, datetime.datetime(2026, 2, 28))

    def test_fixture_kind_of_its_own(self):
        book = self.book("contract-register.xlsx")
        self.assertEqual(book.wb.sheetnames[1], "Contract register")
        self.assertIn("Annual value (GBP)", book.header("Contract register"))
        cell = self.value_at("contract-register.xlsx", "Contract register", "CTR-001",
                             "Annual value (GBP)")
        self.assertEqual(cell.value, 125000.5)

    def test_as_of_moves_the_judgement(self):
        out = os.path.join(self.tmp.name, "site-2027")
        result = build(self.root(), out, as_of="2027-06-01")
        self.assertEqual(result.returncode, 0, result.stderr)
        book = Book(os.path.join(out, "registers", "audit-register.xlsx"))
        cover = {row[0]: row[1] for row in book.wb["Cover"].iter_rows(values_only=True)
                 if len(row) > 1}
        self.assertEqual(cover.get("As of"), datetime.datetime(2027, 6, 1))
        self.assertEqual(book.wb.properties.created, datetime.datetime(2027, 6, 1))
        self.assertEqual(self.colour_at(None, "Corrective actions", "ACT-003", "Due", book), RED)
        book = Book(os.path.join(out, "registers", "training-register.xlsx"))
        self.assertEqual(self.colour_at(None, "Training records", "TRN-001", "Expires", book), RED)
        self.assertEqual(self.colour_at(None, "Training records", "TRN-005", "Expires", book), RED)

    def test_default_as_of_is_source_date_epoch(self):
        out = os.path.join(self.tmp.name, "site-epoch")
        epoch = (datetime.date(2027, 1, 1) - datetime.date(1970, 1, 1)).days * 86400 + 3600
        result = build(self.root(), out, as_of=None, env={"SOURCE_DATE_EPOCH": str(epoch)})
        self.assertEqual(result.returncode, 0, result.stderr)
        book = Book(os.path.join(out, "registers", "review-register.xlsx"))
        cover = {row[0]: row[1] for row in book.wb["Cover"].iter_rows(values_only=True)
                 if len(row) > 1}
        self.assertEqual(cover.get("As of"), datetime.datetime(2027, 1, 1))



class LiveDatesTest(unittest.TestCase):
    """--live-dates: the workbooks' date rules compare with TODAY() (and
    TODAY()+60 for expiring) where the default build writes the as-of
    date; nothing else changes but the cover's note."""

    def test_live_dates_swap_the_as_of_date_for_today(self):
        if openpyxl is None:
            self.fail("these tests need python3-openpyxl (apt-get install python3-openpyxl)")
        with tempfile.TemporaryDirectory(prefix="smsdoc-live-") as tmp:
            fixed, live = os.path.join(tmp, "fixed"), os.path.join(tmp, "live")
            self.assertEqual(build(testlib.REPO, fixed).returncode, 0)
            result = subprocess.run([testlib.SMSDOC, "build", "--root", testlib.REPO, "--out", live,
                                     "--as-of", AS_OF, "--live-dates"],
                                    capture_output=True, text=True, timeout=60)
            self.assertEqual(result.returncode, 0, result.stderr)
            swapped = 0
            for name in sorted(os.listdir(os.path.join(fixed, "registers"))):
                a = openpyxl.load_workbook(os.path.join(fixed, "registers", name))
                b = openpyxl.load_workbook(os.path.join(live, "registers", name))
                self.assertEqual(defined_name(b, "AsOf"), "TODAY()", name)
                for ws in a.worksheets:
                    before = [r.formula[0] for cf in ws.conditional_formatting for r in cf.rules]
                    after = [r.formula[0] for cf in b[ws.title].conditional_formatting
                             for r in cf.rules]
                    expected = [f.replace("DATE(2026,11,21)", "TODAY()")
                                 .replace("DATE(2027,1,20)", "TODAY()+60") for f in before]
                    self.assertEqual(after, expected, "%s %s" % (name, ws.title))
                    swapped += sum(f != e for f, e in zip(before, expected))
                    self.assertFalse(any("DATE(2026,11,21)" in f for f in after))
                cover = {row[0]: row[1] for row in b["Cover"].iter_rows(values_only=True)
                         if row and row[0]}
                self.assertIn("--live-dates", cover.get("Dates", ""), name)
            self.assertGreater(swapped, 10, "no date rule changed")


class WorkbookLimitsTest(unittest.TestCase):
    """tests/fixtures/workbook-limits: what Excel cannot hold is kept as text
    (a date before 1900) or cut where the warning says (text over 32,767
    characters), never written as 0 or dropped."""

    def setUp(self):
        if openpyxl is None:
            self.fail("these tests need python3-openpyxl (apt-get install python3-openpyxl)")

    def test_pre_1900_dates_are_text_and_long_text_is_cut_by_characters(self):
        with tempfile.TemporaryDirectory(prefix="smsdoc-limits-") as tmp:
            root = os.path.join(tmp, "sms")
            src = os.path.join(testlib.REPO, "tests", "fixtures", "workbook-limits")
            testlib.copy_sms(src, root, ignore=("expected.txt", "exit_code", "prepare.sh"))
            subprocess.run(["sh", os.path.join(src, "prepare.sh")], cwd=root, check=True)
            out = os.path.join(tmp, "site")
            result = build(root, out)
            self.assertEqual(result.returncode, 0, result.stderr)
            category = ("Contrôle " * 4000).strip()  # as the record holds it
            kept = category[:32767]
            self.assertIn("'RSK-001': 'category' has 35,999 characters, more than the 32,767 an Excel "
                          "cell holds: the register workbooks keep the first 32,767, up to '...%s'"
                          % kept[-20:], result.stderr)

            book = Book(os.path.join(out, "registers", "risk-register.xlsx"))
            sheet = book.wb["Risks"]
            header = book.header("Risks")
            rows = book.row_of("Risks")
            opened = sheet.cell(row=rows["RSK-002"], column=header.index("Last reviewed") + 1)
            self.assertEqual((opened.data_type, opened.value), ("s", "1850-03-01"))
            self.assertNotIn("1850-01-01", result.stderr)  # `archived` is in no workbook
            later = sheet.cell(row=rows["RSK-001"], column=header.index("Last reviewed") + 1)
            self.assertEqual(later.value, datetime.datetime(2026, 1, 5))  # still a date
            cell = sheet.cell(row=rows["RSK-001"], column=header.index("Category") + 1)
            self.assertEqual(cell.data_type, "s")
            self.assertEqual(len(cell.value), 32767)  # characters, not bytes
            self.assertEqual(cell.value, kept)

            book = Book(os.path.join(out, "registers", "document-register.xlsx"))
            header = book.header("Documents")
            effective = book.wb["Documents"].cell(row=book.row_of("Documents")["POL-01"],
                                                  column=header.index("Effective") + 1)
            self.assertEqual((effective.data_type, effective.value), ("s", "1899-12-31"))


if __name__ == "__main__":
    testlib.main()
