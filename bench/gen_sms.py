#!/usr/bin/python3
"""Generate a synthetic, valid smsdoc service management system (SMS).

Usage: gen_sms.py N OUTDIR [--seed S] [--gfm-heavy] [--risks-only] [--force]

Writes N items into OUTDIR (smsdoc.yaml, policies/, processes/, records/):
about 45 % documents in policies/, 45 % process definitions in processes/ and
10 % records in records/<kind>/*.yaml (up to 50 records per file) of every
built-in kind of src/model/kinds.yaml (risk, person, competence, training,
audit, finding, action, review), linked to each other. --risks-only writes
N risk records (1000 per file) beside five policies and five processes: the
corpus of the register benchmark.

Every Markdown file is 3-6 KB and uses headings, paragraphs, lists, a GFM
table, strikethrough, task lists, autolinks, inline code, emphasis, 3-5
[[ID]] references (plain, with text, with a heading anchor of the target) and
one relative .md link. --gfm-heavy packs much more GFM syntax into every page
(several tables, many strikethroughs, task lists and autolinks); it exists to
catch parsers that lose GFM extensions under concurrency.

The output depends only on N, the seed and --gfm-heavy: all randomness comes
from one random.Random(seed) through rng.random() (whose sequence Python
keeps stable across versions), nothing is iterated in hash order, and no
date depends on the day the script runs. Past events (effective dates,
audits, findings, trainings) lie between 2024 and October 2026, in a
plausible order (audit, then finding, then action); every "next review",
expiry and due date lies in 2028 or later, so the corpus stays free of
date-based warnings for a while.
"""

import argparse
import json
import os
import posixpath
import random
import sys

# --------------------------------------------------------------------------
# Randomness: only rng.random() is used, so results do not depend on how a
# Python version implements randint/choice/shuffle.


class Rand:
    def __init__(self, seed):
        self._r = random.Random(seed)

    def random(self):
        return self._r.random()

    def int(self, lo, hi):
        """Uniform integer in [lo, hi]."""
        return lo + int(self._r.random() * (hi - lo + 1))

    def choice(self, seq):
        return seq[int(self._r.random() * len(seq))]

    def shuffle(self, seq):
        for i in range(len(seq) - 1, 0, -1):
            j = int(self._r.random() * (i + 1))
            seq[i], seq[j] = seq[j], seq[i]

    def sample(self, seq, k):
        """k distinct elements of seq (in random order)."""
        k = min(k, len(seq))
        pool = list(seq)
        out = []
        for i in range(k):
            j = i + int(self._r.random() * (len(pool) - i))
            pool[i], pool[j] = pool[j], pool[i]
            out.append(pool[i])
        return out

    def chance(self, p):
        return self._r.random() < p


# --------------------------------------------------------------------------
# Vocabulary. ASCII in headings and identifiers; a little non-ASCII in prose.

ROLES = [
    ("ceo", "Chief Executive Officer"),
    ("sms-manager", "SMS Manager"),
    ("service-owner", "Service Owner"),
    ("change-manager", "Change Manager"),
    ("incident-manager", "Incident Manager"),
    ("problem-manager", "Problem Manager"),
    ("security-officer", "Information Security Officer"),
    ("supplier-manager", "Supplier Manager"),
    ("service-desk-lead", "Service Desk Lead"),
    ("capacity-manager", "Capacity Manager"),
    ("release-manager", "Release Manager"),
    ("internal-auditor", "Internal Auditor"),
    ("finance-controller", "Finance Controller"),
    ("relationship-manager", "Business Relationship Manager"),
]
ROLE_KEYS = [r[0] for r in ROLES]

DOC_TYPES = [
    "policy", "policy", "policy", "plan", "procedure", "procedure",
    "statement", "standard", "manual", "guideline", "work-instruction",
    "form", "register", "report",
]

TOPICS = [
    "Service Management", "Change Enablement", "Incident Handling",
    "Problem Control", "Release and Deployment", "Service Continuity",
    "Information Security", "Supplier Governance", "Capacity Planning",
    "Availability Assurance", "Service Level", "Configuration Control",
    "Asset Lifecycle", "Service Catalogue", "Demand Forecasting",
    "Budgeting and Accounting", "Business Relationship", "Service Request",
    "Document Control", "Competence and Awareness", "Risk Treatment",
    "Internal Audit", "Management Review", "Continual Improvement",
    "Service Reporting", "Knowledge Sharing", "Customer Complaints",
    "Backup and Recovery", "Access Management", "Monitoring and Events",
]
DOC_SUFFIX = {
    "policy": "Policy", "plan": "Plan", "procedure": "Procedure",
    "statement": "Statement", "standard": "Standard", "manual": "Manual",
    "guideline": "Guideline", "work-instruction": "Work Instruction",
    "form": "Form", "register": "Register", "report": "Report",
}

# Heading phrases: letters and spaces only, so the anchor is the phrase in
# lower case with '-' for spaces. None equals a front-matter field name.
HEADINGS = [
    "Scope and applicability", "Policy statements", "Roles and responsibilities",
    "Compliance and exceptions", "Monitoring and measurement",
    "Document control rules", "Training and awareness", "Supplier obligations",
    "Risk considerations", "Continual improvement actions",
    "Definitions and terms", "Review and approval", "Service level commitments",
    "Records to retain", "Escalation paths", "Evidence for auditors",
    "Information security aspects", "Communication plan",
    "Transition arrangements", "Performance indicators", "Budget and resources",
    "Capacity assumptions", "Customer engagement", "Handling of exceptions",
    "Known limitations", "Operating principles", "Decision criteria",
    "Tooling and automation", "Data protection", "Working with other processes",
    "Objectives for the year", "Lessons learned", "Reporting cadence",
    "Quality checks", "Authority levels", "Emergency arrangements",
    "Dependencies and constraints", "Verification of effectiveness",
]
SUBHEADINGS = [
    "Inputs considered", "Approval workflow", "Frequency of checks",
    "Worked example", "Common pitfalls", "Metrics collected", "Owner duties",
    "Reporting line", "Emergency handling", "Archive rules", "Triggers",
    "Exit criteria", "Entry criteria", "Tool support", "Sample evidence",
    "Open questions", "Handover notes", "Escalation thresholds",
]

