#!/usr/bin/python3
"""`smsdoc init` and `smsdoc new`: a new SMS that checks and builds clean,
the starter set's files and text, --minimal, --force, flags and prompts,
and new items with the next free ID that keep the SMS clean.

usage: init_test.py SMSDOC_BINARY REPO_ROOT
"""

import os
import pty
import re
import subprocess
import tempfile
import unittest

import testlib

POLICIES = ["change-management-policy", "documented-information-control",
            "information-security-policy", "risk-management-approach",
            "roles-and-responsibilities", "scope-statement", "service-continuity-plan",
            "service-management-objectives", "service-management-plan",
            "service-management-policy"]
PROCESSES = ["asset-management", "availability-management", "budgeting-and-accounting",
             "business-relationship-management", "capacity-management", "change-management",
             "configuration-management", "demand-management", "incident-management",
             "information-security-management", "problem-management",
             "release-and-deployment", "service-catalogue-management",
             "service-continuity-management", "service-design-and-transition",
             "service-level-management", "service-request-management", "supplier-management"]
RECORDS = ["actions", "audits", "competences", "customers", "findings", "people", "reviews",
           "risks", "services", "slas", "supplier-reviews", "suppliers", "trainings"]
STARTER = sorted(["smsdoc.yaml", ".gitignore", ".github/workflows/smsdoc.yml"]
                 + ["policies/%s.md" % p for p in POLICIES]
                 + ["processes/%s.md" % p for p in PROCESSES]
                 + ["records/%s.yaml" % r for r in RECORDS])
# The Stage 1 items only records can meet: missing in a new SMS, ignored.
RECORD_ITEMS = ("service-level-agreements, supplier-agreements, competence-records, "
                "internal-audit, management-review, corrective-actions")


def files_under(folder):
    out = []
    for dirpath, _, names in os.walk(folder):
        out += [os.path.relpath(os.path.join(dirpath, n), folder) for n in names]
    return sorted(p for p in out if not p.startswith(".git" + os.sep))


