#!/usr/bin/python3
"""One fact, one value, on every surface.

The analysis (src/model/analysis.h, computed in src/analyse/) derives every
date-dependent fact once; every surface reads it. This test builds the
repository's example SMS (in place: its history is git's) and a generated one
(put in git, with edits after approval) at several as-of dates, runs
`status --format json` and `graph --format json` with the same --as-of (and,
for an SMS with frameworks beside ISO/IEC 20000-1, plain `status`), and
checks that every fact shown on more than one surface has the same value on
all of them:

- per document: version, status, approved on, approved by, last and next
  review, review state (overdue, due, none), changed after approval, version
  and approval problems: the document page, documents.html, index.html,
  processes.html, stage-1.html, document-register.xlsx (values, and the
  overdue conditional format evaluated), graph json, the status json lists,
  attention.html and the warnings of build, status and graph;
- per clause: coverage state, counts, last internal and external audit,
  audited in cycle: the clause page (and its parent's list of sub-clauses and
  "not audited" leaves), clauses/index.html, clause-coverage.xlsx,
  audit-register.xlsx "Clause coverage", graph json, status json
  uncovered_clauses, and the readiness internal-audit item;
- per record date: overdue, expired, expiring on the record page, the
  register page, the workbook (conditional formats evaluated against the
  as-of date), attention.html, status json and the warnings;
- readiness: readiness.html item states against the documents' states, the
  clauses' audit cycle, the customer, SLA and supplier records (computed
  from the YAML by agreement_rules.py), stage-1.html and status json
  readiness_missing;
- per item of a framework beside ISO/IEC 20000-1 (the example's ISO/IEC
  27001, docs/frameworks.md): coverage state on frameworks/FW.html (word and
  colour; the catalogue's items, each once, in order), frameworks/matrix.html
  and framework-matrix.xlsx (20000-1's side against the clause pages); each
  leaf's state from the documents and records its row lists, each parent's
  from its leaves; its documents against the document pages' framework
  items; the per-state counts on frameworks/index.html, the page (summary
  and rows), `status` text and status json framework_coverage;
- the cross-framework matrix: page and workbook row for row (pairs, titles,
  states, documents, links), the pairs the mappings', the documents the
  clause coverage's and the framework page's, the count on records.html;
- the Statement of Applicability: records/applicability.html and
  statement-of-applicability.xlsx entry for entry, not applicable exactly
  for the controls the YAML excludes (excluded on every surface above),
  Implemented by and Evidence against the document and record pages, the
  count on records.html, and every document a justification names among
  those implementing its control;
- the as-of date itself on every surface that shows it.

Comparisons are exact (the same IDs on every full surface, each once), and
a last check proves the dates exercise every state.

Needs Debian's python3-openpyxl besides the standard library.

usage: consistency_test.py SMSDOC_BINARY REPO_ROOT
"""

import collections
import datetime
import itertools
import json
import os
import posixpath
import re
import subprocess
import tempfile
import unittest
from html.parser import HTMLParser
from urllib.parse import unquote

import agreement_rules
import registers_test
import testlib
from excel import Evaluator, rgb

try:
    import openpyxl
except ImportError:  # reported by every test, see ConsistencyCase.setUpClass
    openpyxl = None

# The example's dates (records/*.yaml, the documents' approvals in git):
# before any audit was performed (AUD-2025-01 is "completed", performed
# 2025-10-14; no management review held: readiness items missing); after
# the internal audit AUD-2026-01 (2026-03-11), before the Stage 1 audit;
# just after Stage 2 (2026-06-18: last external audits); the date the other
# tests use (two reviews due, treatments overdue, trainings expiring); the
# first day AUD-2025-02 (performed 2025-12-09) is out of the 12-month audit
# cycle, with PRO-DOC-01 overdue (2026-12-08) and reviews due up to the 30-day boundary
# (PRC-BUD and STM-SCOPE-01, 2027-01-09, just outside); and after every
# review and the draft PRO-MON-01's next review (2027-12-01), with no
# internal audit left in the cycle. test_the_dates_exercise_every_state
# says when an edit of the example stops these dates from flipping states.
EXAMPLE_DATES = ["2025-06-01", "2026-03-15", "2026-06-20", "2026-11-21", "2026-12-10",
                 "2027-12-15"]
# bench/gen_sms.py puts every next review, due and expiry date in 2028 or
# later: two dates among them.
GENERATED_DATES = ["2028-10-01", "2029-06-01"]
GENERATED_ITEMS = "200"  # 10 % records: about 20, of every kind
GENERATED_SEED = "3"

RED = "FFC7CE"    # overdue and expired
AMBER = "FFEB9C"  # expiring
REVIEW_STATES = ("overdue", "due")
DATE_STATES = ("overdue", "expired", "expiring")
MISSING = "<absent>"
# Readiness items judged from records or processes; the others from documents.
RECORD_ITEMS = {"competence-records", "internal-audit", "management-review",
                "corrective-actions", agreement_rules.SLA_KEY, agreement_rules.SUPPLIER_KEY}
PROCESS_ITEM = "clause-8-processes"
# ISO/IEC 27001's items judged from records (kind risk, the SoA, KPI series),
# keyed "iso27001:KEY" on the page: not from the documents.
RECORD_ITEMS_27001 = {"iso27001:" + k for k in (
    "competence-records", "risk-assessment-results", "risk-treatment-results",
    "statement-of-applicability", "monitoring-results", "internal-audit", "management-review",
    "corrective-actions")}
DIAG_RE = testlib.DIAG_RE


def norm(text):
    return " ".join((text or "").split())