SUBJECTS = [
    "the service owner", "each process owner", "the SMS manager",
    "the change advisory board", "the service desk", "every supplier manager",
    "the internal auditor", "top management", "the security officer",
    "the release team", "the capacity manager", "each team lead",
]
VERBS = [
    "reviews", "approves", "records", "monitors", "escalates", "verifies",
    "documents", "communicates", "plans", "assesses", "tracks", "reports",
]
OBJECTS = [
    "every request for change", "the service catalogue", "supplier performance",
    "open risks", "major incidents", "known errors", "capacity forecasts",
    "the continuity plan", "service level results", "training needs",
    "audit findings", "corrective actions", "configuration records",
    "customer complaints", "release schedules", "availability targets",
]
QUALIFIERS = [
    "at least once a month", "before the quarterly review",
    "within five working days", "as part of the management review",
    "whenever a service changes", "using the agreed template",
    "with evidence kept for three years", "in line with the SMS plan",
    "before any deviation is accepted", "and shares the outcome with customers",
    "so that trends become visible early", "without waiting for the next audit",
]
PROSE_EXTRA = [
    "This keeps the SMS auditable \u2014 evidence is produced as work happens.",
    "Exceptions are rare and always time-boxed.",
    "The approach follows the plan\u2013do\u2013check\u2013act cycle.",
    "Nothing here replaces the judgement of the people doing the work.",
    "Customers see the results in the monthly service report.",
    "Where two rules conflict, the stricter one applies.",
    "Staff in M\u00fcnchen and S\u00e3o Paulo follow the same rules.",
]
EMPH = [
    "must", "always", "never", "documented", "approved", "retained", "agreed",
]
CODE = [
    "smsdoc check", "RFC-2026-0142", "status: approved", "review_months",
    "sla_target >= 99.5", "git log --oneline", "INC-7731", "backup --verify",
]
TASKS = [
    "Confirm the owner of each control", "Publish the approved version",
    "Brief the service desk", "Update the risk register",
    "Schedule the next internal audit", "Check supplier certificates",
    "Archive superseded versions", "Run the continuity test",
    "Review capacity headroom", "Close the corrective action",
    "Collect customer feedback", "Measure the KPI baseline",
]
STRIKE = [
    "weekly", "paper forms", "email approval", "the old ticket queue",
    "manual spreadsheets", "ad hoc reviews", "verbal agreement",
    "a single approver", "annual checks only", "shared passwords",
]
URL_PATHS = [
    "sms/overview", "status", "catalogue/services", "policies/latest",
    "docs/change-calendar", "support/contact", "reports/2026/q3",
    "training/portal", "audit/programme", "kb/known-errors",
]
URL_HOSTS = ["example.com", "example.org", "intranet.example.net"]
TABLE_COLS = [
    ("Control", "Owner", "Frequency", "Status"),
    ("Step", "Responsible", "Evidence", "Target"),
    ("Measure", "Target", "Source", "Notes"),
    ("Risk", "Treatment", "Owner", "Due"),
]
FREQUENCIES = ["Daily", "Weekly", "Monthly", "Quarterly", "Yearly", "Per change"]

STEP_VERBS = [
    "Log and classify", "Assess impact of", "Approve", "Plan", "Implement",
    "Verify", "Communicate", "Review", "Close", "Escalate", "Prioritise",
    "Record lessons from",
]
KPI_NAMES = [
    "Resolved within target", "Changes without incident", "First-time fix rate",
    "Customer satisfaction", "Backlog age", "Availability achieved",
    "Reviews on time", "Actions closed on time", "Forecast accuracy",
]
KPI_TARGETS = [">= 95 %", ">= 90 %", "<= 5 days", ">= 4.2 of 5", "99.9 %",
               "100 %", "<= 2 per month"]
KPI_TYPED = {">= 95 %": ("percent", "higher", "95"), ">= 90 %": ("percent", "higher", "90"),
             "<= 5 days": ("duration", "lower", "5d"), ">= 4.2 of 5": ("score", "higher", "4.2"),
             "99.9 %": ("percent", "higher", "99.9"), "100 %": ("percent", "higher", "100"),
             "<= 2 per month": ("count", "lower", "2")}
TYPED_FREQUENCY = {"Quarterly": "quarterly", "Yearly": "yearly"}  # the rest monthly
RECORD_KINDS_FREE = [
    "incident", "change", "problem", "service request", "release",
    "complaint", "capacity report", "continuity test", "supplier review",
]

RISK_CATEGORIES = ["operational", "security", "supplier", "financial",
                   "compliance", "capacity", "people"]
COURSES = ["ITIL 4 Foundation", "ISO/IEC 20000 Awareness",
           "ISO/IEC 20000 Internal Auditor", "Change Management Practice",
           "Major Incident Handling", "Secure Operations Basics",
           "Supplier Management Essentials", "Problem Analysis Techniques"]
PROVIDERS = ["Internal academy", "Harbour Training Ltd", "ServiceSkills GmbH",
             "Online learning portal"]
PEOPLE_FIRST = ["Alex", "Sam", "Priya", "Jonas", "Mei", "Tom\u00e1s", "Aisha",
                "Lars", "Chloe", "Kenji", "Ruth", "Omar", "Ines", "Dmitri"]
PEOPLE_LAST = ["Harper", "Nguyen", "Okafor", "M\u00fcller", "Rossi", "Silva",
               "Kowalski", "Chen", "Dubois", "Patel", "Jensen", "Moreau"]
DEPARTMENTS = ["Service Operations", "Platform Engineering", "Service Desk",
               "Governance and Risk", "Customer Success", "Finance"]
SERVICES = ["Managed Workplace", "Managed Network", "Cloud Hosting",
            "Backup and Recovery", "Application Support"]
AFFECTED = ["primary data centre", "service desk telephony", "ITSM tool",
            "backup platform", "network core", "hosting supplier",
            "customer portal", "identity provider"]
