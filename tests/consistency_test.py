#!/usr/bin/python3
"""One fact, one value, on every surface.

The analysis (src/model/analysis.h, computed in src/analyse/) derives every
date-dependent fact once; every surface reads it. This test builds the
repository's example SMS (in place: its history is git's) and a generated one
(put in git, with edits after approval) at several as-of dates, runs
`status --format json` and `graph --format json` with the same --as-of, and
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
- the as-of date itself on every surface that shows it.

Comparisons are exact (the same IDs on every full surface, each once), and
a last check proves the dates exercise every state.

Needs Debian's python3-openpyxl besides the standard library.

usage: consistency_test.py SMSDOC_BINARY REPO_ROOT
"""

import collections
import datetime
import json
import os
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

    def __init__(self, sms, root, as_of, tmp):
        self.sms, self.root, self.as_of, self.tmp = sms, root, as_of, tmp
        self.out = os.path.join(tmp, "site-" + as_of)
        self.procs = {}

    def start(self):
        base = [testlib.SMSDOC]
        common = ["--root", self.root, "--as-of", self.as_of, "-j", "2"]
        commands = {"build": base + ["build"] + common + ["--out", self.out],
                    "status": base + ["status"] + common + ["--format", "json"],
                    "graph": base + ["graph"] + common + ["--format", "json"]}
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
        status_of_page = {}
        # An imported record (an ITSM export's row) has no page: its URL is
        # its register row's anchor.
        rows_only = {i for i, n in self.record_nodes.items() if "#" in n["url"]}
        for i, n in self.record_nodes.items():
            if i in rows_only:
                continue
            dom = page(self.path(n["url"]), start='<table class="meta fields">', stop="</table>")
            table = dom.first("table", cls="fields")
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


def expand(clauses, leaves):
    """The leaves below (or equal to) each clause named."""
    return {leaf for leaf in leaves for c in clauses if leaf == c or leaf.startswith(c + ".")}


def clause_key(c):
    return [int(p) for p in c.split(".")]


class ConsistencyCase:
    """The checks, for the SMS a subclass builds (rounds: one per as-of)."""

    maxDiff = None
    dates = ()

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
        cls.rounds = [Round(cls.__name__, root, as_of, cls.tmp.name) for as_of in cls.dates]
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
        records = registers_test.Sms(self.rounds[0].root).records

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
        short = {k: (seen[k], n) for k, n in self.minimums.items() if seen[k] < n}
        self.assertEqual(short, {}, "states not reached (seen, needed): %s; seen: %s"
                         % (short, dict(seen)))


class ExampleConsistencyTest(ConsistencyCase, unittest.TestCase):
    """The repository's example SMS, read in place (document history comes
    from its git), built into a temporary folder."""

    dates = EXAMPLE_DATES
    minimums = {
        "document overdue": 1, "document due": 1, "document none": 1, "document draft": 1,
        "clause audited in cycle yes": 1, "clause audited in cycle no": 1,
        "clause covered": 1, "clause partly covered": 1,
        "clause externally audited": 1, "clause not externally audited": 1,
        "record overdue": 1, "record expired": 1, "record expiring": 1,
        "record marked expired, its date uncoloured": 1,
        "readiness met": 1, "readiness at risk": 1,
        "internal audit met": 1, "internal audit at risk": 1, "audit programme": 1,
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