def iso(value):
    """A workbook cell as the ISO date (or text) the site shows."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


# --- A small DOM over html.parser -------------------------------------------

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())


class El:
    __slots__ = ("tag", "attrs", "children", "parent")

    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.children, self.parent = tag, attrs, [], parent

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    @property
    def fact(self):
        return self.attrs.get("data-fact")

    def text(self):
        out = []

        def walk(e):
            for c in e.children:
                if isinstance(c, str):
                    out.append(c)
                else:
                    walk(c)
        walk(self)
        return norm("".join(out))

    def iter(self):
        for c in self.children:
            if isinstance(c, El):
                yield c
                yield from c.iter()

    def all(self, tag=None, cls=None):
        return [e for e in self.iter()
                if (tag is None or e.tag == tag) and (cls is None or cls in e.classes)]

    def first(self, tag=None, cls=None):
        found = self.all(tag, cls)
        return found[0] if found else None

    def kids(self, tag=None):
        return [c for c in self.children if isinstance(c, El) and (tag is None or c.tag == tag)]

    def ancestor(self, tag):
        e = self.parent
        while e is not None and e.tag != tag:
            e = e.parent
        return e

    def facts(self):
        """{data-fact: element} below this element; a name used twice raises."""
        out = {}
        for e in self.iter():
            if e.fact is not None:
                if e.fact in out:
                    raise AssertionError("data-fact=%r twice in one row or page" % e.fact)
                out[e.fact] = e
        return out


class _Dom(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = El("#root", {}, None)
        self.cur = self.root

    def handle_starttag(self, tag, attrs):
        el = El(tag, dict(attrs), self.cur)
        self.cur.children.append(el)
        if tag not in VOID:
            self.cur = el

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(El(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        e = self.cur
        while e is not None and e.tag != tag:
            e = e.parent
        if e is not None and e.parent is not None:
            self.cur = e.parent

    def handle_data(self, data):
        self.cur.children.append(data)


def page(path, start=None, stop=None):
    """The parsed page; with start, from its first occurrence on, with stop,
    up to (and with) the first occurrence after that: the part of a page
    that holds the facts (html.parser is slow, and there are many pages)."""
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    if start:
        if start not in text:
            raise AssertionError("%s: no %r" % (path, start))
        text = text[text.index(start):]
    if stop and stop in text:
        text = text[:text.index(stop) + len(stop)]
    parser = _Dom()
    parser.feed(text)
    parser.close()
    return parser.root


def link_id(td):
    """The ID of a cell: the first word of its first link (lists link "ID
    Title" as one), else the cell's text."""
    a = td.first("a")
    return a.text().split(" ", 1)[0] if a else td.text()


def fact_rows(dom):
    """[(ID, {data-fact: element})] for every table row with data-fact cells;
    the ID is the first cell's link."""
    rows = []
    for tr in dom.all("tr"):
        facts = tr.facts()
        if facts:
            rows.append((link_id(tr.kids("td")[0]), facts))
    return rows


# ISO/IEC 20000-1, whose items are the clause pages (clauses/N.html).
BASE_FRAMEWORK = "iso20000-1"
FRAMEWORK_STATES = ("covered", "partly covered", "documented only", "evidenced only",
                    "not covered", "excluded")


def item_ref(href):
    """(framework, item) a link names: frameworks/FW.html#ITEM, or
    (BASE_FRAMEWORK, N) for clauses/N.html; None for any other link."""
    href = unquote(href)
    m = re.search(r"(?:^|/)frameworks/([^/#]+)\.html#(.+)$", href)
    if m and m.group(1) not in ("index", "matrix"):
        return m.group(1), m.group(2)
    m = re.search(r"(?:^|/)clauses/([^/#]+)\.html$", href)
    if m and m.group(1) != "index":
        return BASE_FRAMEWORK, m.group(1)
    return None


def own_text(el):
    """The element's own text, without its child elements' (a title cell
    without its attribute span)."""
    return norm("".join(c for c in el.children if isinstance(c, str)))


def state_class(el):
    """The coverage state an element's class colours: state-partly-covered."""
    return " ".join(k[len("state-"):].replace("-", " ") for k in el.classes
                    if k.startswith("state-"))


def review_of(classes):
    states = [c for c in classes if c in REVIEW_STATES]
    return states[0] if len(states) == 1 else ("none" if not states else "+".join(states))


def date_state_of(classes):
    states = [c for c in classes if c in DATE_STATES]
    return states[0] if len(states) == 1 else ("" if not states else "+".join(states))


def dated(td):
    """(date, state) of a dated cell. The state is shown twice, as the
    cell's class (its colour) and as a word (span.mark): a difference
    between them is reported as the state, so it shows as a disagreement."""
    state = date_state_of(td.classes)
    marks = [m.text() for m in td.all("span", cls="mark")]
    text = td.text()
    for m in marks:
        text = norm(text[:text.rindex(m)])
    if marks != ([state] if state else []):
        state = "class %r, words %r" % (state, marks)
    return text, state


# --- Excel conditional formats ----------------------------------------------

class Highlights:
    """The conditional formats of a sheet, evaluated cell by cell."""

    def __init__(self, ws):
        self.ws = ws
        self.evaluator = Evaluator(ws.parent)
        self.rules = []  # (ranges, top, left, formula, fill)
        for cf in ws.conditional_formatting:
            ranges = list(cf.sqref.ranges)
            for rule in cf.rules:
                if rule.type != "expression":
                    raise AssertionError("%s: unexpected rule type %s" % (ws.title, rule.type))
                fill = rule.dxf.fill if rule.dxf is not None else None
                colour = (rgb(fill.bgColor) or rgb(fill.fgColor)) if fill is not None else None
                self.rules.append((ranges, ranges[0].min_row, ranges[0].min_col,
                                   rule.formula[0], colour))

    def fills(self, row, col):
        out = []
        for ranges, top, left, formula, colour in self.rules:
            if any(r.min_row <= row <= r.max_row and r.min_col <= col <= r.max_col
                   for r in ranges):
                if self.evaluator.evaluate(self.ws, formula, row - top, col - left):
                    out.append(colour)
        return out

    def column_fills(self, col):
        """Every fill any rule over the column can give."""
        return {colour for ranges, _, _, _, colour in self.rules
                if any(r.min_col <= col <= r.max_col for r in ranges)}

    def date_state(self, row, col):
        """overdue, expired, expiring or "" as the workbook colours a date:
        red in a column that also has an amber (expiring) rule is expired."""
        fills = self.fills(row, col)
        if len(fills) > 1:
            return "+".join(fills)
        if not fills:
            return ""
        if fills[0] == AMBER:
            return "expiring"
        if fills[0] == RED:
            return "expired" if AMBER in self.column_fills(col) else "overdue"
        return "fill " + str(fills[0])


def sheet_table(ws):
    """(header, [row values]) of a table sheet."""
    rows = list(ws.iter_rows(values_only=True))
    return [str(h) if h is not None else "" for h in rows[0]], [list(r) for r in rows[1:]]


# --- One round: build, status and graph with one --as-of ---------------------

class Round:
    """build, status and graph with one --as-of, then every surface read.
    start() launches the three commands; finish() waits and reads, so the
    next round's commands run while this one is read."""

    def __init__(self, sms, root, as_of, tmp, frameworks=()):
        self.sms, self.root, self.as_of, self.tmp = sms, root, as_of, tmp
        self.frameworks = frameworks  # beside ISO/IEC 20000-1: read their pages too
        self.out = os.path.join(tmp, "site-" + as_of)
        self.procs = {}

    def start(self):
        base = [testlib.SMSDOC]
        common = ["--root", self.root, "--as-of", self.as_of, "-j", "2"]
        commands = {"build": base + ["build"] + common + ["--out", self.out],
                    "status": base + ["status"] + common + ["--format", "json"],
                    "graph": base + ["graph"] + common + ["--format", "json"]}
        if self.frameworks:  # its "Coverage FW" lines
            commands["status-text"] = base + ["status"] + common
        # Concurrently, output to files (no pipe to fill).
        for name, args in commands.items():
            files = [open(os.path.join(self.tmp, "%s-%s.%s" % (name, self.as_of, ext)), "w+",
                          encoding="utf-8") for ext in ("out", "err")]
            self.procs[name] = (subprocess.Popen(args, stdout=files[0], stderr=files[1]),
                                files)
        return self

    def kill(self):
        """Ends the commands still running (after a failure elsewhere)."""
        for proc, files in self.procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for fh in files:
                fh.close()

    def finish(self):
        self.results = {}
        for name, (proc, files) in self.procs.items():
            code = proc.wait(timeout=120)
            for fh in files:
                fh.seek(0)
            self.results[name] = (code, files[0].read(), files[1].read())
            for fh in files:
                fh.close()
        for name, (code, _, err) in self.results.items():
            if code != 0:
                raise AssertionError("%s %s --as-of %s exited %d:\n%s"
                                     % (self.sms, name, self.as_of, code, err[-3000:]))
        self.status = json.loads(self.results["status"][1])
        self.graph = json.loads(self.results["graph"][1])
        self.read()
        return self

    def path(self, *parts):
        return os.path.join(self.out, *parts)

    # -- reading every surface -------------------------------------------

    def read(self):
        nodes = self.graph["nodes"]
        self.doc_nodes = {n["id"]: n for n in nodes if n["type"] in ("document", "process")}
        self.process_ids = {i for i, n in self.doc_nodes.items() if n["type"] == "process"}
        self.clause_nodes = {n["id"][len("clause:"):]: n for n in nodes if n["type"] == "clause"}
        self.record_nodes = {n["id"]: n for n in nodes
                             if n["type"] not in ("document", "process", "clause")}
        ids = sorted(self.clause_nodes)
        self.leaves = {c for c in ids if not any(o.startswith(c + ".") for o in ids)}
        self.books = {}
        self.problems = []  # malformed surfaces, reported by test_surfaces_are_readable
        self.read_documents()
        self.read_clauses()
        self.read_records()
        self.read_attention()
        self.read_readiness()
        self.read_diagnostics()
        if self.frameworks:
            self.read_frameworks()

    def book(self, name):
        if name not in self.books:
            path = self.path("registers", name)
            self.books[name] = openpyxl.load_workbook(path) if os.path.exists(path) else None
        return self.books[name]

    def read_documents(self):
        """self.doc[fact][surface] = {ID: value}; self.doc_flags likewise for
        changed, version-problem and approval-problem (booleans)."""
        doc = collections.defaultdict(lambda: collections.defaultdict(dict))
        flags = collections.defaultdict(lambda: collections.defaultdict(dict))
        texts = collections.defaultdict(lambda: collections.defaultdict(dict))
        self.doc, self.doc_flags, self.doc_texts = doc, flags, texts
        self.doc_items = {}  # ID: [(framework, item)] its page names
        self.partial = {"stage-1.html", "processes.html", "attention.html"}
        for i, n in self.doc_nodes.items():  # graph json
            for fact, key in (("version", "version"), ("status", "status"),
                              ("approved-on", "approved_on"), ("approved-by", "approved_by"),
                              ("next-review", "next_review")):
                doc[fact]["graph json"][i] = n.get(key, MISSING)
            doc["review-state"]["graph json"][i] = n.get("review", MISSING) or "none"
        for i, n in self.doc_nodes.items():  # the document's own page
            dom = page(self.path(n["url"]), start="<article", stop="</table>")
            shown = dom.first("p", cls="doc-id").text().split(" · ")[0]
            if shown != i:
                self.problems.append("%s: its page %s shows ID %r" % (i, n["url"], shown))
            f = dom.facts()
            surface = "document page"
            for fact in ("version", "status", "last-review", "next-review"):
                doc[fact][surface][i] = f[fact].text() if fact in f else MISSING
            # Without an approval the page says so instead.
            unapproved = "" if "no approval recorded" in dom.text() else MISSING
            for fact in ("approved-on", "approved-by"):
                doc[fact][surface][i] = f[fact].text() if fact in f else unapproved
            doc["review-state"][surface][i] = f["review-state"].text() or "none"
            doc["review-state"]["document page colour"][i] = review_of(
                f["next-review"].ancestor("td").classes)
            flags["changed"][surface][i] = "changed-after-approval" in f
            flags["version-problem"][surface][i] = "version-problem" in f
            flags["approval-problem"][surface][i] = "approval-problems" in f
            if "version-problem" in f:
                texts["version-problem"][surface][i] = [f["version-problem"].text().rstrip(".")]
            if "approval-problems" in f:
                texts["approval-problem"][surface][i] = [
                    li.text() for li in f["approval-problems"].all("li")]
            # The items of other frameworks it names (controls:, or
            # "iso27001:A.5.15" under clauses:), linked to their rows.
            self.doc_items[i] = sorted(
                ref for ref in (item_ref(a.attrs.get("href", ""))
                                for a in f["framework-items"].all("a")) if ref) \
                if "framework-items" in f else []
            # The date the banner names is the approval's.
            if "changed-after-approval" in f:
                m = re.search(r"approval on (\S+):", f["changed-after-approval"].text())
                doc["approved-on"]["changed banner"][i] = m.group(1) if m else MISSING
        self.partial.add("changed banner")

        def rows(name):
            found = collections.OrderedDict()
            dom = page(self.path(name), start="<main", stop='<section class="map">')
            for i, f in fact_rows(dom):
                if i in found:
                    self.problems.append("%s lists %s twice" % (name, i))
                found[i] = f
            return found

        for i, f in rows("documents.html").items():
            s = "documents.html"
            doc["version"][s][i] = f["version"].text()
            doc["status"][s][i] = f["status"].text()
            doc["approved-on"][s][i] = f["approved-on"].text()
            doc["next-review"][s][i] = f["next-review"].text()
            # The state as colour (the cell's class) and as a word (span.mark).
            td = f["next-review"].ancestor("td")
            doc["review-state"][s][i] = review_of(td.classes)
            mark = td.first("span", cls="mark")
            doc["review-state"]["documents.html word"][i] = mark.text() if mark else "none"
            td = f["approved-on"].ancestor("td")
            flags["changed"][s][i] = "overdue" in td.classes
            flags["changed"]["documents.html word"][i] = "changed after approval" in td.text()
        for name in ("index.html", "processes.html"):
            for i, f in rows(name).items():
                doc["version"][name][i] = f["version"].text()
                doc["status"][name][i] = f["status"].text()
        self.stage1_items = {}
        for i, f in rows("stage-1.html").items():
            s = "stage-1.html"
            doc["version"][s][i] = f["version"].text()
            doc["status"][s][i] = f["status"].text()
            approved = f["approved-on"].text()
            doc["approved-on"][s][i] = "" if approved == "not recorded" else approved
            doc["approved-by"][s][i] = f["approved-by"].text()
            m = re.match(r"^(\d{4}-\d\d-\d\d)?(?: ?\((due|overdue)\))?$",
                         f["next-review"].text())
            if not m:
                self.problems.append("stage-1.html %s: next review %r"
                                     % (i, f["next-review"].text()))
                continue
            doc["next-review"][s][i] = m.group(1) or ""
            doc["review-state"][s][i] = m.group(2) or "none"
            doc["review-state"]["stage-1.html colour"][i] = review_of(f["next-review"].classes)
            self.stage1_items[i] = sorted(
                unquote(a.attrs["href"]).split("#", 1)[1] for a in f["evidence-for"].all("a"))
        self.partial.add("stage-1.html colour")
        book = self.book("document-register.xlsx")
        ws = book["Documents"]
        header, values = sheet_table(ws)
        col = {h: c for c, h in enumerate(header)}
        lights = Highlights(ws)
        s = "document-register.xlsx"
        self.doc_overdue_book = {}
        for r, row in enumerate(values, start=2):
            i = row[col["ID"]]
            doc["version"][s][i] = iso(row[col["Version"]])
            doc["status"][s][i] = iso(row[col["Status"]])
            doc["approved-on"][s][i] = iso(row[col["Approved on"]])
            doc["approved-by"][s][i] = iso(row[col["Approved by"]])
            doc["last-review"][s][i] = iso(row[col["Last review"]])
            doc["next-review"][s][i] = iso(row[col["Next review"]])
            fills = lights.fills(r, col["Next review"] + 1)
            self.doc_overdue_book[i] = ("overdue" if fills == [RED] else
                                        "not overdue" if not fills else "fills %s" % fills)
            flags["changed"][s][i] = bool(row[col["Changed after approval"]])
            flags["approval-problem"][s][i] = bool(row[col["Approval problems"]])
            if row[col["Approval problems"]]:  # the messages, joined with "; "
                texts["approval-problem"][s][i] = [row[col["Approval problems"]]]
        status = self.status
        for i in self.doc_nodes:
            overdue, due = i in status["reviews_overdue"], i in status["reviews_due"]
            doc["review-state"]["status json"][i] = ("overdue+due" if overdue and due else
                                                     "overdue" if overdue else
                                                     "due" if due else "none")
            flags["changed"]["status json"][i] = i in status["changed_after_approval"]
            flags["version-problem"]["status json"][i] = i in status["version_problems"]
            flags["approval-problem"]["status json"][i] = i in status["approval_problems"]

    def read_clauses(self):
        """self.clause[fact][surface] = {clause: value}."""
        cl = collections.defaultdict(lambda: collections.defaultdict(dict))
        self.clause = cl
        for c, n in self.clause_nodes.items():
            cl["coverage"]["graph json"][c] = n.get("coverage", MISSING)
            cl["last-internal-audit"]["graph json"][c] = n.get("last_internal_audit", MISSING)
            cl["last-external-audit"]["graph json"][c] = n.get("last_external_audit", MISSING)
        self.not_audited_listed = {}
        for c in self.clause_nodes:
            dom = page(self.path("clauses", c + ".html"), start="<article",
                       stop='<h2 id="Addressed-by">')
            f = dom.facts()
            s = "clause page"
            cl["coverage"][s][c] = f["coverage"].text()
            cl["coverage"]["clause page colour"][c] = " ".join(
                k[len("state-"):].replace("-", " ") for k in f["coverage"].classes
                if k.startswith("state-"))
            for fact in ("last-internal-audit", "last-external-audit"):
                value = f[fact].text()
                cl[fact][s][c] = "" if value == "none" else value
            cl["audited-in-cycle"][s][c] = f["audited-in-cycle"].text()
            line = f["coverage"].parent.text()
            m = re.search(r"· (\d+) documents · (\d+) processes · (\d+) records$", line)
            if not m:
                self.problems.append("clauses/%s.html: counts in %r" % (c, line))
            else:
                for fact, value in zip(("documents", "processes", "records"), m.groups()):
                    cl[fact][s][c] = int(value)
            summary = f["audited-in-cycle"].parent.text()
            m = re.search(r"\(not audited: ([^)]*)\)", summary)
            self.not_audited_listed[c] = m.group(1).split(", ") if m else []
            # The sub-clauses as the parent's page shows them.
            h2 = [h for h in dom.all("h2") if h.attrs.get("id") == "Sub-clauses"]
            if h2:
                siblings = h2[0].parent.kids()
                ul = siblings[siblings.index(h2[0]) + 1]
                for li in ul.kids("li"):
                    child = li.first("a").text().split(" ")[0]
                    state = li.first("span", cls="state")
                    cl["coverage"]["parent's clause page"][child] = state.text()
        self.partial.add("parent's clause page")
        index = page(self.path("clauses", "index.html"))
        seen = set()
        for c, f in fact_rows(index):
            if c in seen:
                self.problems.append("clauses/index.html lists %s twice" % c)
            seen.add(c)
            s = "clauses/index.html"
            for fact in ("coverage", "last-internal-audit", "last-external-audit",
                         "audited-in-cycle"):
                cl[fact][s][c] = f[fact].text()
            for fact in ("documents", "processes", "records"):
                cl[fact][s][c] = int(f[fact].text())
        gaps = index.first("section", cls="gaps")
        self.gaps = sorted(li.first("a").text().split(" ")[0] for li in gaps.all("li")) \
            if gaps else []
        self.coverage_summary = {}
        for span in index.first("p", cls="coverage-summary").all("span"):
            m = re.match(r"^(\d+) (.+)$", span.text())
            self.coverage_summary[m.group(2)] = int(m.group(1))
        ws = self.book("clause-coverage.xlsx")["Clauses"]
        header, values = sheet_table(ws)
        col = {h: i for i, h in enumerate(header)}
        s = "clause-coverage.xlsx"
        for row in values:
            c = iso(row[col["Clause"]])
            cl["coverage"][s][c] = iso(row[col["State"]])
            for fact, name in (("documents", "Documents"), ("processes", "Processes"),
                               ("records", "Records")):
                value = row[col[name]]
                cl[fact][s][c] = int(value) if isinstance(value, (int, float)) else value
            cl["last-internal-audit"][s][c] = iso(row[col["Last internal audit"]])
            cl["last-external-audit"][s][c] = iso(row[col["Last external audit"]])
            cl["audited-in-cycle"][s][c] = iso(row[col["Audited in cycle"]])
        self.audit_periods = None
        audits = self.book("audit-register.xlsx")
        if audits is not None and "Clause coverage" in audits.sheetnames:
            header, values = sheet_table(audits["Clause coverage"])
            s = "audit-register.xlsx"
            first, last = header.index("Title") + 1, header.index("Covered in cycle")
            self.audit_periods = {}
            for row in values:
                c = iso(row[0])
                cl["audited-in-cycle"][s][c] = iso(row[last])
                self.audit_periods[c] = dict(zip(header[first:last], map(iso, row[first:last])))
        self.uncovered = self.status["uncovered_clauses"]

    def read_records(self):
        """self.dates[surface] = {(ID, label): (date, state)} for every date
        cell; self.record_status = {ID: status}."""
        self.dates = collections.defaultdict(dict)
        self.record_status = {}
        self.record_controls, self.record_items = {}, {}
        status_of_page = {}
        # An imported record (an ITSM export's row) has no page: its URL is
        # its register row's anchor.
        rows_only = {i for i, n in self.record_nodes.items() if "#" in n["url"]}
        for i, n in self.record_nodes.items():
            if i in rows_only:
                continue
            dom = page(self.path(n["url"]), start='<table class="meta fields">', stop="</table>")
            table = dom.first("table", cls="fields")
            # The framework items it names: in its controls: cell (what the
            # SoA's Evidence reads), and in any cell (a finding's clause, an
            # SoA entry's control too: what the framework page reads).
            self.record_controls[i] = sorted(
                ref for td in table.all("td", cls="t-controls") for a in td.all("a")
                for ref in [item_ref(a.attrs.get("href", ""))] if ref)
            self.record_items[i] = sorted({
                ref for a in table.all("a") for ref in [item_ref(a.attrs.get("href", ""))]
                if ref})
            for tr in table.kids("tr"):
                label, td = tr.first("th").text(), tr.first("td")
                if label == "Status":
                    status_of_page[i] = td.text()
                if "t-date" in td.classes:
                    self.dates["record page"][(i, label)] = dated(td)
        kinds = sorted({n["type"] for n in self.record_nodes.values()})
        self.register_ids = {}
        for kind in kinds:
            dom = page(self.path("records", kind + ".html"))
            table = dom.first("table", cls="register")
            headers = [th.text() for th in table.first("thead").all("th")]
            rows = table.first("tbody").kids("tr")
            ids = []
            for tr in rows:
                tds = tr.kids("td")
                i = link_id(tds[0])
                ids.append(i)
                states = [k[len("row-"):] for k in tr.classes if k.startswith("row-")]
                self.record_status[i] = states[0] if states else ""
                for label, td in zip(headers, tds):
                    if "t-date" in td.classes and i not in rows_only:
                        self.dates["register page"][(i, label)] = dated(td)
            self.register_ids[kind] = ids
            # The workbook the page links; the sheet that lists its rows.
            download = dom.first("a", cls="download")
            name = os.path.basename(unquote(download.attrs["href"]))
            book = self.book(name)
            sheets = [ws for ws in book.worksheets if ws.title != "Cover"
                      and sheet_table(ws)[0][:len(headers)] == headers
                      and [iso(r[0]) for r in sheet_table(ws)[1]] == ids]
            if len(sheets) != 1:
                self.problems.append("%s: %d sheets of %s list its rows"
                                     % (kind, len(sheets), name))
                continue
            ws = sheets[0]
            lights = Highlights(ws)
            header, values = sheet_table(ws)
            date_cols = {label for (_, label) in self.dates["register page"]}
            for r, row in enumerate(values, start=2):
                for c, label in enumerate(header):
                    if label in date_cols and (row[0], label) in self.dates["register page"]:
                        self.dates["workbook"][(row[0], label)] = (
                            iso(row[c]), lights.date_state(r, c + 1))
        for i in self.record_nodes:
            if i in rows_only:
                continue
            if status_of_page.get(i, "") != self.record_status.get(i, MISSING):
                self.problems.append("%s: status %r on its page, row class %r on its register"
                                     % (i, status_of_page.get(i), self.record_status.get(i)))

    def read_attention(self):
        """self.attention = {code: [(ID, what)]}."""
        dom = page(self.path("attention.html"))
        self.attention = {}
        for section in dom.all("section", cls="attention"):
            h2 = section.first("h2")
            code = h2.attrs["id"]
            items = []
            for tr in section.first("tbody").kids("tr"):
                tds = tr.kids("td")
                items.append((link_id(tds[0]), tds[2].text()))
            m = re.search(r"\((\d+)\)", h2.text())
            if not m or int(m.group(1)) != len(items):
                self.problems.append("attention.html %s: heading %r, %d rows"
                                     % (code, h2.text(), len(items)))
            if code in self.attention:
                self.problems.append("attention.html: group %s twice" % code)
            self.attention[code] = items
        # What the rows about documents say: the review dates, the approval.
        doc, pages = self.doc, self.doc["review-state"]["document page"]
        listed = {}
        for code, state in (("review-overdue", "overdue"), ("review-due", "due")):
            ids = [i for i, _ in self.attention.get(code, [])]
            if len(ids) != len(set(ids)):
                self.problems.append("attention.html %s lists a document twice: %s"
                                     % (code, ids))
            for i, what in self.attention.get(code, []):
                listed[i] = listed[i] + "+" + state if i in listed else state
                if state == "overdue":
                    m = re.match(r"^review overdue since (\S+) \((?:last review (\S+)|no "
                                 r"review recorded), (?:effective \S+, )?every \d+ months\)$",
                                 what)
                else:
                    m = re.match(r"^review due on (\S+)$", what)
                if not m:
                    self.problems.append("attention.html %s %s: %r" % (code, i, what))
                    continue
                doc["next-review"]["attention.html"][i] = m.group(1)
                if state == "overdue":
                    doc["last-review"]["attention.html"][i] = m.group(2) or "none recorded"
        doc["review-state"]["attention.html groups"] = {i: listed.get(i, "none") for i in pages}
        for i, what in self.attention.get("changed-after-approval", []):
            m = re.match(r"^changed after approval on (\S+): ", what)
            doc["approved-on"]["changed attention"][i] = m.group(1) if m else what
        self.partial.add("changed attention")
        for flag, code in (("version-problem", "version-order"), ("approval-problem", "approval")):
            for i, what in self.attention.get(code, []):
                self.doc_texts[flag]["attention.html"].setdefault(i, []).append(what)

    def read_readiness(self):
        """self.readiness = {key: (state, [evidence IDs], reason)} in page order."""
        dom = page(self.path("readiness.html"))
        self.readiness = collections.OrderedDict()
        # A section per framework: another framework's rows are keyed
        # "iso27001:scope", as status names them.
        rows = [tr for table in dom.all("table", cls="readiness")
                for tr in table.first("tbody").kids("tr")]
        for tr in rows:
            tds = tr.kids("td")
            state = tds[2].text()
            classes = [k for k in tds[2].classes if k.startswith("state-")]
            if classes != ["state-" + state.replace(" ", "-")]:
                self.problems.append("readiness.html %s: %r coloured %s"
                                     % (tr.attrs.get("id"), state, classes))
            self.readiness[tr.attrs["id"]] = (state, [a.text() for a in tds[3].all("a")],
                                              tds[4].text())
        self.readiness_summary = {}
        for summary in dom.all("p", cls="coverage-summary"):
            for span in summary.all("span"):
                m = re.match(r"^(\d+) (.+)$", span.text())
                self.readiness_summary[m.group(2)] = \
                    self.readiness_summary.get(m.group(2), 0) + int(m.group(1))

    def read_frameworks(self):
        """The surfaces of coverage per framework (docs/frameworks.md):
        self.fw_index[fw] = {fact: count} (frameworks/index.html);
        self.fw_summary[fw] = {state: count} (the framework page's summary);
        self.fw_status_text[fw] = {state: count} (status's "Coverage FW" line);
        self.fw_items[fw] = {item: {state, colour, title, depth, parent,
        documents: [(ID, via, in force, status)], records: [(ID, via)]}} in
        page order; self.matrix = {surface: [row]} and self.matrix_links =
        {surface: [(from, to)]}, each row (from framework, item, title, state,
        to framework, item, title, state, (documents)); self.soa = {surface:
        [(control, ID, applicable, (implemented by), (evidence))]};
        self.register_counts = {href: entries} (records.html)."""
        index = page(self.path("frameworks", "index.html"), start="<main", stop="</main>")
        self.fw_index, self.fw_titles = {}, {}
        for a in index.first("p", cls="lead").all("a"):
            if a.attrs.get("href") == "../clauses/index.html":
                self.fw_titles[a.text()] = BASE_FRAMEWORK
        for tr in index.all("tr"):
            fw = tr.attrs.get("data-framework")
            if fw is None:
                continue
            if fw in self.fw_index:
                self.problems.append("frameworks/index.html lists %s twice" % fw)
            a = tr.kids("td")[0].first("a")
            if a is None or a.attrs.get("href") != fw + ".html":
                self.problems.append("frameworks/index.html %s: link %r"
                                     % (fw, a.attrs.get("href") if a else None))
            else:
                self.fw_titles[a.text()] = fw
            self.fw_index[fw] = {k.replace("-", " "): int(e.text())
                                 for k, e in tr.facts().items()}
        self.fw_summary, self.fw_items = {}, {}
        for fw in self.frameworks:
            dom = page(self.path("frameworks", fw + ".html"), start="<main", stop="</main>")
            summary = {}
            for span in dom.first("p", cls="coverage-summary").all("span"):
                state = span.attrs.get("data-count", "").replace("-", " ")
                m = re.match(r"^(\d+) (.+)$", span.text())
                if not m or m.group(2) != state or state_class(span) != state \
                        or state in summary:
                    self.problems.append("frameworks/%s.html summary: %r (data-count %r, "
                                         "class %r)" % (fw, span.text(), state,
                                                        state_class(span)))
                    continue
                summary[state] = int(m.group(1))
            self.fw_summary[fw] = summary
            items = collections.OrderedDict()
            stack = []  # (depth, item): the rows above, for each row's parent
            for tr in dom.all("tr"):
                item = tr.attrs.get("data-item")
                if item is None:
                    continue
                tds, f = tr.kids("td"), tr.facts()
                if tr.attrs.get("id") != item or tds[0].text() != item:
                    self.problems.append("frameworks/%s.html: row %r has id %r, shows %r"
                                         % (fw, item, tr.attrs.get("id"), tds[0].text()))
                if item in items:
                    self.problems.append("frameworks/%s.html lists %s twice" % (fw, item))
                depth = [int(k[len("depth-"):]) for k in tr.classes if k.startswith("depth-")]
                depth = depth[0] if len(depth) == 1 else -1
                while stack and stack[-1][0] >= depth:
                    stack.pop()
                if depth != len(stack):
                    self.problems.append("frameworks/%s.html %s: depth %d under %s"
                                         % (fw, item, depth, [i for _, i in stack]))
                documents, current = [], None
                for el in f["documents"].kids():
                    if el.tag == "a":
                        current = [el.attrs.get("data-id"), el.attrs.get("data-via"),
                                   "not-in-force" not in el.classes, ""]
                        documents.append(current)
                    elif el.tag == "span" and "status" in el.classes and current:
                        current[3] = el.text()
                records = [(a.attrs.get("data-id"), a.attrs.get("data-via"))
                           for a in f["records"].kids("a")]
                for a in f["documents"].kids("a") + f["records"].kids("a"):
                    via = a.attrs.get("data-via")
                    nxt = a.parent.children[a.parent.children.index(a) + 1:]
                    relation = [e.text() for e in nxt[:2] if isinstance(e, El)
                                and "relation" in e.classes]
                    if relation != (["via " + via] if via else []):
                        self.problems.append("frameworks/%s.html %s: %s data-via %r, shows %s"
                                             % (fw, item, a.attrs.get("data-id"), via,
                                                relation))
                items[item] = {
                    "state": f["coverage"].text(), "colour": state_class(f["coverage"]),
                    "title": own_text(tds[1]), "depth": depth,
                    "parent": stack[-1][1] if stack else None,
                    "documents": [tuple(d) for d in documents], "records": records}
                stack.append((depth, item))
            self.fw_items[fw] = items
        self.fw_status_text = {}
        for line in self.results["status-text"][1].splitlines():
            m = re.match(r"^Coverage (\S+) +(.*)$", line)
            if not m:
                continue
            counts = {}
            for part in m.group(2).split(", "):
                n = re.match(r"^(\d+) (.+)$", part)
                if not n:
                    self.problems.append("status: %r" % line)
                    break
                counts[n.group(2)] = int(n.group(1))
            if m.group(1) in self.fw_status_text:
                self.problems.append("status prints Coverage %s twice" % m.group(1))
            self.fw_status_text[m.group(1)] = counts
        self.read_matrix()
        self.read_soa()
        dom = page(self.path("records.html"), start="<main", stop="</main>")
        self.register_counts = {}
        for tr in dom.first("tbody").kids("tr"):
            tds = tr.kids("td")
            self.register_counts[tds[0].first("a").attrs["href"]] = int(tds[2].text())

    def read_matrix(self):
        """frameworks/matrix.html and registers/framework-matrix.xlsx."""
        self.matrix = {"matrix.html": [], "framework-matrix.xlsx": []}
        self.matrix_links = {"matrix.html": [], "framework-matrix.xlsx": []}
        dom = page(self.path("frameworks", "matrix.html"), start="<main", stop="</main>")
        for section in dom.all("section", cls="framework-mapping"):
            table = section.first("table", cls="framework-matrix")
            sides = [th.text() for th in table.first("thead").kids("tr")[0].kids("th")
                     if th.attrs.get("colspan") == "3"]
            for tr in table.first("tbody").kids("tr"):
                f, tds = tr.facts(), tr.kids("td")
                for fact in ("from-state", "to-state"):
                    if state_class(f[fact]) != f[fact].text():
                        self.problems.append("matrix.html %s-%s: %s %r coloured %r"
                                             % (f["from"].text(), f["to"].text(), fact,
                                                f[fact].text(), state_class(f[fact])))
                self.matrix["matrix.html"].append((
                    sides[0], f["from"].text(), tds[1].text(), f["from-state"].text(),
                    sides[1], f["to"].text(), tds[4].text(), f["to-state"].text(),
                    tuple(a.attrs.get("data-id") for a in f["documents"].all("a"))))
                self.matrix_links["matrix.html"].append(tuple(
                    item_ref(posixpath.join("frameworks", f[k].first("a").attrs.get("href", "")))
                    if f[k].first("a") else None for k in ("from", "to")))
        book = self.book("framework-matrix.xlsx")
        sheets = [ws for ws in book.worksheets if ws.title != "Cover"]
        if book.sheetnames[0] != "Cover" or len(sheets) != 1:
            self.problems.append("framework-matrix.xlsx sheets %s" % book.sheetnames)
        header, values = sheet_table(sheets[0])
        expected = ["From framework", "From item", "From title", "From state", "To framework",
                    "To item", "To title", "To state", "Documents naming either"]
        if header != expected:
            self.problems.append("framework-matrix.xlsx header %s" % header)
            return
        for r, row in enumerate(values, start=2):
            row = [iso(v) for v in row]
            self.matrix["framework-matrix.xlsx"].append(
                tuple(row[:8]) + (tuple(row[8].split(", ")) if row[8] else (),))
            links = []
            for col in (2, 6):  # From item, To item
                link = sheets[0].cell(r, col).hyperlink
                links.append(item_ref((link.target or "") + (
                    "#" + link.location if link.location else "")) if link else None)
            self.matrix_links["framework-matrix.xlsx"].append(tuple(links))

    def read_soa(self):
        """records/applicability.html and registers/statement-of-applicability.xlsx:
        self.soa[surface] = [(control, ID, applicable, (implemented by),
        (evidence))] in their order; self.soa_links = [(control, item_ref)];
        self.soa_justifications = {control: the workbook's justification}."""
        self.soa = {"applicability.html": [], "statement-of-applicability.xlsx": []}
        self.soa_links = []
        self.soa_justifications = {}
        dom = page(self.path("records", "applicability.html"), start="<main", stop="</main>")
        table = dom.first("table", cls="register")
        headers = [th.text() for th in table.first("thead").all("th")]
        col = {h: c for c, h in enumerate(headers)}
        for tr in table.first("tbody").kids("tr"):
            tds = tr.kids("td")
            control = tds[col["Control"]]
            a = control.first("a")
            self.soa_links.append((control.text(),
                                   item_ref(a.attrs.get("href", "")) if a else None))
            self.soa["applicability.html"].append((
                control.text(), link_id(tds[col["ID"]]),
                {"Yes": True, "No": False}.get(tds[col["Applicable"]].text(),
                                               tds[col["Applicable"]].text()),
                tuple(a.text() for a in tds[col["Implemented by"]].all("a")),
                tuple(a.text() for a in tds[col["Evidence"]].all("a"))))
        book = self.book("statement-of-applicability.xlsx")
        sheets = [ws for ws in book.worksheets if ws.title != "Cover"]
        header, values = sheet_table(sheets[0])
        col = {h: c for c, h in enumerate(header)}
        for row in values:
            self.soa_justifications[iso(row[col["Control"]])] = \
                row[col["Justification for inclusion or exclusion"]] or ""
            self.soa["statement-of-applicability.xlsx"].append((
                iso(row[col["Control"]]), iso(row[col["ID"]]), row[col["Applicable"]],
                tuple(row[col["Implemented by"]].split(", ")) if row[col["Implemented by"]]
                else (),
                tuple(row[col["Evidence"]].split(", ")) if row[col["Evidence"]] else ()))

    def read_diagnostics(self):
        """The warnings of build and graph (stderr) and status (json):
        [(file, line, col, severity, message, code)] each."""
        self.diagnostics = {}
        for name in ("build", "graph"):  # status --format json: in the JSON
            found = []
            for line in self.results[name][2].splitlines():
                m = DIAG_RE.match(line)
                if m:
                    found.append((m.group(1), int(m.group(2)) if m.group(2) else None,
                                  int(m.group(3)) if m.group(3) else None, m.group(4),
                                  m.group(5), m.group(6)))
            self.diagnostics[name + " stderr"] = sorted(found)
        self.diagnostics["status json"] = sorted(
            (d["file"], d["line"], d["column"], d["severity"], d["message"], d["code"])
            for d in self.status["diagnostics"])

    def warned(self, *codes):
        """{ID: [message]} of the status json warnings with these codes."""
        out = collections.defaultdict(list)
        for d in self.status["diagnostics"]:
            if d["code"] in codes:
                m = re.match(r"^'([^']+)': (.*)$", d["message"])
                out[m.group(1) if m else MISSING].append(m.group(2) if m else d["message"])
        return out


# --- Comparing ------------------------------------------------------------

def disagreements(what, tables, partial=(), keyed=str):
    """Lines naming every key whose value differs between the surfaces of
    tables ({surface: {key: value}}). A surface not in partial must hold
    every key; a partial one is compared on the keys it holds."""
    lines = []
    keys = set()
    for table in tables.values():
        keys |= set(table)
    for key in sorted(keys, key=keyed):
        seen = collections.OrderedDict()
        for surface, table in tables.items():
            if key in table:
                seen[surface] = table[key]
            elif surface not in partial:
                seen[surface] = MISSING
        if len({repr(v) for v in seen.values()}) > 1:
            lines.append("%s %s: %s" % (key, what, "; ".join(
                "%s=%r" % kv for kv in seen.items())))
    return lines


def row_differences(name_a, a, name_b, b):
    """One line per row where the lists a and b (of the surfaces name_a and
    name_b) differ, numbered from 1."""
    return ["%s row %d %r, %s %r" % (name_a, n, x, name_b, y)
            for n, (x, y) in enumerate(itertools.zip_longest(a, b), start=1) if x != y]


def expand(clauses, leaves):
    """The leaves below (or equal to) each clause named."""
    return {leaf for leaf in leaves for c in clauses if leaf == c or leaf.startswith(c + ".")}


def clause_key(c):
    return [int(p) for p in c.split(".")]


class ConsistencyCase:
    """The checks, for the SMS a subclass builds (rounds: one per as-of)."""

    maxDiff = None
    dates = ()
    frameworks = ()  # frameworks beside ISO/IEC 20000-1 whose surfaces are compared

    @classmethod
    def prepare(cls, tmp):
        """The SMS root to build."""
        raise NotImplementedError

    @classmethod
    def setUpClass(cls):
        if openpyxl is None:
            raise AssertionError("python3-openpyxl is missing (apt-get install python3-openpyxl)")
        cls.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-consistency-")
        try:
            root = cls.prepare(cls.tmp.name)
        except BaseException:
            cls.tmp.cleanup()
            raise
        with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
            config = fh.read()
        # `readiness: {check: false}`: status leaves readiness_missing empty.
        m = re.search(r"^readiness:(.*(?:\n[ \t]+.*)*)", config, re.M)
        cls.readiness_checked = not (m and re.search(r"\bcheck:\s*false\b", m.group(1)))
        cls.rounds = [Round(cls.__name__, root, as_of, cls.tmp.name, cls.frameworks)
                      for as_of in cls.dates]
        try:
            cls.rounds[0].start()
            for i, r in enumerate(cls.rounds):
                if i + 1 < len(cls.rounds):
                    cls.rounds[i + 1].start()
                r.finish()
        except BaseException:
            for r in cls.rounds:
                r.kill()
            cls.tmp.cleanup()
            raise

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def each_round(self, check):
        """Runs check(round) -> [lines] for every round; fails with all lines."""
        failures = []
        for r in self.rounds:
            lines = check(r)
            failures += ["as of %s: %s" % (r.as_of, line) for line in lines]
        if failures:
            shown = failures[:80] + (["... and %d more" % (len(failures) - 80)]
                                     if len(failures) > 80 else [])
            self.fail("%d disagreements:\n  %s" % (len(failures), "\n  ".join(shown)))

    # -- the surfaces themselves -------------------------------------------

    def test_surfaces_are_readable(self):
        self.each_round(lambda r: r.problems)

    def test_every_surface_uses_the_as_of_date(self):
        def check(r):
            lines = []
            if r.status["as_of"] != r.as_of:
                lines.append("status json as_of %r" % r.status["as_of"])
            pages = ["documents.html", "stage-1.html", "attention.html", "readiness.html"]
            pages += ["records/%s.html" % kind for kind in r.register_ids]
            for name in pages:
                lead = page(r.path(name)).first("p", cls="lead").text()
                if "as of " + r.as_of not in lead:
                    lines.append("%s: %r" % (name, lead))
            for name in sorted(os.listdir(r.path("registers"))):
                cover = r.book(name)["Cover"]
                shown = [iso(row[1]) for row in cover.iter_rows(values_only=True)
                         if row[0] == "As of"]
                if shown != [r.as_of]:
                    lines.append("%s cover: as of %r" % (name, shown))
            return lines
        self.each_round(check)

    def test_warnings_agree_across_commands(self):
        """build, status and graph report the same warnings for one as-of."""
        def check(r):
            return disagreements("warning", {
                s: collections.Counter(d) for s, d in r.diagnostics.items()},
                keyed=repr)
        self.each_round(check)

    # -- documents -----------------------------------------------------------

    def test_documents_list_the_same_ids(self):
        def check(r):
            lines = []
            everything = sorted(r.doc_nodes)
            for fact, tables in r.doc.items():
                for surface, table in tables.items():
                    if surface in r.partial:
                        continue
                    if sorted(table) != everything:
                        lines.append("%s (%s) lists %s, graph json %s"
                                     % (surface, fact, sorted(table), everything))
            if sorted(r.doc["version"]["processes.html"]) != sorted(r.process_ids):
                lines.append("processes.html lists %s, the processes are %s"
                             % (sorted(r.doc["version"]["processes.html"]),
                                sorted(r.process_ids)))
            counts = collections.Counter(r.doc["status"]["document page"].values())
            if dict(counts) != r.status["documents"]:
                lines.append("status json documents %s, the pages %s"
                             % (r.status["documents"], dict(counts)))
            return lines
        self.each_round(check)

    def test_document_facts_agree(self):
        def check(r):
            lines = []
            for fact in ("version", "status", "approved-on", "approved-by", "last-review",
                         "next-review", "review-state"):
                lines += disagreements(fact, r.doc[fact], r.partial)
            return lines
        self.each_round(check)

    def test_review_state_in_the_workbook_and_the_warnings(self):
        """The register's red next review (the conditional format evaluated)
        and the review-overdue warnings mark exactly the overdue documents."""
        def check(r):
            pages = r.doc["review-state"]["document page"]
            warned = r.warned("review-overdue")
            return disagreements("review overdue", {
                "document page": {i: "overdue" if s == "overdue" else "not overdue"
                                  for i, s in pages.items()},
                "document-register.xlsx colour": r.doc_overdue_book,
                "review-overdue warnings": {i: "overdue" if i in warned else "not overdue"
                                            for i in pages}})
        self.each_round(check)

    def test_document_control_flags_agree(self):
        """Changed after approval, version and approval problems: the page's
        banners, documents.html, the register, status json, attention.html
        and the warnings."""
        groups = {"changed": ("changed-after-approval", ("changed-after-approval",)),
                  "version-problem": ("version-order", ("version-order",)),
                  "approval-problem": ("approval", ("approval-unknown", "approval-mismatch"))}

        def check(r):
            lines = []
            for flag, (group, codes) in groups.items():
                tables = dict(r.doc_flags[flag])
                listed = [i for i, _ in r.attention.get(group, [])]
                ids = set(r.doc_nodes)
                tables["attention.html"] = {i: i in listed for i in ids}
                warned = r.warned(*codes)
                tables["warnings"] = {i: i in warned for i in ids}
                lines += disagreements(flag, tables)
                if flag != "approval-problem" and len(listed) != len(set(listed)):
                    lines.append("attention.html lists a document twice in %s: %s"
                                 % (group, listed))
                if flag == "changed":
                    continue
                # The messages themselves: the page's, attention.html's and the
                # warnings' are the same; the register joins them with "; ".
                found = r.doc_texts[flag]
                texts = {k: {i: sorted(v) for i, v in t.items()}
                         for k, t in found.items() if k != "document-register.xlsx"}
                texts["warnings"] = {i: sorted(m) for i, m in warned.items()}
                lines += disagreements(flag + " messages", texts)
                if flag == "approval-problem":
                    lines += disagreements(flag + " messages", {
                        "document page": {i: "; ".join(v)
                                          for i, v in found["document page"].items()},
                        "document-register.xlsx": {
                            i: v[0] for i, v in found["document-register.xlsx"].items()}})
            return lines
        self.each_round(check)

    def test_status_lists_are_sorted_and_unique(self):
        def check(r):
            lines = []
            for key in ("reviews_overdue", "reviews_due", "changed_after_approval",
                        "version_problems", "approval_problems", "overdue", "expired",
                        "expiring", "uncovered_clauses"):
                value = r.status[key]
                ordered = sorted(set(value), key=clause_key if key == "uncovered_clauses"
                                 else None)
                if value != ordered:
                    lines.append("status json %s: %s" % (key, value))
            return lines
        self.each_round(check)

    # -- clauses -------------------------------------------------------------

    def test_clause_facts_agree(self):
        def check(r):
            lines = []
            everything = sorted(r.clause_nodes, key=clause_key)
            for fact, tables in r.clause.items():
                for surface, table in tables.items():
                    if surface != "parent's clause page" and \
                            sorted(table, key=clause_key) != everything:
                        lines.append("%s (%s) lists other clauses: %s"
                                     % (surface, fact, sorted(set(table) ^ set(everything))))
                lines += disagreements(fact, tables, {"parent's clause page"}, keyed=clause_key)
            children = sorted(r.clause["coverage"]["parent's clause page"], key=clause_key)
            if children != [c for c in everything if "." in c]:
                lines.append("the parents' pages list the sub-clauses %s" % children)
            return lines
        self.each_round(check)

    def test_uncovered_clauses(self):
        """status json uncovered_clauses, the "Not covered" list and the
        summary counts of clauses/index.html follow the clause states."""
        def check(r):
            lines = []
            states = r.clause["coverage"]["clause page"]
            uncovered = sorted((c for c, s in states.items() if s == "not covered"),
                               key=clause_key)
            if r.uncovered != uncovered:
                lines.append("status json uncovered_clauses %s, the clause pages %s"
                             % (r.uncovered, uncovered))
            if r.gaps != sorted(uncovered):
                lines.append("clauses/index.html gaps %s, the clause pages %s"
                             % (r.gaps, uncovered))
            counts = collections.Counter(states.values())
            for state, count in r.coverage_summary.items():
                if counts.get(state, 0) != count:
                    lines.append("clauses/index.html: %d %s, %d clause pages"
                                 % (count, state, counts.get(state, 0)))
            if set(counts) - set(r.coverage_summary):
                lines.append("clauses/index.html summary lacks %s"
                             % sorted(set(counts) - set(r.coverage_summary)))
            return lines
        self.each_round(check)

    def test_audit_cycle_of_parents_and_leaves(self):
        """A parent is audited in the cycle iff all its leaves are, and its
        page names exactly the leaves that were not."""
        def check(r):
            lines = []
            cycle = r.clause["audited-in-cycle"]["clause page"]
            for c in sorted(r.clause_nodes, key=clause_key):
                if c in r.leaves:
                    continue
                unaudited = sorted((leaf for leaf in expand([c], r.leaves)
                                    if cycle[leaf] != "yes"), key=clause_key)
                expected = "yes" if not unaudited else "no"
                if cycle[c] != expected:
                    lines.append("%s audited in cycle %r; its leaves' pages say %s"
                                 % (c, cycle[c], expected))
                if r.not_audited_listed[c] != unaudited:
                    lines.append("%s page: not audited %s; its leaves' pages %s"
                                 % (c, r.not_audited_listed[c], unaudited))
            return lines
        self.each_round(check)

    def test_audit_programme_periods_agree_with_the_clause_pages(self):
        """audit-register.xlsx "Clause coverage": a leaf is "audited" in some
        period iff its page shows a last internal audit; a parent audited in
        a period has one too."""
        def check(r):
            if r.audit_periods is None:
                return []
            lines = []
            last = r.clause["last-internal-audit"]["clause page"]
            for c in sorted(r.clause_nodes, key=clause_key):
                periods = r.audit_periods.get(c, {})
                audited = sorted(p for p, s in periods.items() if s == "audited")
                if (c in r.leaves and bool(audited) != bool(last[c])) or \
                        (audited and not last[c]):
                    lines.append("%s: audit-register.xlsx audited in %s; clause page: last "
                                 "internal audit %r" % (c, audited or "no period", last[c]
                                                        or "none"))
            return lines
        self.each_round(check)

    # -- records -------------------------------------------------------------

    def test_record_dates_agree(self):
        """Every date cell: the record page, its register page and the
        workbook the page links (conditional formats evaluated) show the
        same date in the same state."""
        def check(r):
            lines = []
            shown = r.dates["register page"]
            lines += disagreements("date", {
                s: {k: v for k, v in t.items() if k in shown} for s, t in r.dates.items()},
                keyed=repr)
            missing = set(r.record_nodes) - {i for ids in r.register_ids.values() for i in ids}
            if missing:
                lines.append("records on no register page: %s" % sorted(missing))
            return lines
        self.each_round(check)

    def test_attention_and_status_list_the_record_dates(self):
        """attention.html's overdue, expired and expiring rows are exactly the
        record pages' coloured dates (label, date), one row each (a training
        marked `expired` has no coloured date anywhere: its field's `done`).
        status json and the warnings list the same."""
        def check(r):
            lines = []
            expected = collections.Counter()
            for (i, label), (date, state) in r.dates["record page"].items():
                if state:
                    expected[(state, i, "%s %s" % (label, date))] += 1
            listed = collections.Counter()
            for code in DATE_STATES:
                for i, what in r.attention.get(code, []):
                    m = re.match(r"^(.* \d{4}-\d\d-\d\d) (is overdue|has passed|is near)$", what)
                    ending = {"overdue": "is overdue", "expired": "has passed",
                              "expiring": "is near"}[code]
                    if not m or m.group(2) != ending:
                        lines.append("attention.html %s %s: %r" % (code, i, what))
                        continue
                    listed[(code, i, m.group(1))] += 1
            lines += disagreements("dates", {"record pages": expected,
                                             "attention.html": listed}, keyed=repr)
            for code in DATE_STATES:
                ids = sorted({i for (state, i, _) in expected if state == code})
                from_attention = sorted({i for i, _ in r.attention.get(code, [])})
                if r.status[code] != ids or from_attention != ids:
                    lines.append("%s: status json %s, attention.html %s, record pages %s"
                                 % (code, r.status[code], from_attention, ids))
            # The warnings (overdue and expired; expiring is no warning).
            for code, ending in (("overdue", "is overdue"), ("expired", "has passed")):
                warned = collections.Counter()
                for i, messages in r.warned(code).items():
                    for message in messages:
                        warned[(code, i, message[:-len(" " + ending)]
                                if message.endswith(" " + ending) else message)] += 1
                mine = collections.Counter({k: v for k, v in expected.items() if k[0] == code})
                lines += disagreements(code + " warning", {"record pages": mine,
                                                           "warnings": warned}, keyed=repr)
            return lines
        self.each_round(check)

    # -- readiness -----------------------------------------------------------

    def test_readiness_missing_in_status(self):
        def check(r):
            lines = []
            missing = [k for k, (s, _, _) in r.readiness.items() if s == "missing"]
            expected = missing if self.readiness_checked else []
            if r.status["readiness_missing"] != expected:
                lines.append("status json readiness_missing %s, readiness.html %s (check %s)"
                             % (r.status["readiness_missing"], missing,
                                "on" if self.readiness_checked else "off"))
            counts = collections.Counter(s for s, _, _ in r.readiness.values())
            for state in ("met", "at risk", "missing", "not applicable"):
                if r.readiness_summary.get(state) != counts.get(state, 0):
                    lines.append("readiness.html summary %s %r, rows %d"
                                 % (state, r.readiness_summary.get(state), counts.get(state, 0)))
            return lines
        self.each_round(check)

    def test_readiness_follows_the_documents(self):
        """A document item is met iff one of its evidence documents is
        approved and not overdue (as the document pages show them); an item
        at risk names every document's problem as its page shows it."""
        def check(r):
            lines = []
            status = r.doc["status"]["document page"]
            review = r.doc["review-state"]["document page"]
            nxt = r.doc["next-review"]["document page"]

            def problem_ok(text):
                m = re.match(r"^(\S+) was due for review on (\S+)$", text)
                if m:
                    return (m.group(1), review.get(m.group(1)) == "overdue"
                            and status.get(m.group(1)) == "approved"
                            and nxt.get(m.group(1)) == m.group(2))
                m = re.match(r"^(\S+) is (\S+)$", text)
                if m:
                    return m.group(1), m.group(2) != "approved" and status.get(
                        m.group(1)) == m.group(2)
                return text, False

            for key, (state, evidence, reason) in r.readiness.items():
                if state == "not applicable" or key in RECORD_ITEMS | RECORD_ITEMS_27001:
                    continue
                docs = [e for e in evidence if e in r.doc_nodes]
                if docs != evidence:
                    lines.append("readiness %s: evidence %s is not all documents"
                                 % (key, evidence))
                bad = {e for e in docs if status[e] != "approved" or review[e] == "overdue"}
                if key == PROCESS_ITEM:
                    if reason.startswith("no process document for"):
                        if state != "missing":
                            lines.append("readiness %s: %r but %s" % (key, reason, state))
                        continue
                    expected = "at risk" if bad else "met"
                    named_should = bad
                else:
                    expected = "missing" if not docs else "met" if set(docs) - bad else "at risk"
                    named_should = bad if expected == "at risk" else set()
                if state != expected:
                    lines.append("readiness %s: %s; from the document pages %s (evidence %s, "
                                 "not in force or overdue: %s)"
                                 % (key, state, expected, evidence, sorted(bad)))
                if expected == "at risk":
                    named = {}
                    for part in reason.split("; "):
                        i, ok = problem_ok(part)
                        named[i] = ok
                        if not ok:
                            lines.append("readiness %s: %r disagrees with %s's page "
                                         "(status %s, review %s, next %s)"
                                         % (key, part, i, status.get(i), review.get(i),
                                            nxt.get(i)))
                    if set(named) != named_should:
                        lines.append("readiness %s names %s; document pages: %s"
                                     % (key, sorted(named), sorted(named_should)))
            return lines
        self.each_round(check)

    def test_readiness_agreements_follow_the_registers(self):
        """Service level and supplier agreements are judged from the
        customer, sla and supplier records (docs/readiness.md), here
        computed from the YAML: the same state, evidence and reason."""
        records = self.source().records

        def check(r):
            lines = []
            for key, (state, reason, evidence) in agreement_rules.agreements(
                    records, r.as_of).items():
                shown = r.readiness.get(key)
                if shown and shown[0] == "not applicable":
                    continue
                if shown != (state, evidence, reason):
                    lines.append("readiness %s: readiness.html %r, from the records %r"
                                 % (key, shown, (state, evidence, reason)))
            return lines
        self.each_round(check)

    def test_readiness_internal_audit_follows_the_clauses(self):
        """The internal-audit item is met iff every clause 4 to 10 was
        audited in the cycle; at risk, it names exactly the leaves the
        clause pages show as not audited."""
        def check(r):
            item = r.readiness.get("internal-audit")
            if item is None or item[0] == "not applicable":
                return []
            state, _, reason = item
            cycle = r.clause["audited-in-cycle"]["clause page"]
            last = r.clause["last-internal-audit"]["clause page"]
            unaudited = {leaf for leaf in r.leaves if cycle[leaf] != "yes"}
            every = not unaudited
            lines = []
            if (state == "met") != every:
                lines.append("readiness internal-audit %s (%s); clause pages: %s"
                             % (state, reason, "every leaf audited in the cycle" if every
                                else "not audited %s" % sorted(unaudited, key=clause_key)))
            m = re.search(r"did not cover clause (.+)$", reason)
            if m:
                named = m.group(1).split(", ")
                if expand(named, r.leaves) != unaudited:
                    lines.append("readiness internal-audit names %s; clause pages: %s"
                                 % (named, sorted(unaudited, key=clause_key)))
                nested = [a for a in named for b in named if a != b and a.startswith(b + ".")]
                if nested:
                    lines.append("readiness internal-audit names %s inside another" % nested)
            elif reason.startswith("the last was more than"):
                if unaudited != r.leaves:
                    lines.append("readiness internal-audit: %r; clause pages audited in cycle: %s"
                                 % (reason, sorted(r.leaves - unaudited, key=clause_key)))
            elif reason == "no completed internal audit":
                audited = sorted((c for c, d in last.items() if d), key=clause_key)
                if audited:
                    lines.append("readiness internal-audit: %r; clause pages: last internal "
                                 "audit on %s" % (reason, audited))
            elif state != "met":
                lines.append("readiness internal-audit: %s, %r" % (state, reason))
            return lines
        self.each_round(check)

    def test_stage_1_lists_the_readiness_evidence(self):
        """stage-1.html: every document but processes, and every process a
        readiness item rests on, each evidence for exactly the items whose
        evidence lists it on readiness.html."""
        def check(r):
            lines = []
            evidence_for = collections.defaultdict(list)
            for key, (_, evidence, _) in r.readiness.items():
                for e in evidence:
                    if e in r.doc_nodes:
                        evidence_for[e].append(key)
            expected = {i for i in r.doc_nodes if i not in r.process_ids} | set(evidence_for)
            if set(r.stage1_items) != expected:
                lines.append("stage-1.html lists %s; expected %s"
                             % (sorted(r.stage1_items), sorted(expected)))
            lines += disagreements("evidence for", {
                "stage-1.html": r.stage1_items,
                "readiness.html": {i: sorted(keys) for i, keys in evidence_for.items()}},
                {"stage-1.html", "readiness.html"})
            return lines
        self.each_round(check)

    # -- coverage per framework (docs/frameworks.md) ---------------------------

    def needs_frameworks(self):
        if not self.frameworks:
            self.skipTest("the SMS names no framework beside ISO/IEC 20000-1")

    @classmethod
    def source(cls):
        """The SMS's YAML as registers_test reads it (smsdoc.yaml, records),
        read once."""
        if getattr(cls, "_source", None) is None:
            cls._source = registers_test.Sms(cls.rounds[0].root)
        return cls._source

    @classmethod
    def catalogue_path(cls, name):
        """A catalogue or mapping named in smsdoc.yaml: built in, or a file."""
        if name.endswith((".yaml", ".yml")):
            return os.path.join(cls.rounds[0].root, name)
        return os.path.join(testlib.REPO, "src", "model", "frameworks", name + ".yaml")

    @classmethod
    def catalogues(cls):
        """{framework: [catalogue item]} of smsdoc.yaml's frameworks, read once."""
        if getattr(cls, "_catalogues", None) is None:
            cls._catalogues = {}
            for name in cls.source().config.get("frameworks") or []:
                data = registers_test.read_yaml(cls.catalogue_path(str(name)))
                cls._catalogues[data["id"]] = data["items"]
        return cls._catalogues

    def excluded_controls(self, fw):
        """The controls the SoA's records (the YAML) mark not applicable."""
        prefix = fw + ":"
        return sorted(r["control"][len(prefix):] for r in self.source().records
                      if r.get("kind") == "applicability"
                      and str(r.get("control", "")).startswith(prefix)
                      and r.get("applicable") is False)

    def test_framework_coverage_counts_agree(self):
        """The count of each state: frameworks/index.html, the framework's
        page (its summary, and its rows counted), `status` text and
        `status --format json`'s framework_coverage; the items on the index
        are the page's rows."""
        self.needs_frameworks()

        def check(r):
            lines = []
            if sorted(r.fw_index) != sorted(r.status["framework_coverage"]) or \
                    not set(self.frameworks) <= set(r.fw_index):
                lines.append("frameworks/index.html lists %s, status json %s, expected %s"
                             % (sorted(r.fw_index), sorted(r.status["framework_coverage"]),
                                list(self.frameworks)))
            if sorted(r.fw_status_text) != sorted(r.fw_index):
                lines.append("status prints Coverage for %s, frameworks/index.html lists %s"
                             % (sorted(r.fw_status_text), sorted(r.fw_index)))
            for fw in self.frameworks:
                items = r.fw_items[fw]
                rows = collections.Counter(v["state"] for v in items.values())
                odd = set(rows) - set(FRAMEWORK_STATES)
                if odd:
                    lines.append("frameworks/%s.html: states %s" % (fw, sorted(odd)))
                json_counts = {k.replace("_", " "): v
                               for k, v in r.status["framework_coverage"].get(fw, {}).items()}
                lines += disagreements("items in state", {
                    "frameworks/index.html": {s: n for s, n in r.fw_index.get(fw, {}).items()
                                              if s != "items"},
                    "%s.html summary" % fw: r.fw_summary[fw],
                    "%s.html rows" % fw: {s: rows.get(s, 0) for s in FRAMEWORK_STATES},
                    "status text": r.fw_status_text.get(fw, {}),
                    "status json": json_counts})
                if r.fw_index.get(fw, {}).get("items") != len(items):
                    lines.append("frameworks/index.html: %s has %r items, its page %d rows"
                                 % (fw, r.fw_index.get(fw, {}).get("items"), len(items)))
            return lines
        self.each_round(check)

    def test_framework_items_are_the_catalogue(self):
        """The framework's page lists every item of its catalogue once, in
        catalogue order, with the catalogue's title."""
        self.needs_frameworks()
        catalogues = {fw: [(str(i["number"]), i["title"]) for i in items]
                      for fw, items in self.catalogues().items()}

        def check(r):
            lines = []
            for fw in self.frameworks:
                shown = [(i, v["title"]) for i, v in r.fw_items[fw].items()]
                if shown != catalogues.get(fw):
                    lines.append("frameworks/%s.html lists %s; the catalogue %s"
                                 % (fw, shown, catalogues.get(fw)))
            return lines
        self.each_round(check)

    def test_framework_item_states_agree(self):
        """Per item, the state: its row on the framework page (the word and
        its colour) and, where the item is in a pair, matrix.html and
        framework-matrix.xlsx; ISO/IEC 20000-1's side of a pair is the
        clause page's state."""
        self.needs_frameworks()

        def check(r):
            lines = []
            for fw in self.frameworks:
                items = r.fw_items[fw]
                tables = {"%s.html" % fw: {i: v["state"] for i, v in items.items()},
                          "%s.html colour" % fw: {i: v["colour"] for i, v in items.items()}}
                tables.update(self.matrix_states(r, fw))
                lines += disagreements("state", tables, set(tables) - {"%s.html" % fw})
            tables = {"clause page": r.clause["coverage"]["clause page"]}
            tables.update(self.matrix_states(r, BASE_FRAMEWORK))
            lines += disagreements("state", tables, set(tables) - {"clause page"})
            return lines
        self.each_round(check)

    @staticmethod
    def matrix_states(r, fw):
        """{surface: {item: state}} of fw's items in the matrix's pairs; an
        item shown in two states on one surface is both, joined by "+"."""
        out = {}
        for surface, rows in r.matrix.items():
            found = collections.defaultdict(set)
            for row in rows:
                for title, item, state in ((row[0], row[1], row[3]), (row[4], row[5], row[7])):
                    if r.fw_titles.get(title) == fw:
                        found[item].add(state)
            out["%s (%s)" % (surface, fw)] = {i: "+".join(sorted(s)) for i, s in found.items()}
        return out

    def test_framework_states_follow_what_addresses_them(self):
        """On the framework page: an excluded control is one the SoA's YAML
        excludes; any other leaf is covered, documented only, evidenced only
        or not covered as it lists documents in force and records; an item
        with parts takes the state its non-excluded leaves share, else partly
        covered, and is excluded when all its leaves are."""
        self.needs_frameworks()
        excluded = {fw: self.excluded_controls(fw) for fw in self.frameworks}

        def check(r):
            lines = []
            for fw in self.frameworks:
                items = r.fw_items[fw]
                children = collections.defaultdict(list)
                for i, v in items.items():
                    if v["parent"]:
                        children[v["parent"]].append(i)

                def leaves(i):
                    return [i] if not children[i] else [x for c in children[i] for x in leaves(c)]

                for i, v in items.items():
                    if not children[i]:
                        if i in excluded[fw]:
                            expected = "excluded"
                        else:
                            docs = any(in_force for _, _, in_force, _ in v["documents"])
                            expected = ("covered" if docs and v["records"] else
                                        "documented only" if docs else
                                        "evidenced only" if v["records"] else "not covered")
                    else:
                        states = {items[x]["state"] for x in leaves(i)} - {"excluded"}
                        expected = ("excluded" if not states else states.pop()
                                    if len(states) == 1 else "partly covered")
                    if v["state"] != expected:
                        lines.append("frameworks/%s.html %s: %s; from %s %s"
                                     % (fw, i, v["state"], "its leaves" if children[i]
                                        else "what it lists", expected))
                shown = sorted(i for i, v in items.items() if v["state"] == "excluded"
                               and not children[i])
                if shown != excluded[fw]:
                    lines.append("frameworks/%s.html excludes %s; the SoA %s"
                                 % (fw, shown, excluded[fw]))
            return lines
        self.each_round(check)

    def test_framework_documents_follow_the_document_pages(self):
        """An item's documents named directly (not through a mapping) are
        exactly those whose page names the item, the item it belongs to or a
        part of it, in force iff the document page says approved (else
        shown with that status)."""
        self.needs_frameworks()

        def check(r):
            lines = []
            status = r.doc["status"]["document page"]
            for fw in self.frameworks:
                items = r.fw_items[fw]
                named = {i: {item for f, item in refs if f == fw}
                         for i, refs in r.doc_items.items()}
                ancestors = {}
                for i, v in items.items():
                    ancestors[i] = ({v["parent"]} | ancestors[v["parent"]]) if v["parent"] \
                        else set()
                for i, v in items.items():
                    related = {i} | ancestors[i] | {x for x in items if i in ancestors[x]}
                    expected = sorted(
                        (d, status.get(d) == "approved",
                         "" if status.get(d) == "approved" else status.get(d))
                        for d, n in named.items() if n & related)
                    shown = sorted((d, in_force, st) for d, via, in_force, st in v["documents"]
                                   if via is None)
                    if shown != expected:
                        lines.append("frameworks/%s.html %s: documents %s; document pages %s"
                                     % (fw, i, shown, expected))
                    mapped = [d for d, via, _, _ in v["documents"] if via is not None]
                    direct = [d for d, _, _ in shown]
                    twice = sorted((set(mapped) & set(direct)) |
                                   {d for d in mapped if mapped.count(d) > 1} |
                                   {d for d in direct if direct.count(d) > 1})
                    if twice:
                        lines.append("frameworks/%s.html %s lists %s twice" % (fw, i, twice))
                    recs = [d for d, _ in v["records"]]
                    if len(recs) != len(set(recs)):
                        lines.append("frameworks/%s.html %s lists a record twice: %s"
                                     % (fw, i, recs))
                    for d, via in v["records"]:
                        if via is None and not any(
                                f == fw and x in related for f, x in r.record_items.get(d, [])):
                            lines.append("frameworks/%s.html %s: record %s, whose page names %s"
                                         % (fw, i, d, r.record_items.get(d, MISSING)))
            return lines
        self.each_round(check)

    def test_framework_matrix_rows_agree(self):
        """matrix.html and framework-matrix.xlsx hold the same rows (pairs,
        titles, states, documents) in the same order, each item linked to its
        row; the pairs are the mappings' (each once, in catalogue order); the
        documents are those in force naming either side directly (the clause
        coverage's documents and processes, the framework page's direct
        documents in force); records.html counts the rows."""
        self.needs_frameworks()
        config = self.source().config
        pairs = []
        for name in config.get("mappings") or []:
            data = registers_test.read_yaml(self.catalogue_path(str(name)))
            for pair in data["pairs"]:
                sides = []
                for fw in (data["from"], data["to"]):
                    value = pair[fw]
                    sides.append([str(v) for v in value] if isinstance(value, list)
                                 else [str(value)])
                pairs += [(data["from"], a, data["to"], b) for a in sides[0] for b in sides[1]]

        def check(r):
            lines = []
            html, book = r.matrix["matrix.html"], r.matrix["framework-matrix.xlsx"]
            lines += row_differences("matrix.html", html, "framework-matrix.xlsx", book)
            count = r.register_counts.get("frameworks/matrix.html")
            if count != len(html) or count != len(book):
                lines.append("records.html counts %r matrix rows; matrix.html %d, "
                             "framework-matrix.xlsx %d" % (count, len(html), len(book)))
            shown = [(r.fw_titles.get(row[0]), row[1], r.fw_titles.get(row[4]), row[5])
                     for row in html]
            if len(set(shown)) != len(shown):
                lines.append("matrix.html lists a pair twice: %s"
                             % sorted(p for p in shown if shown.count(p) > 1))
            if sorted(shown) != sorted(pairs):
                lines.append("matrix.html pairs %s; the mappings' %s"
                             % (sorted(set(shown) - set(pairs)), sorted(set(pairs) - set(shown))))
            order = {BASE_FRAMEWORK: {c: n for n, c in enumerate(
                sorted(r.clause_nodes, key=clause_key))}}
            for fw in self.frameworks:
                order[fw] = {i: n for n, i in enumerate(r.fw_items[fw])}
            keys = [(a, order.get(a, {}).get(i), b, order.get(b, {}).get(j))
                    for a, i, b, j in shown]
            if None in (k for key in keys for k in key) or keys != sorted(keys):
                lines.append("matrix.html rows not in catalogue order: %s" % shown)
            for surface, links in r.matrix_links.items():
                expected = [((a, i), (b, j)) for a, i, b, j in shown]
                if links != expected:
                    lines += ["%s row %d links to %s, shows %s" % (surface, n, x, y)
                              for n, (x, y) in enumerate(zip(links, expected), start=1)
                              if x != y]
            # The documents in force naming either side.
            clause_docs = {}
            ws = r.book("clause-coverage.xlsx")["Clauses"]
            header, values = sheet_table(ws)
            col = {h: c for c, h in enumerate(header)}
            for row in values:
                clause_docs[iso(row[col["Clause"]])] = {
                    d for name in ("Document IDs", "Process IDs")
                    for d in (row[col[name]] or "").split(", ") if d}
            for row, (a, i, b, j) in zip(html, shown):
                expected = set()
                for fw, item in ((a, i), (b, j)):
                    if fw == BASE_FRAMEWORK:
                        expected |= clause_docs.get(item, {MISSING})
                    elif fw in r.fw_items:
                        expected |= {d for d, via, in_force, _ in
                                     r.fw_items[fw].get(item, {"documents": [(MISSING,) * 4]})
                                     ["documents"] if in_force and via is None}
                if list(row[8]) != sorted(expected):
                    lines.append("matrix.html %s:%s-%s:%s documents %s; clause coverage and "
                                 "framework page %s" % (a, i, b, j, list(row[8]),
                                                        sorted(expected)))
                for fw, item, title in ((a, i, row[2]), (b, j, row[6])):
                    if fw in r.fw_items and title != r.fw_items[fw].get(item, {}).get("title"):
                        lines.append("matrix.html %s:%s titled %r, on its page %r"
                                     % (fw, item, title,
                                        r.fw_items[fw].get(item, {}).get("title")))
            return lines
        self.each_round(check)

    def test_soa_agrees_with_framework_coverage(self):
        """records/applicability.html and statement-of-applicability.xlsx: the
        same entries in the same order, one per leaf control of the framework
        page, each control linked to its row; not applicable exactly for the
        controls the YAML excludes (excluded on the framework page, in the
        status counts, and in the matrix where a pair names them); "Implemented
        by" the documents approved on their page that name the control itself
        (each among the framework page's documents in force for it), and
        among them every document its justification names; "Evidence" the
        other records whose page names it in controls:; records.html counts
        the entries."""
        self.needs_frameworks()
        excluded = {fw: self.excluded_controls(fw) for fw in self.frameworks}

        def check(r):
            lines = []
            html, book = r.soa["applicability.html"], r.soa["statement-of-applicability.xlsx"]
            lines += row_differences("applicability.html", html,
                                     "statement-of-applicability.xlsx", book)
            count = r.register_counts.get("records/applicability.html")
            if count != len(html):
                lines.append("records.html counts %r SoA entries, applicability.html %d"
                             % (count, len(html)))
            for control, ref in r.soa_links:
                if ref is None or "%s:%s" % ref != control:
                    lines.append("applicability.html %s links to %s" % (control, ref))
            status = r.doc["status"]["document page"]
            soa_ids = {row[1] for row in html}
            for fw in self.frameworks:
                items = r.fw_items[fw]
                parents = {v["parent"] for v in items.values()}
                controls = [str(c["number"]) for c in self.catalogues()[fw]
                            if c.get("kind") == "control" and str(c["number"]) not in parents]
                entries = [row for row in html if row[0].startswith(fw + ":")]
                listed = [row[0][len(fw) + 1:] for row in entries]
                if listed != controls:
                    lines.append("applicability.html lists %s; %s.html's controls %s"
                                 % (listed, fw, controls))
                not_applicable = sorted(row[0][len(fw) + 1:] for row in entries
                                        if row[2] is False)
                if not_applicable != excluded[fw]:
                    lines.append("applicability.html: not applicable %s; the YAML %s"
                                 % (not_applicable, excluded[fw]))
                # Excluded on every surface that shows the control's state.
                states = self.matrix_states(r, fw)
                states["%s.html" % fw] = {i: v["state"] for i, v in items.items()}
                for control in excluded[fw]:
                    for surface, table in states.items():
                        if control in table and table[control] != "excluded":
                            lines.append("%s: excluded control %s is %r"
                                         % (surface, control, table[control]))
                excluded_items = sum(v["state"] == "excluded" for v in items.values())
                if r.status["framework_coverage"].get(fw, {}).get("excluded") != excluded_items:
                    lines.append("status json: %r excluded, %s.html %d"
                                 % (r.status["framework_coverage"].get(fw, {}).get("excluded"),
                                    fw, excluded_items))
                for control_id, _, _, implemented, evidence in entries:
                    control = control_id[len(fw) + 1:]
                    # In force is approved, overdue for review or not.
                    naming = sorted(d for d, refs in r.doc_items.items()
                                    if (fw, control) in refs and status.get(d) == "approved")
                    if list(implemented) != naming:
                        lines.append("applicability.html %s implemented by %s; document pages "
                                     "naming it, approved: %s"
                                     % (control_id, list(implemented), naming))
                    # The example's story: a justification names only
                    # documents that implement the control.
                    cited = sorted(set(re.findall(r"\b[A-Z]{2,5}-[A-Z0-9]+(?:-\d+)?\b",
                                                  r.soa_justifications.get(control_id, "")))
                                   & set(r.doc_items))
                    if set(cited) - set(naming):
                        lines.append("the justification of %s names %s, which do not implement "
                                     "it (implemented by %s)"
                                     % (control_id, sorted(set(cited) - set(naming)), naming))
                    in_force = {d for d, via, f, _ in items.get(control, {}).get(
                        "documents", []) if f and via is None}
                    if set(implemented) - in_force:
                        lines.append("applicability.html %s implemented by %s, not in force "
                                     "for it on %s.html" % (control_id,
                                                            sorted(set(implemented) - in_force),
                                                            fw))
                    expected = sorted(i for i, refs in r.record_controls.items()
                                      if (fw, control) in refs and i not in soa_ids)
                    if list(evidence) != expected:
                        lines.append("applicability.html %s evidence %s; record pages naming "
                                     "it in controls: %s" % (control_id, list(evidence),
                                                             expected))
            return lines
        self.each_round(check)

    # -- the dates exercise the states -----------------------------------------

    minimums = {}

    def test_the_dates_exercise_every_state(self):
        """Not vacuous: over the rounds the surfaces held each state at least
        as often as `minimums` asks."""
        seen = collections.Counter()
        for r in self.rounds:
            self.assertTrue(r.doc_nodes and r.clause_nodes and r.record_nodes, r.as_of)
            for s in r.doc["review-state"]["document page"].values():
                seen["document " + s] += 1
            for s in r.doc["status"]["document page"].values():
                seen["document " + s] += 1
            for flag, name in (("changed", "changed after approval"),
                               ("version-problem", "version problem"),
                               ("approval-problem", "approval problem")):
                seen["document " + name] += sum(r.doc_flags[flag]["document page"].values())
            for s in r.clause["audited-in-cycle"]["clause page"].values():
                seen["clause audited in cycle " + s] += 1
            for s in r.clause["coverage"]["clause page"].values():
                seen["clause " + s] += 1
            for d in r.clause["last-external-audit"]["clause page"].values():
                seen["clause externally audited" if d else "clause not externally audited"] += 1
            for code in DATE_STATES:
                seen["record " + code] += len(r.attention.get(code, []))
            for (i, label), (date, state) in r.dates["record page"].items():
                if r.record_status.get(i) == "expired" and date and not state:
                    seen["record marked expired, its date uncoloured"] += 1
            for key, (state, _, _) in r.readiness.items():
                seen["readiness " + state] += 1
                if key == "internal-audit":
                    seen["internal audit " + state] += 1
            if r.audit_periods:
                seen["audit programme"] += 1
            for fw in r.frameworks:
                for v in r.fw_items[fw].values():
                    seen["framework " + v["state"]] += 1
                    for _, via, in_force, _ in v["documents"]:
                        seen["framework document " + (
                            "not in force" if not in_force else "mapped" if via else "direct")] += 1
                seen["framework matrix row"] += len(r.matrix["matrix.html"])
                seen["SoA evidence"] += sum(bool(row[4]) for row in r.soa["applicability.html"])
        short = {k: (seen[k], n) for k, n in self.minimums.items() if seen[k] < n}
        self.assertEqual(short, {}, "states not reached (seen, needed): %s; seen: %s"
                         % (short, dict(seen)))


class ExampleConsistencyTest(ConsistencyCase, unittest.TestCase):
    """The repository's example SMS, read in place (document history comes
    from its git), built into a temporary folder."""

    dates = EXAMPLE_DATES
    frameworks = ("iso27001",)  # smsdoc.yaml: frameworks: [iso27001]
    minimums = {
        "document overdue": 1, "document due": 1, "document none": 1, "document draft": 1,
        "clause audited in cycle yes": 1, "clause audited in cycle no": 1,
        "clause covered": 1, "clause partly covered": 1,
        "clause externally audited": 1, "clause not externally audited": 1,
        "record overdue": 1, "record expired": 1, "record expiring": 1,
        "record marked expired, its date uncoloured": 1,
        "readiness met": 1, "readiness at risk": 1,
        "internal audit met": 1, "internal audit at risk": 1, "audit programme": 1,
        "framework covered": 1, "framework partly covered": 1, "framework documented only": 1,
        "framework excluded": 1, "framework document direct": 1, "framework document mapped": 1,
        "framework document not in force": 1, "framework matrix row": 1, "SoA evidence": 1,
    }

    @classmethod
    def prepare(cls, tmp):
        return testlib.REPO


def git(root, *args, date=None):
    env = dict(os.environ, GIT_AUTHOR_NAME="Test", GIT_AUTHOR_EMAIL="test@example.invalid",
               GIT_COMMITTER_NAME="Test", GIT_COMMITTER_EMAIL="test@example.invalid",
               GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL=os.devnull)
    if date:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = date + "T12:00:00Z"
    subprocess.run(["git", "-C", root, "-c", "commit.gpgsign=false"] + list(args), check=True,
                   capture_output=True, timeout=60, env=env)


def edit(path, pattern, replacement):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    changed = re.sub(pattern, replacement, text, count=1, flags=re.M)
    if changed == text:
        raise AssertionError("%s: %r not found" % (path, pattern))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(changed)


class GeneratedConsistencyTest(ConsistencyCase, unittest.TestCase):
    """A generated SMS (bench/gen_sms.py) put in git, where four policies
    are approved (approved_on) and then edited: a body change after the
    approval, a new approval of a lower version, a change whose
    Approved-by names no one, and an uncommitted change."""

    dates = GENERATED_DATES
    minimums = {
        "document overdue": 1, "document due": 1, "document none": 1,
        "document changed after approval": 2, "document version problem": 1,
        "document approval problem": 1,
        "clause audited in cycle no": 1, "record overdue": 1, "record expired": 1,
        "readiness met": 1,
    }

    @classmethod
    def prepare(cls, tmp):
        root = os.path.join(tmp, "generated")
        subprocess.run(["/usr/bin/python3", "-B", os.path.join(testlib.REPO, "bench", "gen_sms.py"),
                        GENERATED_ITEMS, root, "--seed", GENERATED_SEED, "-q"],
                       check=True, capture_output=True, timeout=60)
        doc = [os.path.join(root, "policies", "set-001", "pol-%05d.md" % n) for n in range(5)]
        git(root, "init", "-q", "-b", "main")
        for path in doc[1:]:
            edit(path, r"^(effective: .*)$", r"\1\napproved_on: 2026-01-15")
        git(root, "add", "-A")
        git(root, "commit", "-q", "-m", "Issue the SMS", date="2026-01-15")
        edit(doc[1], r"\Z", "\nA paragraph added after the approval.\n")
        git(root, "commit", "-q", "-am", "Edit POL-00001 after its approval", date="2026-02-01")
        edit(doc[2], r"\Z", "\nA paragraph added before a new approval.\n")
        edit(doc[2], r'^version: .*$', 'version: "0.1"')
        edit(doc[2], r"^approved_on: .*$", "approved_on: 2026-03-02")
        git(root, "commit", "-q", "-am", "Approve POL-00002 at a lower version", date="2026-03-02")
        edit(doc[3], r"\Z", "\nA paragraph approved by no one.\n")
        git(root, "commit", "-q", "-am", "Edit POL-00003\n\nApproved-by: Nobody Known",
            date="2026-04-01")
        edit(doc[4], r"\Z", "\nAn uncommitted paragraph.\n")
        return root


if __name__ == "__main__":
    testlib.main()