ROOT_CAUSE_METHODS = ["5 whys", "Ishikawa diagram", "Fault tree", "Timeline review"]
EFF_METHODS = ["Line manager review after three months", "Practical assessment",
               "Observed during a live incident", "Quiz in the learning system"]


def load_clauses():
    """Clause ids of ISO/IEC 20000-1:2018 (kept in sync with the reference)."""
    return [
        "4", "4.1", "4.2", "4.3", "4.4", "5", "5.1", "5.2", "5.2.1", "5.2.2",
        "5.3", "6", "6.1", "6.2", "6.2.1", "6.2.2", "6.3", "7", "7.1", "7.2",
        "7.3", "7.4", "7.5", "7.5.1", "7.5.2", "7.5.3", "7.5.4", "7.6", "8",
        "8.1", "8.2", "8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.2.5", "8.2.6",
        "8.3", "8.3.1", "8.3.2", "8.3.3", "8.3.4", "8.3.4.1", "8.3.4.2", "8.4",
        "8.4.1", "8.4.2", "8.4.3", "8.5", "8.5.1", "8.5.1.1", "8.5.1.2",
        "8.5.1.3", "8.5.2", "8.5.2.1", "8.5.2.2", "8.5.2.3", "8.5.3", "8.6",
        "8.6.1", "8.6.2", "8.6.3", "8.7", "8.7.1", "8.7.2", "8.7.3",
        "8.7.3.1", "8.7.3.2", "8.7.3.3", "9", "9.1", "9.2", "9.3", "9.4",
        "10", "10.1", "10.2",
    ]


CLAUSES = load_clauses()
CLAUSES_8 = [c for c in CLAUSES if c.startswith("8.")]
CLAUSES_NOT_8 = [c for c in CLAUSES if not c.startswith("8")]


def slug(text):
    """GitHub-style anchor of a heading made of letters, digits and spaces."""
    out = []
    for ch in text.lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def q(text):
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def ylist(items):
    return "[" + ", ".join(items) + "]"


def date(rng, year_lo, year_hi):
    y = rng.int(year_lo, year_hi)
    m = rng.int(1, 12)
    d = rng.int(1, 28)
    return "%04d-%02d-%02d" % (y, m, d)


def past_date(rng):
    """A date between 2024-01-01 and 2026-10-28 (before the corpus was made)."""
    y = rng.int(2024, 2026)
    m = rng.int(1, 10 if y == 2026 else 12)
    return "%04d-%02d-%02d" % (y, m, rng.int(1, 28))


def date_after(rng, base, min_days, max_days):
    """A date min..max days after base (YYYY-MM-DD), using 28-day months."""
    y, m, d = (int(x) for x in base.split("-"))
    days = (y * 12 + (m - 1)) * 28 + (d - 1) + rng.int(min_days, max_days)
    months, d = divmod(days, 28)
    y, m = divmod(months, 12)
    return "%04d-%02d-%02d" % (y, m + 1, d + 1)


# --------------------------------------------------------------------------
# Model of what is generated.


class Item:
    def __init__(self, ident, cat, path, title):
        self.id = ident
        self.cat = cat          # "pol", "prc" or a record kind
        self.path = path        # relative to OUTDIR, posix
        self.title = title
        self.headings = []      # [(level, text, slug)]
        self.fields = {}


def plan_counts(n):
    n_rec = int(round(n * 0.10))
    n_pol = int(round(n * 0.45))
    n_prc = n - n_rec - n_pol
    if n_prc < 0:
        n_prc = 0
    return n_pol, n_prc, n_rec


RECORD_KINDS = ["risk", "person", "competence", "training", "audit", "finding",
                "action", "review"]


def plan_record_kinds(r):
    """How many records of each kind. Kinds that others refer to come first:
    people and competences before trainings, audits before findings."""
    if r <= 0:
        return {k: 0 for k in RECORD_KINDS}
    if r < len(RECORD_KINDS):
        return {k: (1 if i < r else 0) for i, k in enumerate(RECORD_KINDS)}
    share = {"risk": 0.25, "person": 0.10, "competence": 0.05, "training": 0.20,
             "audit": 0.05, "finding": 0.12, "action": 0.18, "review": 0.05}
    counts = {k: max(1, int(r * share[k])) for k in RECORD_KINDS}
    counts["risk"] += r - sum(counts.values())
    return counts


RECORD_PREFIX = {"risk": "RSK", "person": "PER", "competence": "CMP",
                 "training": "TRN", "audit": "AUD", "finding": "FND",
                 "action": "ACT", "review": "MRV"}


def pick_headings(rng, is_process):
    n_h2 = rng.int(4, 6)
    h2 = rng.sample(HEADINGS, n_h2)
    if is_process:
        h2[0] = "How the process runs"
    subs = rng.sample(SUBHEADINGS, len(SUBHEADINGS))
    out = []
    for text in h2:
        out.append((2, text, slug(text)))
        if subs and rng.chance(0.5):
            t = subs.pop()
            out.append((3, t, slug(t)))
    return out


