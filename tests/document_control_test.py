"""Document control from git: history tables, approvals, review dates,
status, diff, --at and --published-only, on a scripted repository.

The SMS lives in sms/ inside the repository, so paths below the work tree
are exercised too. Every commit has a fixed author and date.
"""

import json
import os
import shutil
import re
import subprocess
import sys
import tempfile
import unittest
from html.parser import HTMLParser

import testlib

CONFIG = """\
organization: Control Test Ltd
scope: The managed desktop service.
roles:
  sms-manager: {title: SMS Manager}
  ceo: {title: Chief Executive Officer}
readiness: {check: false}
"""


def policy(id_, version, body, approved_on=None, status="approved", reviewed_on=None):
    lines = ["---", "id: " + id_, "title: Policy " + id_, "type: policy",
             "owner: sms-manager", "approver: ceo", 'version: "%s"' % version,
             "status: " + status, "effective: 2026-01-10", "review_months: 12"]
    if approved_on:
        lines.append("approved_on: " + approved_on)
    if reviewed_on:
        lines.append("reviewed_on: " + reviewed_on)
    return "\n".join(lines) + "\n---\n\n" + body + "\n"


AUDIT = """\
- id: AUD-1
  kind: audit
  title: Internal audit 1
  status: completed
  period: 2026 H1
  type: internal
  planned: 2026-01-20
  performed: 2026-01-20
"""

ACTION = """\
- id: ACT-1
  kind: action
  title: Fix the thing
  status: {status}
  source_type: internal-audit
  raised: 2026-01-20
"""

FINDING = """\
- id: FND-1
  kind: finding
  title: Something is missing
  status: open
  audit: AUD-1
  raised: 2026-03-15
  clause: "8.1"
  classification: major
"""


class Repo:
    """A git repository in `path` with the SMS in path/sms."""

    def __init__(self, path):
        self.path = path
        self.sms = os.path.join(path, "sms")
        os.makedirs(os.path.join(self.sms, "policies"))
        os.makedirs(os.path.join(self.sms, "records"))
        self.git("init", "-q", "-b", "main")

    def git(self, *args, env=None):
        full_env = dict(os.environ, GIT_CONFIG_GLOBAL="/dev/null", GIT_CONFIG_NOSYSTEM="1")
        full_env.update(env or {})
        return subprocess.run(["git", "-C", self.path] + list(args), check=True,
                              capture_output=True, text=True, env=full_env).stdout.strip()

    def write(self, rel, text):
        with open(os.path.join(self.sms, rel), "w", encoding="utf-8") as fh:
            fh.write(text)

    def commit(self, message, author, date):
        stamp = date + "T10:00:00+0000"
        env = {"GIT_AUTHOR_NAME": author, "GIT_AUTHOR_EMAIL": author.lower() + "@example.com",
               "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_NAME": author,
               "GIT_COMMITTER_EMAIL": author.lower() + "@example.com",
               "GIT_COMMITTER_DATE": stamp}
        self.git("add", "-A")
        self.git("commit", "-q", "-m", message, env=env)
        return self.git("rev-parse", "HEAD")


class Rows(HTMLParser):
    """The rows of the revision-history table and the banners of a page."""

    def __init__(self, html):
        super().__init__()
        self.rows, self.banners, self.unpublished = [], [], []
        self._in_history = self._row = self._cell = None
        self._banner = None
        self._anchor = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "section" and a.get("class") == "history":
            self._in_history = True
        if self._in_history and tag == "tr":
            self._row = []
        if self._row is not None and tag == "td":
            self._cell = ""
        if tag == "code" and self._cell is not None and a.get("title"):
            self._cell += "[" + a["title"] + "]"
        if tag == "p" and "banner" in (a.get("class") or ""):
            self._banner = ""
        if tag == "a" and a.get("class") == "unpublished":
            self._anchor = ""
            self.unpublished.append(a)

    def handle_endtag(self, tag):
        if tag == "section":
            self._in_history = False
        if tag == "td" and self._cell is not None:
            self._row.append(self._cell.strip())
            self._cell = None
        if tag == "tr" and self._row is not None:
            if self._row:
                self.rows.append(self._row)
            self._row = None
        if tag == "p" and self._banner is not None:
            self.banners.append(self._banner.strip())
            self._banner = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell += data
        if self._banner is not None:
            self._banner += data


class DocumentControlTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="smsdoc-control-")
        r = cls.repo = Repo(os.path.join(cls.tmp, "repo"))
        r.write("smsdoc.yaml", CONFIG)
        r.write("policies/a.md", policy("POL-A", "1.0", "A one."))
        r.write("policies/b.md", policy("POL-B", "1.0", "B one.", approved_on="2026-01-05"))
        r.write("policies/c.md", policy("POL-C", "1.0", "C one."))
        r.write("policies/e.md", policy("POL-E", "2.0", "E one.", approved_on="2026-01-10"))
        r.write("records/audits.yaml", AUDIT)
        r.write("records/actions.yaml", ACTION.format(status="open"))
        cls.c1 = r.commit("Add the first policies", "Alice", "2026-01-10")
        # A shared repository: commits outside the SMS folder are no history.
        r.write("../README.md", "The rest of the repository.\n")
        r.commit("Outside the SMS", "Dave", "2026-01-20")
        r.write("policies/a.md", policy("POL-A", "1.1", "A one. A two."))
        cls.c2 = r.commit("Tighten scope\n\nChange: Scope now covers hosting\n"
                          "Approved-by: ceo", "Bob", "2026-02-01")
        r.git("tag", "audit-2026")
        r.git("mv", "sms/policies/c.md", "sms/policies/renamed.md")
        # Commit messages are content too: they must reach pages as text.
        cls.c3 = r.commit("Rename C\n\nChange: Renamed <script>alert(1)</script>", "Alice",
                          "2026-03-01")
        r.write("policies/b.md", policy("POL-B", "1.0", "B one, edited.",
                                        approved_on="2026-01-05"))
        r.write("records/actions.yaml", ACTION.format(status="closed"))
        r.write("records/findings.yaml", FINDING)
        cls.c4 = r.commit("Edit B", "Carol", "2026-03-15")
        r.write("policies/renamed.md", policy("POL-C", "1.1", "C two. See [[POL-D]]."))
        r.write("policies/d.md", policy("POL-D", "0.1", "D draft.", status="draft"))
        r.write("policies/a.md", policy("POL-A", "1.1", "A one. A two.",
                                        reviewed_on="2026-03-20"))
        r.write("policies/e.md", policy("POL-E", "1.9", "E two.", approved_on="2026-04-01"))
        cls.c5 = r.commit("Add D, edit C and E, record A's review", "Bob", "2026-04-01")
        r.git("tag", "audit-2027")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def build(self, *args, out=None):
        out = out or tempfile.mkdtemp(prefix="out-", dir=self.tmp)
        os.rmdir(out)
        result = testlib.run(["build", "--root", self.repo.sms, "--out", out] + list(args))
        return result, out

    def page(self, out, rel):
        with open(os.path.join(out, rel), encoding="utf-8") as fh:
            return Rows(fh.read())

    def warnings(self, stderr, code):
        return [m.group(1, 2, 5) for m in map(testlib.DIAG_RE.match, stderr.splitlines())
                if m and m.group(6) == code]

    # --- history -------------------------------------------------------

    def test_history_table_matches_the_commits(self):
        result, out = self.build("--as-of", "2026-06-01")
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = self.page(out, "policies/a.html").rows
        # Newest first: the review (front matter only), the approved change, the creation.
        self.assertEqual([r[0] for r in rows], ["2026-04-01", "2026-02-01", "2026-01-10"])
        self.assertEqual([r[1] for r in rows], ["1.1", "1.1", "1.0"])
        self.assertEqual([r[2] for r in rows], ["Bob", "Bob", "Alice"])
        self.assertEqual([r[3] for r in rows],
                         ["[%s]%s" % (c, c[:7]) for c in (self.c5, self.c2, self.c1)])
        self.assertIn("front matter only", rows[0][4])
        self.assertTrue(rows[1][4].startswith("Scope now covers hosting"), rows[1])  # Change:
        self.assertEqual(rows[1][5], "Chief Executive Officer")  # Approved-by: ceo
        self.assertTrue(rows[2][4].startswith("Add the first policies"), rows[2])

    def test_a_renamed_file_keeps_its_history(self):
        result, out = self.build("--as-of", "2026-06-01")
        rows = self.page(out, "policies/renamed.html").rows
        self.assertEqual([r[3].split("]")[-1] for r in rows], [self.c5[:7], self.c3[:7], self.c1[:7]])
        self.assertIn("renamed from policies/c.md", rows[1][4])
        self.assertTrue(rows[1][4].startswith("Renamed <script>alert(1)</script>"), rows[1][4])
        with open(os.path.join(out, "policies", "renamed.html"), encoding="utf-8") as fh:
            html = fh.read()
        # The theme's own scripts only (assets/nav.js, assets/smsdoc.js).
        self.assertEqual(re.findall(r"<script[^>]*>", html),
                         ['<script src="../assets/nav.js">', '<script src="../assets/smsdoc.js">'])
        self.assertIn("Renamed &lt;script&gt;alert(1)&lt;/script&gt;", html)

    def test_outside_git_the_page_says_so(self):
        plain = os.path.join(self.tmp, "plain")
        subprocess.run(["cp", "-r", self.repo.sms, plain], check=True)
        out = os.path.join(self.tmp, "plain-out")
        result = testlib.run(["build", "--root", plain, "--out", out, "--as-of", "2026-06-01"])
        self.assertEqual(result.returncode, 0, result.stderr)
        with open(os.path.join(out, "policies", "a.html"), encoding="utf-8") as fh:
            html = fh.read()
        self.assertIn("No revision history: the SMS is not in a git repository.", html)
        self.assertEqual(self.page(out, "policies/a.html").rows, [])

    # --- approvals and versions ------------------------------------------

    def test_an_edit_after_approval_is_flagged(self):
        result, out = self.build("--as-of", "2026-06-01")
        flagged = self.warnings(result.stderr, "changed-after-approval")
        # POL-B was approved on 2026-01-05 (front matter) and edited in c4;
        # POL-A's later commit changed front matter only; POL-E was re-approved.
        self.assertEqual(flagged, [("sms/policies/b.md".replace("sms/", ""), "7",
                                    "'POL-B': changed after approval on 2026-01-05: %s "
                                    "(2026-03-15) (raise 'version' and record a new approval)"
                                    % self.c4[:7])])
        banners = self.page(out, "policies/b.html").banners
        self.assertTrue(any("Changed after its approval on 2026-01-05" in b for b in banners),
                        banners)
        self.assertFalse(any("Changed after" in b for b in self.page(out, "policies/a.html").banners))

    def test_the_document_register_shows_the_change_after_approval(self):
        result, out = self.build("--as-of", "2026-06-01")
        script = """
import openpyxl, sys, json
ws = openpyxl.load_workbook(sys.argv[1])["Documents"]
head = [c.value for c in ws[1]]
print(json.dumps({r[0]: {h: (v.isoformat()[:10] if hasattr(v, "isoformat") else v)
                         for h, v in zip(head, r)}
                  for r in ws.iter_rows(min_row=2, values_only=True)}))
"""
        rows = json.loads(subprocess.run(
            ["/usr/bin/python3", "-c", script, os.path.join(out, "registers",
                                                            "document-register.xlsx")],
            check=True, capture_output=True, text=True).stdout)
        self.assertEqual(rows["POL-B"]["Changed after approval"], "yes: " + self.c4[:7])
        self.assertIsNone(rows["POL-A"]["Changed after approval"])
        self.assertEqual(rows["POL-A"]["Approved on"], "2026-02-01")  # the trailer's commit
        self.assertEqual(rows["POL-A"]["Approved by"], "Chief Executive Officer")
        self.assertEqual(rows["POL-A"]["Last review"], "2026-03-20")  # reviewed_on
        self.assertEqual(rows["POL-A"]["Next review"], "2027-03-20")

    def test_a_version_that_went_backwards_is_a_warning(self):
        result, _ = self.build("--as-of", "2026-06-01")
        self.assertEqual([(f, m) for f, _, m in self.warnings(result.stderr, "version-order")],
                         [("policies/e.md", "'POL-E': version 1.9 approved on 2026-04-01 is "
                           "lower than version 2.0 approved before it")])

    def test_uncommitted_changes_count_as_changes_after_approval(self):
        path = os.path.join(self.repo.sms, "policies", "a.md")
        with open(path, encoding="utf-8") as fh:
            original = fh.read()
        try:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(original.replace("A two.", "A two, edited."))
            result, out = self.build("--as-of", "2026-06-01")
            rows = self.page(out, "policies/a.html").rows
            self.assertEqual(rows[0][3], "work tree")
            self.assertTrue(any(m.startswith("'POL-A': changed after approval on 2026-02-01: "
                                             "uncommitted changes")
                                for _, _, m in self.warnings(result.stderr,
                                                             "changed-after-approval")),
                            result.stderr)
        finally:
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(original)

    def test_the_revision_label_says_when_the_work_tree_differs(self):
        def revision():
            result = testlib.run(["status", "--root", self.repo.sms, "--format", "json",
                                  "--as-of", "2026-06-01"])
            return json.loads(result.stdout)["revision"]
        self.assertEqual(revision(), "main@" + self.c5[:12])
        extra = os.path.join(self.repo.sms, "policies", "notes.txt")
        with open(extra, "w", encoding="utf-8") as fh:
            fh.write("an untracked file\n")
        try:
            self.assertEqual(revision(), "main@%s with uncommitted changes" % self.c5[:12])
        finally:
            os.remove(extra)

    def test_a_repository_of_another_user_is_an_error_not_no_history(self):
        # libgit2 1.5 refuses it (root too) and calls it "not found": with
        # no history, `status --fail-on changed` used to pass.
        if os.geteuid() != 0:
            self.skipTest("handing the clone to another user needs root")
        clone = os.path.join(self.tmp, "foreign")
        subprocess.run(["git", "clone", "-q", "file://" + self.repo.path, clone],
                       check=True, capture_output=True)
        testlib.give_away(clone)
        home = os.path.join(self.tmp, "foreign-home")
        os.mkdir(home)
        status = lambda: testlib.run(["status", "--root", os.path.join(clone, "sms"),
                                      "--as-of", "2026-06-01", "--fail-on", "changed",
                                      "--format", "json"], env={"HOME": home})
        refused = status()
        self.assertEqual(refused.returncode, 1, refused.stderr)
        self.assertTrue(refused.stderr.rstrip().endswith("fix the errors for a status"))
        [error] = json.loads(refused.stdout)["diagnostics"]
        self.assertEqual((error["file"], error["severity"], error["code"]),
                         ("smsdoc.yaml", "error", "git-unreadable"))
        self.assertTrue(error["message"].startswith(
            "no revision history: the SMS is in a git repository of another user: '%s' is "
            "owned by uid %d" % (clone, testlib.UNPRIVILEGED_UID)), error["message"])
        self.assertIn("git config --global --add safe.directory %s`" % clone, error["message"])
        # Trusted by its path in the global configuration: read as usual.
        with open(os.path.join(home, ".gitconfig"), "w", encoding="utf-8") as fh:
            fh.write("[safe]\n\tdirectory = %s\n" % clone)
        trusted = status()
        self.assertEqual(trusted.returncode, 1, trusted.stderr)
        summary = json.loads(trusted.stdout)
        self.assertEqual(summary["changed_after_approval"], ["POL-B"])
        self.assertEqual(summary["failed"], ["changed"])
        self.assertNotIn("git-unreadable", trusted.stderr)

    def test_a_shallow_clone_warns_and_invents_no_approvals(self):
        clone = os.path.join(self.tmp, "shallow")
        subprocess.run(["git", "clone", "-q", "--depth", "1", "file://" + self.repo.path, clone],
                       check=True, capture_output=True)
        out = os.path.join(self.tmp, "shallow-out")
        result = testlib.run(["build", "--root", os.path.join(clone, "sms"), "--out", out,
                              "--as-of", "2026-06-01"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stderr.count("warning: the repository is a shallow clone"), 1,
                         result.stderr)
        rows = self.page(out, "policies/a.html").rows
        self.assertEqual(len(rows), 1)
        self.assertIn("not in this shallow clone", rows[0][4])
        self.assertEqual(rows[0][5], "")  # the edge commit approves nothing
        # POL-E's approved_on still dates its approval.
        page = open(os.path.join(out, "policies", "e.html"), encoding="utf-8").read()
        self.assertIn("2026-04-01 by Chief Executive Officer", re.sub(r"<[^>]+>", "", page))

    def test_approvals_on_a_merged_branch_count_and_trailer_keys_ignore_case(self):
        r = Repo(os.path.join(self.tmp, "merged"))
        r.write("smsdoc.yaml", CONFIG)
        r.write("policies/x.md", policy("POL-X", "1.0", "X one."))
        r.commit("Add X", "Alice", "2026-01-10")
        r.git("checkout", "-q", "-b", "side")
        r.write("policies/x.md", policy("POL-X", "1.1", "X two."))
        r.commit("Edit X\n\nChange: X covers more\nApproved-BY: ceo", "Bob", "2026-02-01")
        r.git("tag", "reviewed")
        r.git("checkout", "-q", "main")
        r.git("merge", "-q", "--no-ff", "-m", "Merge side", "side",
              env={"GIT_AUTHOR_NAME": "Carol", "GIT_AUTHOR_EMAIL": "c@example.com",
                   "GIT_COMMITTER_NAME": "Carol", "GIT_COMMITTER_EMAIL": "c@example.com",
                   "GIT_AUTHOR_DATE": "2026-02-02T10:00:00+0000",
                   "GIT_COMMITTER_DATE": "2026-02-02T10:00:00+0000"})
        out = os.path.join(self.tmp, "merged-out")
        result = testlib.run(["build", "--root", r.sms, "--out", out, "--as-of", "2026-06-01"])
        self.assertEqual(result.returncode, 0, result.stderr)
        rows = self.page(out, "policies/x.html").rows
        self.assertEqual([(row[2], row[4], row[5]) for row in rows],
                         [("Carol", "X covers more", "Chief Executive Officer"),
                          ("Alice", "Add X", "")])
        # `reviewed` is on the merged branch: only the merge lies after it.
        changes = testlib.run(["diff", "reviewed", "main", "--root", r.sms,
                               "--out", os.path.join(self.tmp, "merged-changes")])
        self.assertEqual(changes.returncode, 0, changes.stderr)
        self.assertTrue(changes.stdout.startswith(
            "Changes from reviewed@%s to main@" % r.git("rev-parse", "reviewed")[:12]))
        self.assertIn(": 1 commit\n", changes.stdout.splitlines(True)[0])

    def test_an_approval_by_someone_else_does_not_count(self):
        r = Repo(os.path.join(self.tmp, "approvals"))
        r.write("smsdoc.yaml", CONFIG.replace(
            "  ceo: {title: Chief Executive Officer}\n",
            "  ceo: {title: Chief Executive Officer}\n  analyst: {title: Service Desk Analyst}\n"))
        r.write("records/people.yaml", "- {id: PER-1, kind: person, title: Dana Moss, "
                "status: active, role: ceo}\n")
        for name in "vwxyz":
            r.write("policies/%s.md" % name, policy("POL-" + name.upper(), "1.0", "One."))
        r.commit("Add the policies\n\nApproved-by: ceo", "Alice", "2026-01-10")
        for name in "vwxyz":
            r.write("policies/%s.md" % name, policy("POL-" + name.upper(), "1.1", "Two."))
        r.git("add", "-A")
        approvals = {"v": "Chief executive officer",  # a role title, any case
                     "w": "PER-1", "x": "Dana Moss",   # a person holding the role
                     "y": "analyst",                    # a role, but not the approver
                     "z": "Dnaa Moss"}                  # no one
        for name, who in approvals.items():
            r.write("policies/%s.md" % name, policy("POL-" + name.upper(), "1.1", "Two."))
            r.git("add", "-A")
            r.git("commit", "-q", "--allow-empty", "-m", "Edit\n\nApproved-by: " + who,
                  "--", "sms/policies/%s.md" % name,
                  env={"GIT_AUTHOR_NAME": "Bob", "GIT_AUTHOR_EMAIL": "b@example.com",
                       "GIT_COMMITTER_NAME": "Bob", "GIT_COMMITTER_EMAIL": "b@example.com",
                       "GIT_AUTHOR_DATE": "2026-02-01T10:00:00+0000",
                       "GIT_COMMITTER_DATE": "2026-02-01T10:00:00+0000"})
        out = os.path.join(self.tmp, "approvals-out")
        result = testlib.run(["build", "--root", r.sms, "--out", out, "--as-of", "2026-06-01"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(self.warnings(result.stderr, "approval-mismatch"), [
            ("policies/y.md", "6", "'POL-Y': Approved-by 'analyst' in %s (2026-02-01) is "
             "Service Desk Analyst, not the approver Chief Executive Officer; the approval "
             "does not count" % r.git("log", "-1", "--format=%h", "--abbrev=7", "--",
                                      "sms/policies/y.md"))])
        unknown = self.warnings(result.stderr, "approval-unknown")
        self.assertEqual(len(unknown), 1, result.stderr)
        self.assertEqual(unknown[0][0], "policies/z.md")
        self.assertIn("names no role or person (did you mean 'Dana Moss'?)", unknown[0][2])
        # Who approved is shown as a title or a name, never a raw key; the
        # approvals that do not count leave the body changed after approval.
        shown = {"v": "Chief Executive Officer", "w": "Dana Moss (Chief Executive Officer)",
                 "x": "Dana Moss (Chief Executive Officer)"}
        def text(rel):  # a page's text, tags removed
            with open(os.path.join(out, rel), encoding="utf-8") as fh:
                return re.sub(r"<[^>]+>", "", fh.read())
        for name in "vwxyz":
            text_of_page = text("policies/%s.html" % name)
            if name in shown:
                self.assertIn("2026-02-01 by " + shown[name], text_of_page, name)
                self.assertNotIn("Changed after its approval", text_of_page, name)
            else:
                self.assertIn("2026-01-10 by Chief Executive Officer", text_of_page, name)
                self.assertIn("Changed after its approval on 2026-01-10", text_of_page, name)
                self.assertIn("Approvals that do not count", text_of_page, name)
        summary = json.loads(testlib.run(["status", "--root", r.sms, "--as-of", "2026-06-01",
                                          "--format", "json"]).stdout)
        self.assertEqual(summary["approval_problems"], ["POL-Y", "POL-Z"])
        self.assertEqual(summary["changed_after_approval"], ["POL-Y", "POL-Z"])
        gate = testlib.run(["status", "--root", r.sms, "--as-of", "2026-06-01",
                            "--fail-on", "approval"])
        self.assertEqual(gate.returncode, 1)
        self.assertIn("Approvals that do not count", text("attention.html"))

    def test_status_json_is_an_object_even_with_errors(self):
        r = Repo(os.path.join(self.tmp, "broken"))
        r.write("smsdoc.yaml", CONFIG)
        r.write("policies/a.md", policy("POL-A", "1.0", "See [[POL-NOPE]]."))
        result = testlib.run(["status", "--root", r.sms, "--format", "json"])
        self.assertEqual(result.returncode, 1)
        summary = json.loads(result.stdout)
        self.assertEqual(summary["errors"], 1)
        self.assertEqual([d["code"] for d in summary["diagnostics"]], ["ref-unknown"])
        self.assertEqual(summary["diagnostics"][0]["file"], "policies/a.md")
        self.assertEqual(summary["reviews_overdue"], [])
        self.assertIn("fix the errors for a status", result.stderr)

    # --- reviews and status ----------------------------------------------

    def test_as_of_moves_a_review_from_current_to_overdue(self):
        # POL-A: reviewed 2026-03-20, every 12 months.
        result, _ = self.build("--as-of", "2027-03-20")
        self.assertNotIn("POL-A", str(self.warnings(result.stderr, "review-overdue")))
        result, out = self.build("--as-of", "2027-03-21")
        self.assertIn(("policies/a.md", "11",
                       "'POL-A': review overdue since 2027-03-20 (last review 2026-03-20, "
                       "every 12 months)"), self.warnings(result.stderr, "review-overdue"))
        with open(os.path.join(out, "attention.html"), encoding="utf-8") as fh:
            attention = fh.read()
        self.assertIn("Document reviews overdue", attention)
        self.assertIn('href="policies/a.html">POL-A</a>', attention)

    def test_status_fail_on_exit_codes(self):
        def status(*args):
            return testlib.run(["status", "--root", self.repo.sms, "--as-of", "2026-06-01"]
                               + list(args))
        self.assertEqual(status().returncode, 0)
        self.assertEqual(status("--fail-on", "overdue").returncode, 0)
        self.assertEqual(status("--fail-on", "changed").returncode, 1)
        self.assertEqual(status("--fail-on", "major-nc").returncode, 1)
        self.assertEqual(status("--fail-on", "minor-nc,missing").returncode, 0)
        self.assertEqual(status("--fail-on", "uncovered").returncode, 1)  # a tiny SMS
        late = testlib.run(["status", "--root", self.repo.sms, "--as-of", "2027-06-01",
                            "--fail-on", "overdue", "--format", "json"])
        self.assertEqual(late.returncode, 1, late.stderr)
        summary = json.loads(late.stdout)
        self.assertEqual(summary["reviews_overdue"], ["POL-A", "POL-B", "POL-C", "POL-E"])
        self.assertEqual(summary["changed_after_approval"], ["POL-B"])
        self.assertEqual(summary["open_findings"], {"major": 1})
        self.assertEqual(summary["documents"], {"approved": 4, "draft": 1})
        self.assertEqual(summary["failed"], ["overdue"])
        wrong = status("--fail-on", "overdu")
        self.assertEqual(wrong.returncode, 2)
        self.assertIn("did you mean 'overdue'?", wrong.stderr)

    # --- diff, --at, published-only ----------------------------------------

    def test_diff_between_two_tags_lists_exactly_the_changes(self):
        out = os.path.join(self.tmp, "changes")
        result = testlib.run(["diff", "audit-2026", "audit-2027", "--root", self.repo.sms,
                              "--out", out])
        self.assertEqual(result.returncode, 0, result.stderr)
        lines = result.stdout.splitlines()
        self.assertEqual(lines[0], "Changes from audit-2026@%s to audit-2027@%s: 3 commits"
                         % (self.c2[:12], self.c5[:12]))
        changed = sorted(l.split()[1] for l in lines if l.startswith("  ~ "))
        self.assertEqual(changed, ["POL-B", "POL-C", "POL-E"])
        self.assertEqual([l.split()[1] for l in lines if l.startswith("  + POL")], ["POL-D"])
        self.assertIn("  ~ POL-E  Policy POL-E  2.0 -> 1.9  (1 commit)", lines)
        self.assertIn("  ~ POL-C  Policy POL-C  1.0 -> 1.1  (2 commits)", lines)
        self.assertIn("Records: 1 added, 1 closed, 0 removed", lines)
        self.assertIn("Findings: 1 opened, 0 closed", lines)
        with open(os.path.join(out, "index.html"), encoding="utf-8") as fh:
            page = fh.read()
        self.assertIn("Documents changed (3)", page)
        self.assertIn(self.c3[:7], page)

    def test_at_builds_an_older_revision_without_touching_the_work_tree(self):
        before = testlib.snapshot(self.repo.path)
        result, out = self.build("--at", "audit-2026", "--as-of", "2026-06-01")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(testlib.snapshot(self.repo.path), before)
        self.assertFalse(os.path.exists(os.path.join(out, "policies", "d.html")))
        self.assertTrue(os.path.exists(os.path.join(out, "policies", "c.html")))
        with open(os.path.join(out, "policies", "b.html"), encoding="utf-8") as fh:
            self.assertIn("B one.", fh.read())
        rows = self.page(out, "policies/a.html").rows
        self.assertEqual([r[3].split("]")[-1] for r in rows], [self.c2[:7], self.c1[:7]])
        bad = testlib.run(["build", "--root", self.repo.sms, "--at", "no-such-tag"])
        self.assertEqual(bad.returncode, 2)
        self.assertIn("unknown revision 'no-such-tag'", bad.stderr)

    def test_published_only_leaves_drafts_out(self):
        result, out = self.build("--published-only", "--as-of", "2026-06-01")
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertFalse(os.path.exists(os.path.join(out, "policies", "d.html")))
        for page in ("index.html", "documents.html"):
            with open(os.path.join(out, page), encoding="utf-8") as fh:
                self.assertNotIn("POL-D", fh.read(), page)
        links = self.page(out, "policies/renamed.html").unpublished
        self.assertEqual(len(links), 1)
        self.assertNotIn("href", links[0])
        # Without the flag the draft is there, marked.
        result, out = self.build("--as-of", "2026-06-01")
        with open(os.path.join(out, "documents.html"), encoding="utf-8") as fh:
            self.assertRegex(fh.read(), r"POL-D</a>.*status-draft")


if __name__ == "__main__":
    testlib.main()