def read(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class InitTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-init-")
        self.tmp = self._tmp.name
        self.sms = os.path.join(self.tmp, "sms")

    def tearDown(self):
        self._tmp.cleanup()

    def init(self, *args, cwd=None):
        # Piped stdin (not a terminal): no questions, the defaults.
        return subprocess.run([testlib.SMSDOC, "init"] + list(args), cwd=cwd or self.tmp,
                              stdin=subprocess.DEVNULL, capture_output=True, text=True,
                              timeout=60)

    def assert_clean(self, root, ignored=None):
        """`check` and `build` exit 0 with no error and no warning."""
        check = testlib.run(["check", "--root", root])
        self.assertEqual(check.returncode, 0, check.stderr)
        lines = check.stderr.splitlines()
        self.assertEqual([l for l in lines if testlib.DIAG_RE.match(l)], [], check.stderr)
        m = testlib.CHECKED_RE.match(lines[-1])
        self.assertTrue(m, check.stderr)
        self.assertEqual(m.group(3, 4), ("0", "0"), check.stderr)
        if ignored is not None:
            self.assertEqual(m.group(5), str(ignored), check.stderr)
        build = testlib.run(["build", "--root", root, "--out", os.path.join(root, "site")])
        self.assertEqual(build.returncode, 0, build.stderr)
        self.assertEqual([l for l in build.stderr.splitlines() if testlib.DIAG_RE.match(l)], [])
        self.assertIn("(0 errors, 0 warnings", build.stderr)

    # --- init ---------------------------------------------------------------

    def test_help_lists_the_commands_with_examples(self):
        top = testlib.run(["--help"]).stdout
        self.assertRegex(top, r"(?m)^  init +Start a new SMS")
        self.assertRegex(top, r"(?m)^  new +Write a new draft")
        for cmd, option in [("init", "--minimal"), ("new", "--root")]:
            r = testlib.run([cmd, "--help"])
            self.assertEqual(r.returncode, 0)
            self.assertIn(option, r.stdout)
            self.assertIn("Examples:\n  smsdoc %s " % cmd, r.stdout)

    def test_defaults_write_the_starter_set_which_builds_clean(self):
        r = self.init("sms")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("wrote %d files in sms" % len(STARTER), r.stdout)
        self.assertEqual(files_under(self.sms), STARTER)
        self.assert_clean(self.sms, ignored=6)
        index = read(os.path.join(self.sms, "site", "index.html"))
        self.assertIn("Example Ltd", index)
        self.assertIn("SMS Manager", index)
        status = testlib.run(["status", "--root", self.sms])
        self.assertEqual(status.returncode, 0, status.stderr)
        self.assertIn("28 (28 draft)", status.stdout)
        self.assertRegex(status.stdout, r"Readiness missing\s+6: " + RECORD_ITEMS)
        # Guidance stays in the sources, never on the pages.
        page = read(os.path.join(self.sms, "site", "policies", "service-management-policy.html"))
        self.assertNotIn("Guidance", page)
        self.assertIn("Guidance", read(os.path.join(self.sms, "policies",
                                                    "service-management-policy.md")))

    def test_starter_text_holds_nothing_it_should_not(self):
        self.assertEqual(self.init("sms").returncode, 0)
        for rel in STARTER:
            text = read(os.path.join(self.sms, rel))
            self.assertNotRegex(text, r"@[A-Z]+@", rel)  # a placeholder left
            self.assertNotIn("Harbourside", text, rel)  # the example SMS leaking in
            self.assertNotIn("TODO", text, rel)
            # Normative wording would mean text copied from the standard.
            self.assertNotRegex(text, r"\bshall\b", rel)
            if rel.endswith(".md"):
                body = text.split("\n---\n", 1)[1]
                self.assertNotIn("[[", re.sub(r"^[^<].*$", "", body, flags=re.M), rel)
        ignore = read(os.path.join(self.sms, ".gitignore"))
        for line in ["/site/", "/site-*.zip", "*.sarif"]:
            self.assertIn(line, ignore.splitlines())
        # The recipe of smsdoc's own ci/ (tested there by e2e.ci), as it is.
        self.assertEqual(read(os.path.join(self.sms, ".github", "workflows", "smsdoc.yml")),
                         read(os.path.join(testlib.REPO, "ci", "github-actions.yml")))

    def test_record_examples_are_valid_records(self):
        self.assertEqual(self.init("sms").returncode, 0)
        for name in RECORDS:
            path = os.path.join(self.sms, "records", name + ".yaml")
            lines, example = [], False
            for line in read(path).splitlines():
                example = example or line.startswith("# - id:")
                if line == "[]":
                    continue
                lines.append(line[2:] if example and line.startswith("#") else line)
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines) + "\n")
        check = testlib.run(["check", "--root", self.sms, "--as-of", "2026-03-01"])
        self.assertEqual(check.returncode, 0, check.stderr)
        self.assertRegex(check.stderr, r"checked 28 documents and 13 records: 0 errors, 0 warnings")

    def test_minimal_writes_smsdoc_yaml_and_one_policy(self):
        r = self.init("--minimal", "sms")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(files_under(self.sms),
                         ["policies/service-management-policy.md", "smsdoc.yaml"])
        self.assert_clean(self.sms)

    def test_ci_choice(self):
        self.assertEqual(self.init("--ci", "gitlab", "a").returncode, 0)
        self.assertEqual(read(os.path.join(self.tmp, "a", ".gitlab-ci.yml")),
                         read(os.path.join(testlib.REPO, "ci", "gitlab-ci.yml")))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "a", ".github")))
        self.assertEqual(self.init("--ci", "none", "b").returncode, 0)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "b", ".github")))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "b", ".gitlab-ci.yml")))

    def test_a_folder_that_is_not_empty_is_refused_and_force_never_overwrites(self):
        os.makedirs(os.path.join(self.sms, ".git"))
        mine = os.path.join(self.sms, "smsdoc.yaml")
        with open(mine, "wb") as f:
            f.write(b"organization: Mine\n")
        before = files_under(self.sms)
        r = self.init("sms")
        self.assertEqual(r.returncode, 2)
        self.assertIn("smsdoc: error: 'sms' is not empty", r.stderr)
        self.assertIn("--force", r.stderr)
        self.assertEqual(files_under(self.sms), before)
        r = self.init("--force", "sms")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("kept sms/smsdoc.yaml (it exists)", r.stdout)
        self.assertEqual(files_under(self.sms), STARTER)
        with open(mine, "rb") as f:
            self.assertEqual(f.read(), b"organization: Mine\n")
        # Only .git: empty enough (git init comes first for many).
        os.makedirs(os.path.join(self.tmp, "g", ".git"))
        self.assertEqual(self.init("g").returncode, 0)

    def test_flags_set_organisation_scope_and_roles(self):
        org = 'Acme & Co: "Q" #1'
        r = self.init("--organization", org, "--scope", "Acme's hosting service.",
                      "--role", "ceo=Chief Executive", "--role", "qa=Quality Lead", "sms")
        self.assertEqual(r.returncode, 0, r.stderr)
        config = read(os.path.join(self.sms, "smsdoc.yaml"))
        self.assertIn("owner: ceo\n  approver: qa\n", config)
        self.assert_clean(self.sms)
        index = read(os.path.join(self.sms, "site", "index.html"))
        self.assertIn("Acme &amp; Co: &quot;Q&quot; #1", index)
        self.assertIn("Acme&apos;s hosting service.", index)
        self.assertIn("Chief Executive", index)
        page = read(os.path.join(self.sms, "site", "policies", "service-management-policy.html"))
        self.assertIn("Quality Lead", page)
        bad = self.init("--role", "Bad Key=X", "c")
        self.assertEqual(bad.returncode, 2)
        self.assertIn("the key must be lower-case letters", bad.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "c")))

    def test_prompts_on_a_terminal(self):
        master, slave = pty.openpty()
        proc = subprocess.Popen([testlib.SMSDOC, "init", "--scope", "Given.", "sms"],
                                cwd=self.tmp, stdin=slave, stdout=slave, stderr=slave)
        os.close(slave)
        seen = b""
        for answer in [b"Pty Org\n", b"Bad Key=x\n", b"boss=The Boss, lead=Team Lead\n"]:
            while not seen.rstrip().endswith(b"]:"):
                seen += os.read(master, 4096)
            os.write(master, answer)
            seen += os.read(master, 4096)  # the echo
        try:
            while os.read(master, 4096):
                pass
        except OSError:
            pass
        os.close(master)
        self.assertEqual(proc.wait(timeout=30), 0)
        config = read(os.path.join(self.sms, "smsdoc.yaml"))
        self.assertIn('organization: "Pty Org"', config)
        self.assertIn('scope: "Given."', config)  # given: not asked
        self.assertIn('  boss: {title: "The Boss"}\n  lead: {title: "Team Lead"}\n', config)
        self.assertIn("owner: boss\n  approver: lead\n", config)
        self.assertIn(b"the key must be lower-case letters", seen)
        self.assertNotIn(b"Scope", seen)
        self.assert_clean(self.sms)

    # --- new ----------------------------------------------------------------

    def new(self, *args):
        return testlib.run(["new"] + list(args), cwd=self.sms)

    def test_new_items_get_the_next_id_and_keep_the_sms_clean(self):
        self.assertEqual(self.init("sms").returncode, 0)
        with open(os.path.join(self.sms, "smsdoc.yaml"), "a", encoding="utf-8") as f:
            f.write("kinds:\n  contract:\n    title: Contract register\n"
                    "    statuses: [active, exited]\n    columns: [id, title, service, status]\n"
                    "    fields:\n      service: {type: text, required: true}\n")
        expected = [
            (["policy", "Access policy"], "policies/access-policy.md", "POL-04"),
            (["policy", "Access policy"], "policies/access-policy-pol-05.md", "POL-05"),
            (["plan"], "policies/new-plan.md", "PLN-04"),
            (["process", "Complaints"], "processes/complaints.md", "PRC-01"),
            (["risk", "Flood"], "records/risk/RSK-001.yaml", "RSK-001"),
            (["risk", "Fire"], "records/risk/RSK-002.yaml", "RSK-002"),
            (["contract", "Acme"], "records/contract/CON-001.yaml", "CON-001"),
            (["contract", "Globex"], "records/contract/CON-002.yaml", "CON-002"),
        ]
        for args, path, id_ in expected:
            r = self.new(*args)
            self.assertEqual((r.returncode, r.stdout), (0, path + "\n"), r.stderr)
            self.assertRegex(read(os.path.join(self.sms, path)), r"(?m)^id: %s$" % id_)
        self.assert_clean(self.sms)
        # From elsewhere: the path as the user would type it.
        r = testlib.run(["new", "--root", "sms", "action", "Fix it"], cwd=self.tmp)
        self.assertEqual(r.stdout, "sms/records/action/ACT-001.yaml\n", r.stderr)

    def test_new_soa_entries_follow_the_catalogue(self):
        self.assertEqual(self.init("sms").returncode, 0)
        r = self.new("applicability")
        self.assertEqual(r.returncode, 2)
        self.assertIn("no framework of this SMS has controls", r.stderr)
        config = os.path.join(self.sms, "smsdoc.yaml")
        with open(config, "a", encoding="utf-8") as f:
            f.write("frameworks: [iso27001]\n")
        # The first control without an entry, then one named (bare or
        # prefixed); titles are the catalogue's, IDs SOA-NUMBER.
        for args, id_, title in [((), "A.5.1", "Policies for information security"),
                                 (("A.8.1",), "A.8.1", "User end point devices"),
                                 ((), "A.5.2", "Information security roles and responsibilities"),
                                 (("iso27001:A.8.30",), "A.8.30", "Outsourced development")]:
            r = self.new("applicability", *args)
            path = "records/applicability/SOA-%s.yaml" % id_
            self.assertEqual((r.returncode, r.stdout), (0, path + "\n"), r.stderr)
            text = read(os.path.join(self.sms, path))
            self.assertIn('\nid: SOA-%s\nkind: applicability\ntitle: "%s"\nstatus: draft\n'
                          'control: "iso27001:%s"\napplicable: true  # a default: set it\n'
                          "implementation: planned  # a default: set it\n" % (id_, title, id_),
                          text)
            self.assertTrue(text.startswith("# An applicability record"), text)
        r = self.new("applicability", "A.8.1")
        self.assertEqual((r.returncode, r.stderr), (2, "smsdoc: error: iso27001:A.8.1 already has its entry, SOA-A.8.1 "
                                             "(records/applicability/SOA-A.8.1.yaml:3)\n"))
        r = self.new("applicability", "A.5.155")
        self.assertEqual(r.returncode, 2)
        self.assertIn("'A.5.155' is not a control of this SMS's frameworks (did you mean 'A.5.15'?)",
                      r.stderr)
        # The entries themselves check clean: the only problem left is the
        # controls the begun SoA still lacks.
        check = testlib.run(["check", "--root", self.sms])
        problems = [l for l in check.stderr.splitlines() if testlib.DIAG_RE.match(l)]
        self.assertEqual(len(problems), 1, check.stderr)
        self.assertIn("has no entry for 89 controls of ISO/IEC 27001:2022: A.5.3,", problems[0])
        self.assertTrue(problems[0].endswith("[soa-missing]"), problems[0])

    def test_new_refuses_what_it_cannot_write_clean(self):
        self.assertEqual(self.init("sms").returncode, 0)
        r = self.new("polcy", "X")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown type 'polcy' (did you mean 'policy'?)", r.stderr)
        r = self.new("finding", "X")
        self.assertEqual(r.returncode, 2)
        self.assertIn("a finding must name an audit", r.stderr)
        self.assertIn("'smsdoc new audit'", r.stderr)
        self.assertEqual(files_under(self.sms), STARTER)
        r = testlib.run(["new", "policy", "X"], cwd=self.tmp)
        self.assertEqual(r.returncode, 2)
        self.assertIn("run 'smsdoc init'", r.stderr)


if __name__ == "__main__":
    testlib.main()