def build_plan(rng, n_pol, n_prc, kinds, width, per_file):
    fmt = "%0" + str(width) + "d"
    docs = []
    for i in range(1, n_pol + 1):
        ident = "POL-" + fmt % i
        dtype = rng.choice(DOC_TYPES)
        topic = rng.choice(TOPICS)
        title = "%s %s %d" % (topic, DOC_SUFFIX[dtype], i)
        path = "policies/set-%03d/pol-%s.md" % ((i - 1) // 100 + 1, fmt % i)
        it = Item(ident, "pol", path, title)
        it.fields["type"] = dtype
        it.headings = pick_headings(rng, False)
        docs.append(it)
    procs = []
    for i in range(1, n_prc + 1):
        ident = "PRC-" + fmt % i
        topic = rng.choice(TOPICS)
        title = "%s Process %d" % (topic, i)
        path = "processes/set-%03d/prc-%s.md" % ((i - 1) // 100 + 1, fmt % i)
        it = Item(ident, "prc", path, title)
        it.fields["type"] = "process"
        it.headings = pick_headings(rng, True)
        procs.append(it)
    records = {}
    for kind in RECORD_KINDS:
        lst = []
        for i in range(1, kinds.get(kind, 0) + 1):
            ident = "%s-%s" % (RECORD_PREFIX[kind], fmt % i)
            path = "records/%s/%s-%03d.yaml" % (kind, kind, (i - 1) // per_file + 1)
            lst.append(Item(ident, kind, path, ""))
        records[kind] = lst
    return docs, procs, records


# --------------------------------------------------------------------------
# Markdown bodies.


class Body:
    """Collects a page's blocks; paragraphs can grow to reach a size."""

    def __init__(self):
        self.blocks = []        # list of [kind, text] ; kind "p" can grow

    def add(self, text, kind="x"):
        self.blocks.append([kind, text])

    def size(self):
        return sum(len(b[1].encode("utf-8")) + 2 for b in self.blocks)

    def grow(self, rng, target):
        paras = [b for b in self.blocks if b[0] == "p"]
        if not paras:
            return
        size = self.size()
        while size < target:
            s = sentence(rng)
            b = rng.choice(paras)
            b[1] += " " + s
            size += len(s.encode("utf-8")) + 1

    def text(self):
        return "\n\n".join(b[1] for b in self.blocks) + "\n"


def sentence(rng):
    s = "%s %s %s %s." % (rng.choice(SUBJECTS), rng.choice(VERBS),
                          rng.choice(OBJECTS), rng.choice(QUALIFIERS))
    s = s[0].upper() + s[1:]
    if rng.chance(0.12):
        s += " " + rng.choice(PROSE_EXTRA)
    return s


def url(rng):
    return "https://%s/%s" % (rng.choice(URL_HOSTS), rng.choice(URL_PATHS))


def rich_sentence(rng, extras):
    """A sentence carrying inline markup; extras are inline snippets to add."""
    s = sentence(rng)
    parts = [s]
    for e in extras:
        parts.append(e)
    return " ".join(parts)


def emphasis(rng):
    w = rng.choice(EMPH)
    return "**%s**" % w if rng.chance(0.5) else "*%s*" % w


def task_list(rng, k):
    lines = []
    for t in rng.sample(TASKS, k):
        mark = "x" if rng.chance(0.5) else " "
        lines.append("- [%s] %s" % (mark, t))
    return "\n".join(lines)


def bullet_list(rng, k, extra=None):
    lines = ["- " + sentence(rng) for _ in range(k)]
    if extra:
        lines[rng.int(0, k - 1)] += " " + extra
    return "\n".join(lines)


def table(rng, rows, cell_refs=(), heavy=False):
    cols = rng.choice(TABLE_COLS)
    lines = ["| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    refs = list(cell_refs)
    for r in range(rows):
        cells = []
        for c in range(len(cols)):
            if c == 0:
                cell = rng.choice(TASKS)
            elif c == 1:
                cell = rng.choice(ROLES)[1]
            elif c == 2:
                cell = rng.choice(FREQUENCIES)
            else:
                cell = rng.choice(KPI_TARGETS)
            if heavy:
                x = rng.int(0, 4)
                if x == 0:
                    cell = "~~%s~~ %s" % (rng.choice(STRIKE), cell)
                elif x == 1:
                    cell = "%s, see %s" % (cell, url(rng))
                elif x == 2:
                    cell = "`%s`" % rng.choice(CODE)
            elif r == 0 and c == 3:
                cell = "~~%s~~ %s" % (rng.choice(STRIKE), cell)
            cells.append(cell)
        if refs:
            cells[0] = refs.pop(0)
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def other_doc(rng, item, md_docs):
    """A random Markdown item other than item, or None."""
    if len(md_docs) < 2:
        return None
    while True:
        t = rng.choice(md_docs)
        if t is not item:
            return t


def make_refs(rng, item, all_ids, md_docs, n_refs):
    """n_refs reference snippets: plain, with text, and with an anchor."""
    refs = []
    t = other_doc(rng, item, md_docs)
    if t:
        lvl, text, s = rng.choice(t.headings)
        refs.append("[[%s#%s]]" % (t.id, s))
    if len(all_ids) < 2:
        return refs
    while len(refs) < n_refs:
        target = rng.choice(all_ids)
        if target == item.id:
            continue
        if len(refs) % 2 == 1:
            refs.append("[[%s|%s]]" % (target, rng.choice(OBJECTS)))
        else:
            refs.append("[[%s]]" % target)
    rng.shuffle(refs)
    lead = ["See %s.", "This relies on %s.", "Related work: %s.",
            "Compare %s."]
    return [rng.choice(lead) % r for r in refs]


def rel_link(rng, item, md_docs):
    t = other_doc(rng, item, md_docs)
    if not t:
        return None
    rel = posixpath.relpath(t.path, posixpath.dirname(item.path))
    if rng.chance(0.5):
        rel += "#" + rng.choice(t.headings)[2]
    return "[the %s](%s)" % (t.title, rel)


def make_body(rng, item, all_ids, md_docs, heavy, target):
    b = Body()
    refs = make_refs(rng, item, all_ids, md_docs, rng.int(3, 5))
    link = rel_link(rng, item, md_docs)
    # Inline snippets to spread over the page.
    inline = list(refs)
    if link:
        inline.append("See also " + link + ".")
    inline.append("Use `%s` where relevant." % rng.choice(CODE))
    inline.append("Details are at %s for staff." % url(rng))
    inline.append("This rule is %s, %s." % (emphasis(rng), emphasis(rng)))
    inline.append("We no longer rely on ~~%s~~." % rng.choice(STRIKE))
    rng.shuffle(inline)

    b.add(rich_sentence(rng, [inline.pop()]), "p")
    heads = item.headings
    n_sections = len(heads)
    # Which section gets the table, the task list and the bullet list.
    table_at = rng.int(0, n_sections - 1)
    tasks_at = rng.int(0, n_sections - 1)
    bullets_at = rng.int(0, n_sections - 1)
    for i, (lvl, text, s) in enumerate(heads):
        b.add("#" * lvl + " " + text)
        snip = []
        remaining = n_sections - i
        take = (len(inline) + remaining - 1) // remaining
        for _ in range(take):
            snip.append(inline.pop())
        b.add(rich_sentence(rng, snip), "p")
        if i == table_at:
            b.add(table(rng, rng.int(2, 4)))
        if i == tasks_at:
            b.add(task_list(rng, rng.int(2, 4)))
        if i == bullets_at:
            b.add(bullet_list(rng, rng.int(2, 4),
                              "Track it with `%s`." % rng.choice(CODE)))
        if heavy:
            heavy_blocks(rng, b, all_ids, item)
    b.grow(rng, target)
    return b.text()


def heavy_blocks(rng, b, all_ids, item):
    """Dense GFM: tables, strikethrough, task lists, autolinks."""
    cell_refs = []
    for _ in range(rng.int(0, 2)):
        t = rng.choice(all_ids)
        if t != item.id:
            if rng.chance(0.5):
                cell_refs.append("[[%s\\|%s]]" % (t, rng.choice(TASKS)))
            else:
                cell_refs.append("[[%s]]" % t)
    b.add(table(rng, rng.int(2, 3), cell_refs, heavy=True))
    b.add(task_list(rng, rng.int(2, 3)))
    words = []
    for _ in range(rng.int(3, 5)):
        x = rng.int(0, 3)
        if x == 0:
            words.append("~~%s~~" % rng.choice(STRIKE))
        elif x == 1:
            words.append(url(rng))
        elif x == 2:
            words.append("<%s>" % url(rng))
        else:
            words.append("~~%s~~ then %s" % (rng.choice(STRIKE), url(rng)))
    b.add("Changed: " + ", ".join(words) + ".")


# --------------------------------------------------------------------------
# Front matter.


def two_roles(rng):
    a, c = rng.sample(ROLE_KEYS, 2)
    return a, c


def doc_front(rng, it, clauses, related):
    owner, approver = two_roles(rng)
    effective = past_date(rng)
    lines = [
        "---",
        "id: " + it.id,
        "title: " + q(it.title),
        "type: " + it.fields["type"],
        "owner: " + owner,
        "approver: " + approver,
        "version: " + q("%d.%d" % (rng.int(1, 4), rng.int(0, 9))),
        "status: approved",
        "effective: " + effective,
        "review_months: %d" % rng.int(36, 60),
        "clauses: " + ylist(q(c) for c in clauses),
    ]
    if related:
        lines.append("related: " + ylist(related))
    return lines


def process_front(rng, it, clauses, related, interfaces):
    lines = doc_front(rng, it, clauses, related)
    lines.append("purpose: " + q(sentence(rng) + " " + sentence(rng)))
    lines.append("inputs: " + ylist(q(x) for x in rng.sample(OBJECTS, 2)))
    lines.append("outputs: " + ylist(q(x) for x in rng.sample(OBJECTS, 2)))
    lines.append("activities:")
    for verb in rng.sample(STEP_VERBS, rng.int(3, 5)):
        r, a = two_roles(rng)
        others = [k for k in ROLE_KEYS if k not in (r, a)]
        lines.append("  - step: " + q("%s %s" % (verb, rng.choice(OBJECTS))))
        lines.append("    responsible: " + r)
        lines.append("    accountable: " + a)
        if rng.chance(0.5):
            lines.append("    consulted: " + rng.choice(others))
        else:
            lines.append("    consulted: " + ylist(rng.sample(others, 2)))
        lines.append("    informed: " + ylist(rng.sample(others, rng.int(1, 2))))
    lines.append("kpis:")
    # Typed KPIs (docs/measurement.md), from the same random draws as the
    # free-text form they replaced, so the rest of the SMS is unchanged.
    for n, name in enumerate(rng.sample(KPI_NAMES, rng.int(2, 3)), 1):
        unit, direction, target = KPI_TYPED[rng.choice(KPI_TARGETS)]
        frequency = rng.choice(FREQUENCIES)
        lines.append("  - {id: KPI-%s-%02d, name: %s, unit: %s, direction: %s, target: %s, "
                     "frequency: %s}" % (it.id, n, q(name), unit, direction, target,
                                         TYPED_FREQUENCY.get(frequency, "monthly")))
    if interfaces:
        lines.append("interfaces: " + ylist(interfaces))
    lines.append("records: " + ylist(q(x) for x in rng.sample(RECORD_KINDS_FREE, 2)))
    return lines


# --------------------------------------------------------------------------
# Records.


# Risk scores: smsdoc's default risk_scoring (likelihood and impact 1-5,
# multiplied; above 7 exceeds the acceptance criteria). The generated
# smsdoc.yaml sets no risk_scoring of its own, so these are the ones used.
ACCEPTANCE = 7


def person(rng):
    return "%s %s" % (rng.choice(PEOPLE_FIRST), rng.choice(PEOPLE_LAST))


def few(rng, seq, k, exclude=None):
    """Up to k distinct elements of seq, never exclude. Draws by rejection,
    so it costs O(k), not O(len(seq)): records of a 100000-risk corpus pick
    their related items from all IDs."""
    k = min(k, len(seq) - (1 if exclude is not None else 0))
    out = []
    tries = 0
    while len(out) < k and tries < 20 * k:
        tries += 1
        x = rng.choice(seq)
        if x != exclude and x not in out:
            out.append(x)
    return out


def other_role(rng, not_this):
    while True:
        r = rng.choice(ROLE_KEYS)
        if r != not_this:
            return r


def risk_fields(rng, it, ctx, add, owner):
    lik, imp = rng.int(1, 5), rng.int(1, 5)
    acts = ctx["risk_actions"].get(it.id, [])
    opportunity = rng.chance(0.15)
    if lik * imp <= ACCEPTANCE:
        status, treatment = "accepted", "retain"
    elif acts:
        status = rng.choice(["open", "in-treatment", "in-treatment"])
        treatment = rng.choice(["modify", "modify", "share", "avoid"])
    else:
        status = rng.choice(["open", "in-treatment", "closed"])
        treatment = rng.choice(["modify", "share", "avoid"])
    topic = rng.choice(OBJECTS)
    affected = rng.choice(AFFECTED)
    add(("type", "opportunity" if opportunity else "risk"))
    if opportunity:
        add(("title", q("Opportunity to improve %s %d" % (topic, ctx["n"]))))
    else:
        add(("title", q("Risk to %s %d" % (topic, ctx["n"]))))
    add(("owner", owner))
    add(("status", status))
    add(("clauses", ylist([q("6.1")])))
    opened = date(rng, 2024, 2025)
    ctx["dates"][it.id] = opened
    add(("opened", opened))
    add(("category", q(rng.choice(RISK_CATEGORIES))))
    add(("affected", q(affected)))
    if opportunity:
        add(("description", q("Automating %s at the %s lets %s deliver faster; "
                              "customers see shorter lead times."
                              % (topic, affected, rng.choice(SUBJECTS)))))
    else:
        add(("description", q("If nobody looks after %s at the %s, %s cannot deliver; "
                              "customers see degraded service."
                              % (topic, affected, rng.choice(SUBJECTS)))))
    add(("existing_controls", q(sentence(rng))))
    add(("likelihood", str(lik)))
    add(("impact", str(imp)))
    add(("treatment", treatment))
    if treatment == "retain":
        rl, ri = lik, imp
    else:
        add(("planned_controls", q(sentence(rng))))
        rl, ri = rng.int(1, lik), rng.int(1, imp)
    add(("treatment_owner", rng.choice(ROLE_KEYS)))
    add(("due", date(rng, 2028, 2029)))
    add(("residual_likelihood", str(rl)))
    add(("residual_impact", str(ri)))
    if status in ("accepted", "closed"):
        add(("accepted_by", other_role(rng, owner)))
        add(("accepted_on", date_after(rng, opened, 5, 120)))
    add(("reviewed", date_after(rng, opened, 130, 250)))
    add(("next_review", date(rng, 2028, 2029)))
    if ctx["processes"]:
        add(("processes", ylist(few(rng, ctx["processes"], rng.int(1, 2)))))
    add(("services", ylist(q(s) for s in rng.sample(SERVICES, rng.int(1, 2)))))
    if acts:
        add(("actions", ylist(acts)))


def record_yaml(rng, it, kind, ctx):
    f = [("id", it.id), ("kind", kind)]
    add = f.append
    owner = rng.choice(ROLE_KEYS)
    if kind == "risk":
        risk_fields(rng, it, ctx, add, owner)
    elif kind == "person":
        role = rng.choice(ROLE_KEYS)
        ctx["person_role"][it.id] = role
        add(("title", q(person(rng))))
        add(("owner", owner))
        add(("status", "left" if rng.chance(0.1) else "active"))
        add(("clauses", ylist([q("7.2")])))
        add(("role", role))
        add(("department", q(rng.choice(DEPARTMENTS))))
        add(("started", date(rng, 2012, 2024)))
    elif kind == "competence":
        role = rng.choice(ROLE_KEYS)
        ctx["competences_of"].setdefault(role, []).append(it.id)
        add(("title", q("%s for the %s" % (rng.choice(COURSES),
                                            dict(ROLES)[role]))))
        add(("owner", owner))
        add(("status", "retired" if rng.chance(0.1) else "active"))
        add(("clauses", ylist([q("7.2")])))
        add(("role", role))
        add(("level", rng.choice(["awareness", "practitioner", "practitioner", "expert"])))
        add(("mandatory", "true" if rng.chance(0.6) else "false"))
        add(("refresh_months", str(rng.choice([12, 24, 36]))))
    elif kind == "training":
        who = rng.choice(ctx["people"])
        fitting = ctx["competences_of"].get(ctx["person_role"].get(who), [])
        comp = rng.choice(fitting) if fitting else (
            rng.choice(ctx["competences"]) if ctx["competences"] else None)
        course = rng.choice(COURSES)
        planned = rng.chance(0.15)
        add(("title", q(course)))
        add(("owner", owner))
        add(("status", "planned" if planned else "completed"))
        add(("clauses", ylist([q("7.2")])))
        add(("person", who))
        if comp:
            add(("competence", comp))
        add(("type", rng.choice(["course", "certification", "e-learning",
                                 "on-the-job", "briefing"])))
        add(("provider", q(rng.choice(PROVIDERS))))
        if planned:
            add(("planned", date(rng, 2028, 2028)))
        else:
            p = date(rng, 2024, 2025)
            done = date_after(rng, p, 0, 30)
            add(("planned", p))
            add(("completed", done))
            add(("expires", date(rng, 2029, 2030)))
            add(("result", rng.choice(["passed", "passed", "attended"])))
            add(("effectiveness_method", q(rng.choice(EFF_METHODS))))
            add(("effectiveness_on", date_after(rng, done, 60, 100)))
            add(("effectiveness_result", rng.choice(["effective", "effective",
                                                     "partly-effective"])))
            add(("evidence", q("Certificate %s-%d in the learning system"
                               % (RECORD_PREFIX["training"], rng.int(1000, 9999)))))
            add(("policy_acknowledged_on", date_after(rng, done, 0, 5)))
    elif kind == "audit":
        planned = ctx["audit_planned"].get(it.id, False)
        atype = "internal" if ctx["n"] == 1 or rng.chance(0.6) else rng.choice(
            ["external", "certification", "surveillance"])
        ctx["audit_type"][it.id] = atype
        add(("title", q("%s audit %d of %s" % (atype.capitalize(), ctx["n"],
                                               rng.choice(TOPICS).lower()))))
        add(("owner", "internal-auditor"))
        add(("status", "planned" if planned else "completed"))
        add(("clauses", ylist([q("9.2")])))
        d = date(rng, 2028, 2028) if planned else date(rng, 2024, 2025)
        add(("period", q(d[:4])))
        add(("type", atype))
        add(("scope", q("Clauses %s and the processes listed" %
                        ", ".join(rng.sample(CLAUSES_NOT_8, 2)))))
        add(("criteria", q("ISO/IEC 20000-1:2018 and the SMS manual")))
        lead = person(rng)
        add(("lead", q(lead)))
        add(("auditors", ylist([q(lead)] + [q(person(rng)) for _ in range(rng.int(0, 1))])))
        add(("independence_confirmed", "true"))
        add(("auditees", ylist(q(t) for _, t in rng.sample(ROLES, rng.int(2, 3)))))
        add(("planned", d))
        if not planned:
            performed = date_after(rng, d, 0, 14)
            ctx["dates"][it.id] = performed
            add(("performed", performed))
        procs = few(rng, ctx["processes"], rng.int(2, 4))
        ctx["audit_processes"][it.id] = procs
        if procs:
            add(("processes", ylist(procs)))
        if not planned:
            add(("report", q("Audit report AR-%s-%02d" % (d[:4], ctx["n"]))))
    elif kind == "finding":
        cls = rng.choice(["major", "minor", "minor", "observation", "ofi"])
        audit = ctx["finding_audit"][it.id]
        action = ctx["finding_action"].get(it.id)
        clause = rng.choice(CLAUSES)
        ctx["finding_clause"][it.id] = clause
        add(("title", q("%s finding on %s" % (cls.capitalize(), rng.choice(OBJECTS)))))
        add(("owner", owner))
        add(("status", "closed" if action and ctx["action_closed"][action] else "open"))
        add(("clauses", ylist([q(clause)])))
        add(("audit", audit))
        raised = date_after(rng, ctx["dates"].get(audit, "2025-06-01"), 0, 10)
        ctx["dates"][it.id] = raised
        add(("raised", raised))
        add(("clause", q(clause)))
        procs = ctx["audit_processes"].get(audit) or ctx["processes"]
        if procs:
            add(("process", rng.choice(procs)))
        add(("classification", cls))
        add(("statement", q(sentence(rng))))
        add(("evidence", q("Sample of %d items; %s" % (rng.int(5, 40), sentence(rng)))))
        add(("auditor", q(person(rng))))
        if action:
            add(("action", action))
    elif kind == "action":
        closed = ctx["action_closed"][it.id]
        src = ctx["action_source"].get(it.id)
        if src in ctx["audit_of_finding"]:
            atype = ctx["audit_type"].get(ctx["audit_of_finding"][src], "internal")
            stype = "internal-audit" if atype == "internal" else "external-audit"
            clause = ctx["finding_clause"].get(src, "10.1")
        elif src:
            stype, clause = "risk", "6.1"
        else:
            stype = rng.choice(["incident", "complaint", "management-review",
                                "customer", "other"])
            clause = rng.choice(CLAUSES)
        add(("title", q("Action %d on %s" % (ctx["n"], rng.choice(OBJECTS)))))
        add(("owner", owner))
        add(("status", "closed" if closed else rng.choice(["open", "in-progress"])))
        add(("clauses", ylist([q("10.1")])))
        if src:
            add(("source", src))
        add(("source_type", stype))
        raised = date(rng, 2024, 2025)
        if src in ctx["dates"]:
            raised = date_after(rng, ctx["dates"][src], 1, 20)
        add(("raised", raised))
        add(("clause", q(clause)))
        add(("root_cause", q(sentence(rng))))
        add(("root_cause_method", q(rng.choice(ROOT_CAUSE_METHODS))))
        add(("correction", q(sentence(rng))))
        add(("corrective_action", q(sentence(rng))))
        add(("due", date(rng, 2028, 2029)))
        if closed:
            done = date_after(rng, raised, 5, 40)
            checked = date_after(rng, done, 20, 60)
            add(("implemented_on", done))
            add(("effectiveness_by", other_role(rng, owner)))
            add(("effectiveness_on", checked))
            add(("effectiveness_result", "effective"))
            add(("closed_on", date_after(rng, checked, 0, 10)))
    elif kind == "review":
        add(("title", q("Management review %d" % ctx["n"])))
        add(("owner", "ceo"))
        add(("status", "completed"))
        add(("clauses", ylist([q("9.3")])))
        add(("held", past_date(rng)))
        add(("attendees", ylist(q(person(rng)) for _ in range(rng.int(3, 5)))))
        add(("decisions", q(sentence(rng) + " " + sentence(rng))))
    if ctx["related"]:
        add(("related", ylist(ctx["related"])))
    if rng.chance(0.3):
        add(("notes", "|\n    " + sentence(rng) + "\n    " + sentence(rng)))
    lines = []
    for i, (k, v) in enumerate(f):
        lines.append(("- " if i == 0 else "  ") + k + ": " + v)
    return "\n".join(lines)


# --------------------------------------------------------------------------


def smsdoc_yaml(heavy, risks_only):
    kind = ""
    if heavy:
        kind = ", GFM-heavy"
    if risks_only:
        kind = ", risk register"
    lines = [
        "organization: Harbourside IT Services Ltd",
        "title: " + q("Harbourside SMS Manual (synthetic%s)" % kind),
        "scope: >",
        "  The SMS covers the design, transition, delivery and improvement of",
        "  managed hosting, service desk and application support services",
        "  provided from the Harbourside offices to external customers.",
        "folders:",
        "  policies: policies",
        "  processes: processes",
        "  records: records",
        "allow_raw_html: false",
        # A synthetic SMS meets no Stage 1 checklist: leave the check out.
        "readiness: {check: false}",
        "roles:",
    ]
    for key, title in ROLES:
        lines.append("  %s: {title: %s}" % (key, q(title)))
    return "\n".join(lines) + "\n"


def write(outdir, rel, text):
    path = os.path.join(outdir, *rel.split("/"))
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)


# --risks-only: this many policies and processes beside the N risks, and
# risks per file.
RISKS_ONLY_DOCS = 5
RISKS_PER_FILE = 1000


def generate(n, outdir, seed, heavy, risks_only=False):
    rng = Rand(seed)
    width = max(5, len(str(n)))
    if risks_only:
        kinds = {"risk": n}
        docs, procs, records = build_plan(rng, RISKS_ONLY_DOCS, RISKS_ONLY_DOCS,
                                          kinds, width, RISKS_PER_FILE)
    else:
        n_pol, n_prc, n_rec = plan_counts(n)
        docs, procs, records = build_plan(rng, n_pol, n_prc, plan_record_kinds(n_rec),
                                          width, 50)
    md_docs = docs + procs
    rec_items = [r for k in RECORD_KINDS for r in records[k]]
    all_ids = [d.id for d in md_docs] + [r.id for r in rec_items]
    proc_ids = [p.id for p in procs]

    write(outdir, "smsdoc.yaml", smsdoc_yaml(heavy, risks_only))

    # Clauses: hand them out round-robin so every clause is covered once
    # enough documents exist; processes get clause 8 entries.
    cl_cursor = [0, 0]

    def next_clauses(pool, k, slot):
        out = []
        for _ in range(k):
            c = pool[cl_cursor[slot] % len(pool)]
            cl_cursor[slot] += 1
            if c not in out:
                out.append(c)
        return out

    files = {}
    for it in md_docs:
        is_proc = it.cat == "prc"
        if is_proc:
            clauses = next_clauses(CLAUSES_8, rng.int(1, 2), 1)
        else:
            clauses = next_clauses(CLAUSES_NOT_8 + CLAUSES_8, rng.int(1, 3), 0)
        related = few(rng, all_ids, rng.int(0, 2), it.id)
        if is_proc:
            ifs = few(rng, proc_ids, rng.int(1, 3), it.id)
            front = process_front(rng, it, clauses, related, ifs)
        else:
            front = doc_front(rng, it, clauses, related)
        front.append("---")
        front_text = "\n".join(front) + "\n\n"
        target = rng.int(3300, 5700) - len(front_text.encode("utf-8"))
        body = make_body(rng, it, all_ids, md_docs, heavy, max(target, 1500))
        files[it.path] = front_text + body

    # Record cross-links: findings -> audits, actions -> findings or risks,
    # findings -> their first action, risks -> actions, trainings -> people
    # and competences.
    ids = {k: [r.id for r in records[k]] for k in RECORD_KINDS}
    audits, findings, actions, risks = (ids["audit"], ids["finding"], ids["action"],
                                        ids["risk"])
    audit_planned = {}
    for i, a in enumerate(audits):
        # The last audit of a programme with several is still planned.
        audit_planned[a] = len(audits) > 2 and i == len(audits) - 1
    done_audits = [a for a in audits if not audit_planned[a]] or audits
    finding_audit = {f: rng.choice(done_audits) for f in findings}
    action_source = {}
    action_closed = {}
    finding_action = {}
    risk_actions = {}
    for a in actions:
        action_closed[a] = rng.chance(0.4)
        x = rng.random()
        if findings and x < 0.6:
            src = rng.choice(findings)
            finding_action.setdefault(src, a)
        elif risks and x < 0.85:
            src = rng.choice(risks)
            risk_actions.setdefault(src, []).append(a)
        else:
            src = None
        if src:
            action_source[a] = src
    for a in actions:
        # Some actions also treat a risk they were not raised for.
        if risks and action_source.get(a, "") not in risks and rng.chance(0.3):
            risk_actions.setdefault(rng.choice(risks), []).append(a)

    shared = {
        "processes": proc_ids, "risk_actions": risk_actions,
        "audit_planned": audit_planned, "finding_audit": finding_audit,
        "audit_of_finding": finding_audit, "finding_action": finding_action,
        "action_source": action_source, "action_closed": action_closed,
        "people": ids["person"], "competences": ids["competence"],
        "dates": {}, "person_role": {}, "competences_of": {},
        "audit_type": {}, "audit_processes": {}, "finding_clause": {},
    }
    chunks = {}
    n_by_kind = {}
    for it in rec_items:
        n_by_kind[it.cat] = n_by_kind.get(it.cat, 0) + 1
        ctx = dict(shared)
        ctx["n"] = n_by_kind[it.cat]
        ctx["related"] = few(rng, all_ids, rng.int(0, 2), it.id)
        chunks.setdefault(it.path, []).append(record_yaml(rng, it, it.cat, ctx))
    for path in chunks:
        kind = path.split("/")[1]
        header = "# %s records (synthetic, generated by bench/gen_sms.py)\n" % kind
        files[path] = header + "\n".join(chunks[path]) + "\n"

    for rel in sorted(files):
        write(outdir, rel, files[rel])
    return len(md_docs) + len(rec_items), len(docs), len(procs), len(rec_items)


def main(argv):
    ap = argparse.ArgumentParser(
        description="Generate a synthetic, valid smsdoc SMS of N items.")
    ap.add_argument("n", type=int, metavar="N", help="number of items (>= 1)")
    ap.add_argument("outdir", metavar="OUTDIR")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--gfm-heavy", action="store_true",
                    help="much denser GFM syntax on every page")
    ap.add_argument("--risks-only", action="store_true",
                    help="N risk records (%d per file) beside %d policies and %d "
                    "processes: the register benchmark"
                    % (RISKS_PER_FILE, RISKS_ONLY_DOCS, RISKS_ONLY_DOCS))
    ap.add_argument("--force", action="store_true",
                    help="write into OUTDIR even if it is not empty")
    ap.add_argument("-q", "--quiet", action="store_true")
    a = ap.parse_args(argv)
    if a.n < 1:
        ap.error("N must be at least 1")
    if os.path.isdir(a.outdir) and os.listdir(a.outdir) and not a.force:
        ap.error("%s is not empty (use --force to write into it anyway)" % a.outdir)
    os.makedirs(a.outdir, exist_ok=True)
    total, n_pol, n_prc, n_rec = generate(a.n, a.outdir, a.seed, a.gfm_heavy,
                                          a.risks_only)
    if not a.quiet:
        print("gen_sms: %d items (%d documents, %d processes, %d records) in %s"
              % (total, n_pol, n_prc, n_rec, a.outdir), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
