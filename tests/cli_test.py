#!/usr/bin/python3
"""The command line: --version, help texts, usage errors with "did you mean",
exit codes, `check` writing nothing, refused output folders and a rebuild
replacing the previous site.

usage: cli_test.py SMSDOC_BINARY REPO_ROOT
"""

import csv
import glob
import json
import os
import pty
import re
import subprocess
import tempfile
import unittest

import testlib

CONFIG = """organization: CLI Test Ltd
scope: >
  The SMS covers the managed desktop service.
roles:
  sms-manager: {title: SMS Manager}
  ceo: {title: Chief Executive Officer}
readiness: {check: false}
"""

POLICY = """---
id: %s
title: %s
type: policy
owner: sms-manager
approver: ceo
version: "1.0"
status: approved
effective: 2026-01-15
review_months: 12
---

# %s

Text.
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def small_sms(root, config=CONFIG):
    """Two policies; alpha links to beta, so neither is an orphan."""
    write(os.path.join(root, "smsdoc.yaml"), config)
    write(os.path.join(root, "policies", "alpha.md"),
          POLICY % ("POL-A", "Alpha", "Alpha, see [[POL-B]]."))
    write(os.path.join(root, "policies", "beta.md"), POLICY % ("POL-B", "Beta", "Beta"))


def screen(raw):
    """What a terminal shows for raw output: handles \\r, ESC[K and \\n."""
    shown, line, col = [], [], 0
    for token in re.findall(r"\x1b\[K|\r\n|\r|\n|.", raw, re.S):
        if token == "\x1b[K":
            del line[col:]
        elif token in ("\r\n", "\n"):
            shown.append("".join(line))
            line, col = [], 0
        elif token == "\r":
            col = 0
        else:
            line[col:col + 1] = [token]
            col += 1
    if line:
        shown.append("".join(line))
    return "\n".join(shown) + "\n"


def run_on_terminal(args, cwd=None, env=None):
    """Runs smsdoc with stdout and stderr on a pseudo-terminal (env added to
    the environment); returns (exit code, raw output). Reads while it runs,
    so it cannot block on a full terminal buffer."""
    master, slave = pty.openpty()
    proc = subprocess.Popen([testlib.SMSDOC] + args, cwd=cwd, stdin=subprocess.DEVNULL,
                            stdout=slave, stderr=slave, env=dict(os.environ, **(env or {})))
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child has closed its side
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return proc.wait(timeout=60), b"".join(chunks).decode("utf-8")


def html_files(folder):
    return sorted(os.path.relpath(p, folder)
                  for p in glob.glob(os.path.join(folder, "**", "*.html"), recursive=True))


class CliTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-cli-")
        self.tmp = self._tmp.name

    def tearDown(self):
        self._tmp.cleanup()

    def assertUsageError(self, result, *needles):
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stdout, "")
        for needle in needles:
            self.assertIn(needle, result.stderr)

    # --- version and help ----------------------------------------------

    def test_version(self):
        with open(os.path.join(testlib.REPO, "CMakeLists.txt"), encoding="utf-8") as fh:
            version = re.search(r"project\(smsdoc\s+VERSION\s+([0-9][0-9.]*)", fh.read()).group(1)
        result = testlib.run(["--version"])
        self.assertEqual(result.returncode, 0)
        self.assertEqual(result.stdout.strip(), "smsdoc " + version)

    def check_help(self, args, must_mention, must_not_mention=()):
        result = testlib.run(args)
        self.assertEqual(result.returncode, 0, result.stderr)
        text = result.stdout
        self.assertIn("Usage:", text, args)
        self.assertIn("Examples:", text, "%s shows no examples" % args)
        examples = text.split("Examples:", 1)[1]
        self.assertRegex(examples, r"(?m)^\s+smsdoc \w+", "%s: no example command" % args)
        for word in must_mention:
            self.assertIn(word, text, args)
        for word in must_not_mention:
            self.assertNotIn(word, text, args)

    def test_main_help(self):
        self.check_help(["--help"], ["build", "check", "pack", "verify"])
        self.assertEqual(testlib.run(["-h"]).stdout, testlib.run(["--help"]).stdout)

    def test_build_help(self):
        self.check_help(["build", "--help"], ["--root", "--out", "--jobs", "-j", "--theme",
                                              "--no-cache", "--live-dates", "smsdoc build"])

    def test_check_help(self):
        self.check_help(["check", "--help"], ["--root", "--jobs", "--output", "github",
                                              "gitlab", "smsdoc check"],
                        must_not_mention=["--out ", "--no-cache"])

    def test_serve_help(self):
        self.check_help(["serve", "--help"], ["--root", "--out", "--theme", "--port", "--as-of",
                                              "--jobs", "127.0.0.1", "smsdoc serve"],
                        must_not_mention=["--at", "--no-cache"])
        self.assertIn("smsdoc serve", testlib.run(["--help"]).stdout)

    def test_import_help(self):
        self.check_help(["import", "--help"], ["DIR", "--map", "--into", "--root", "--force",
                                               "import-report.md", "smsdoc import"],
                        must_not_mention=["--jobs", "--as-of"])
        self.assertIn("smsdoc import", testlib.run(["--help"]).stdout)

    def test_pack_and_verify_help(self):
        self.check_help(["pack", "--help"], ["--root", "--out", "--as-of", "--jobs", "--theme",
                                             "--strict", "--no-cache", "smsdoc pack"])
        self.check_help(["verify", "--help"], ["DIR", "MANIFEST.sha256", "smsdoc verify"],
                        must_not_mention=["--root"])

    # --- usage errors --------------------------------------------------

    def test_unknown_command_suggests(self):
        self.assertUsageError(testlib.run(["biuld"], cwd=self.tmp), "did you mean 'build'")
        self.assertUsageError(testlib.run(["chekc"], cwd=self.tmp), "did you mean 'check'")
        self.assertUsageError(testlib.run(["verfy"], cwd=self.tmp), "did you mean 'verify'")
        self.assertEqual(os.listdir(self.tmp), [])

    def test_unknown_option_suggests(self):
        small_sms(self.tmp)
        before = testlib.snapshot(self.tmp)
        self.assertUsageError(testlib.run(["build", "--rot", "x"], cwd=self.tmp),
                              "did you mean '--root'")
        self.assertUsageError(testlib.run(["check", "--jbos", "2"], cwd=self.tmp),
                              "did you mean '--jobs'")
        self.assertEqual(testlib.snapshot(self.tmp), before, "a usage error wrote files")

    def test_no_command(self):
        self.assertUsageError(testlib.run([], cwd=self.tmp))

    def test_bad_jobs(self):
        small_sms(self.tmp)
        self.assertUsageError(testlib.run(["build", "--jobs", "0"], cwd=self.tmp))
        self.assertUsageError(testlib.run(["build", "-j", "many"], cwd=self.tmp))
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "site")))
        ok = testlib.run(["build", "-j", "2"], cwd=self.tmp)
        self.assertEqual(ok.returncode, 0, ok.stderr)

    def test_bad_dates_are_refused_with_the_reason(self):
        small_sms(self.tmp)
        for as_of, reason in (("", "got '' (leave the option out for today)"),
                              ("2026-02-30", "got '2026-02-30' (2026-02 has 28 days)"),
                              ("21/11/2026", "got '21/11/2026' (did you mean '2026-11-21'?)")):
            for command in ("build", "status"):
                self.assertUsageError(testlib.run([command, "--as-of", as_of], cwd=self.tmp),
                                      "--as-of must be a date YYYY-MM-DD, " + reason)
        # SOURCE_DATE_EPOCH is validated like --as-of, never a silent 1970-01-01.
        for epoch in ("tomorrow", "-5", "1.7e9", "253402300800", "99999999999999999999"):
            result = testlib.run(["build"], cwd=self.tmp, env={"SOURCE_DATE_EPOCH": epoch})
            self.assertUsageError(result, "SOURCE_DATE_EPOCH must be seconds since 1970-01-01",
                                  "got '%s'" % epoch)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "site")))
        ok = testlib.run(["status", "--format", "json"], cwd=self.tmp,
                         env={"SOURCE_DATE_EPOCH": "253402300799"})
        self.assertIn('"as_of": "9999-12-31"', ok.stdout)

    def test_missing_config(self):
        for command in ("build", "check"):
            result = testlib.run([command], cwd=self.tmp)
            self.assertUsageError(result, "smsdoc.yaml")
            self.assertEqual(os.listdir(self.tmp), [], command + " wrote files")
        missing = os.path.join(self.tmp, "nowhere")
        self.assertUsageError(testlib.run(["build", "--root", missing]))
        self.assertFalse(os.path.exists(missing))

    @unittest.skipUnless(os.geteuid() == 0, "runs smsdoc as another user, which needs root")
    def test_unreadable_root_says_why(self):
        root = os.path.join(self.tmp, "sms")
        os.mkdir(root)
        os.chmod(self.tmp, 0o755)
        os.chmod(root, 0o700)  # root's own: user 65534 cannot look inside
        result = testlib.run(["check", "--root", root], unprivileged=True)
        self.assertEqual(result.stderr, "smsdoc: error: cannot read '%s/smsdoc.yaml': Permission "
                         "denied; give smsdoc read access to the SMS folder\n" % root)
        self.assertEqual(result.returncode, 2)

    def test_terminal_output_ends_as_piped_output(self):
        # On a terminal smsdoc shows a self-erasing progress line; once it has
        # erased itself the screen must read exactly like the piped stderr.
        fixture = os.path.join(self.tmp, "broken")
        testlib.copy_sms(os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                      "fixtures", "several-errors"), fixture,
                         ignore=("expected.txt", "exit_code"))
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        # --no-cache: the terminal build repeats the piped one in full.
        for args in (["build", "--root", fixture], ["check", "--root", fixture],
                     ["check", "--root", root], ["build", "--no-cache", "--root", root]):
            piped = testlib.run(args)
            code, raw = run_on_terminal(args)
            self.assertEqual(code, piped.returncode, args)
            normalize = lambda s: re.sub(r"in \d+\.\d\d s", "in X.XX s", s)
            self.assertEqual(normalize(screen(raw)), normalize(piped.stderr), args)

    def test_a_long_build_shows_progress_on_a_terminal_unless_quiet(self):
        # Slowed down past the one second a build runs before the line shows.
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        slow = {"SMSDOC_TEST_WRITE_DELAY_MS": "40"}
        code, raw = run_on_terminal(["build", "--root", root, "-j", "1"], env=slow)
        self.assertEqual(code, 0, raw)
        counts = [int(n) for n in re.findall(r"smsdoc: rendering and writing \((\d+)\)\.\.\.", raw)]
        self.assertTrue(counts, "no progress line: %r" % raw)
        self.assertEqual(counts, sorted(counts), "the count went backwards")
        self.assertRegex(screen(raw), r"^built \d+ pages in \d+\.\d\d s -> .*/\n$")
        code, raw = run_on_terminal(["build", "--root", root, "-j", "1", "--quiet"], env=slow)
        self.assertEqual((code, raw), (0, ""))

    def test_quiet_prints_only_problems(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        for args in (["build", "--quiet"], ["check", "-q"], ["pack", "-q"]):
            result = testlib.run(args + ["--root", root])
            self.assertEqual(result.returncode, 0, result.stderr)
            if args[0] == "pack":  # the manifest's hash is the result, not a summary
                self.assertRegex(result.stderr, r"^manifest SHA-256 [0-9a-f]{64}\b[^\n]*\n$")
            else:
                self.assertEqual(result.stderr, "", args)
        broken = os.path.join(self.tmp, "broken")
        testlib.copy_sms(os.path.join(os.path.dirname(os.path.abspath(__file__)), "fixtures",
                                      "ref-unknown"), broken, ignore=("expected.txt", "exit_code"))
        result = testlib.run(["build", "-q", "--root", broken])
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr.splitlines()[-1], "smsdoc: 1 error, 0 warnings; nothing written")

    # --- check ---------------------------------------------------------

    def test_check_writes_nothing(self):
        root = os.path.join(self.tmp, "sms")
        testlib.copy_example(root)
        before = testlib.snapshot(root)
        result = testlib.run(["check"], cwd=root)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertEqual(result.stdout, "")
        # As of today, the example's dated items may be late, its KPIs
        # (measured up to 2026-10) lack later periods and its rules may be
        # broken: those warnings only.
        err = [l for l in result.stderr.splitlines()
               if not re.search(r"\[(overdue|expired|review-overdue|measurement-missing|"
                                r"rule-breach)\]$", l)]
        self.assertEqual(len(err), 1, result.stderr)
        m = testlib.CHECKED_RE.match(err[0])
        self.assertIsNotNone(m, err[0])
        documents = len(glob.glob(os.path.join(root, "policies", "**", "*.md"), recursive=True)) + \
            len(glob.glob(os.path.join(root, "processes", "**", "*.md"), recursive=True))
        records = 0
        for path in glob.glob(os.path.join(root, "records", "**", "*.yaml"), recursive=True):
            with open(path, encoding="utf-8") as fh:
                records += len(re.findall(r"(?m)^(?:- )?id:", fh.read()))
        # The ITSM exports `imports:` names: a record a row.
        with open(os.path.join(root, "smsdoc.yaml"), encoding="utf-8") as fh:
            globs = re.findall(r"files: ([^,}\s]+)", fh.read())
        for pattern in globs:
            for path in glob.glob(os.path.join(root, pattern), recursive=True):
                with open(path, encoding="utf-8", newline="") as fh:
                    if path.endswith(".json"):  # Jira's search result: an issue a record
                        records += len(json.load(fh)["issues"])
                    else:
                        records += len(list(csv.reader(fh))) - 1
        self.assertEqual((int(m.group(1)), int(m.group(2))), (documents, records), err[0])
        late = len(result.stderr.splitlines()) - len(err)
        self.assertEqual((m.group(3), m.group(4)), ("0", str(late)))
        self.assertEqual(testlib.snapshot(root), before, "check wrote files")
        self.assertEqual(testlib.temp_leftovers(self.tmp), [])

    # --- output folder -------------------------------------------------

    def assertRefused(self, root, out_args, cwd=None, watched=None):
        watched = watched or root
        before = testlib.snapshot(watched)
        parent = os.path.dirname(os.path.abspath(os.path.join(cwd or "", out_args[-1])))
        # The parent may be the system's temporary folder, where other builds work.
        leftovers = set(testlib.temp_leftovers(parent))
        result = testlib.run(["build", "--root", root] + out_args, cwd=cwd)
        self.assertUsageError(result)
        self.assertRegex(result.stderr.splitlines()[-1], r"^smsdoc: error: ")
        self.assertEqual(testlib.snapshot(watched), before,
                         "a refused build changed %s" % watched)
        self.assertEqual(set(testlib.temp_leftovers(parent)) - leftovers, set())
        return result

    def test_out_is_the_root(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        self.assertRefused(".", ["--out", "."], cwd=root, watched=root)
        self.assertRefused(root, ["--out", root], watched=root)
        self.assertRefused(root, ["--out", root + "/"], watched=root)
        self.assertRefused(root, ["--out", os.path.join(root, "policies", "..")], watched=root)

    def test_out_contains_the_root(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        self.assertRefused(root, ["--out", self.tmp], watched=self.tmp)
        self.assertRefused(".", ["--out", ".."], cwd=root, watched=self.tmp)

    def test_out_is_the_file_system_root(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        result = self.assertRefused(root, ["--out", "/"])
        self.assertIn("refusing to write the site to '/', the file system's root", result.stderr)

    def test_out_is_the_home_folder(self):
        # Refused even when empty, which any other folder may be.
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        home = os.path.join(self.tmp, "home")
        os.makedirs(home)
        for out in (home, home + "/", os.path.join(home, "x", "..")):
            result = testlib.run(["build", "--root", root, "--out", out], env={"HOME": home})
            self.assertUsageError(result, "the home folder")
            self.assertEqual(os.listdir(home), [])
            self.assertEqual(testlib.temp_leftovers(self.tmp), [])

    def test_out_inside_a_content_folder(self):
        # The site would be copied into itself as assets on every build.
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        result = self.assertRefused(root, ["--out", os.path.join(root, "policies", "site")],
                                    watched=root)
        self.assertIn("overlaps the content folder 'policies'", result.stderr)

    def test_out_in_a_missing_folder(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        result = self.assertRefused(root, ["--out", os.path.join(self.tmp, "no", "such", "site")],
                                    watched=self.tmp)
        self.assertIn("does not exist", result.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "no")))

    def test_symlink_out_of_the_root_is_refused(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        victim = os.path.join(self.tmp, "elsewhere", "o.md")
        write(victim, "---\nid: X\n---\n")
        write(os.path.join(self.tmp, "elsewhere", "o.html"), "IMPORTANT USER DATA\n")
        os.symlink(victim, os.path.join(root, "policies", "o.md"))
        os.symlink(os.path.dirname(victim), os.path.join(root, "policies", "outside"))
        before = testlib.snapshot(os.path.join(self.tmp, "elsewhere"))
        result = testlib.run(["build", "--root", root])
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertIn("policies/o.md: error: a symbolic link to a file outside the SMS root; "
                      "refused [path-outside]", result.stderr)
        self.assertIn("policies/outside: error: a symbolic link to a folder outside the SMS "
                      "root; refused [path-outside]", result.stderr)
        self.assertEqual(testlib.snapshot(os.path.join(self.tmp, "elsewhere")), before)

    def test_out_not_written_by_smsdoc(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        keep = os.path.join(self.tmp, "keep")
        write(os.path.join(keep, "thesis.txt"), "my only copy\n")
        write(os.path.join(keep, "sub", "data.csv"), "1,2\n")
        result = self.assertRefused(root, ["--out", keep], watched=self.tmp)
        self.assertIn(".smsdoc-output", result.stderr)
        # a plain file is no output folder either
        self.assertRefused(root, ["--out", os.path.join(keep, "thesis.txt")], watched=self.tmp)

    def test_empty_out_folder_is_accepted(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        out = os.path.join(self.tmp, "empty")
        os.makedirs(out)
        result = testlib.run(["build", "--root", root, "--out", out])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(out, ".smsdoc-output")))
        self.assertIn("index.html", os.listdir(out))

    def test_default_output_folder(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        result = testlib.run(["build"], cwd=root)
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertRegex(result.stderr, r"^built \d+ pages in \d+\.\d\d s -> site/\n$")
        self.assertTrue(os.path.isfile(os.path.join(root, "site", ".smsdoc-output")))

        other = os.path.join(self.tmp, "sms2")
        small_sms(other, CONFIG + "output: manual\n")
        result = testlib.run(["build", "--root", other])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(other, "manual", "index.html")))
        self.assertFalse(os.path.exists(os.path.join(other, "site")))

    def test_rebuild_replaces_previous_site(self):
        root = os.path.join(self.tmp, "sms")
        small_sms(root)
        site = os.path.join(root, "site")
        first = testlib.run(["build"], cwd=root)
        self.assertEqual(first.returncode, 0, first.stderr)
        self.assertEqual(first.stdout, "")
        pages = html_files(site)
        self.assertIn(os.path.join("policies", "alpha.html"), pages)
        self.assertIn(os.path.join("policies", "beta.html"), pages)
        self.assertEqual(int(testlib.BUILT_RE.match(first.stderr.strip()).group(1)), len(pages))
        with open(os.path.join(site, "documents.html"), encoding="utf-8") as fh:
            self.assertIn("POL-B", fh.read())
        write(os.path.join(site, "stray.txt"), "left by someone\n")

        os.remove(os.path.join(root, "policies", "beta.md"))
        write(os.path.join(root, "policies", "alpha.md"), POLICY % ("POL-A", "Alpha", "Alpha"))
        second = testlib.run(["build"], cwd=root)
        self.assertEqual(second.returncode, 0, second.stderr)
        pages2 = html_files(site)
        self.assertNotIn(os.path.join("policies", "beta.html"), pages2)
        self.assertIn(os.path.join("policies", "alpha.html"), pages2)
        self.assertEqual(len(pages2), len(pages) - 1)
        # alone now, alpha is an orphan: a warning, and the build goes on
        self.assertIn("[orphan]", second.stderr)
        last = second.stderr.strip().splitlines()[-1]
        self.assertEqual(int(testlib.BUILT_RE.match(last).group(1)), len(pages2))
        self.assertFalse(os.path.exists(os.path.join(site, "stray.txt")),
                         "the previous site was not replaced whole")
        self.assertTrue(os.path.isfile(os.path.join(site, ".smsdoc-output")))
        with open(os.path.join(site, "documents.html"), encoding="utf-8") as fh:
            self.assertNotIn("POL-B", fh.read())
        self.assertEqual(testlib.temp_leftovers(root), [])


if __name__ == "__main__":
    testlib.main()
