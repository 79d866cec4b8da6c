#!/usr/bin/python3
"""The CI recipes and commit hooks (issue 16), run as CI would run them, on
a git repository of the example SMS (as of 2026-11-21, through
SOURCE_DATE_EPOCH), with the smsdoc under test first on PATH:

- ci/github-actions.yml: the steps in order, as GitHub Actions runs them
  (a step runs when nothing failed before it, `if: failure()` only after a
  failure, `if: always()` always), each `run` with `bash -e`; the install
  step is left out (it needs the network) and the `uses` steps are checked
  for what they upload. On the clean SMS every step but the annotations
  succeeds, the SARIF log and the site are there; with an unknown role in a
  policy the check fails with exit 1, the annotation step prints the error
  as a workflow command at its line, the SARIF log is still written and
  uploaded, and nothing after the check is built.
- ci/gitlab-ci.yml: each job's `before_script` (less the install) and
  `script`: the Code Quality report, and Pages' `public/`.
- .pre-commit-hooks.yaml's entry and ci/pre-commit as a git hook: a commit
  with an error is refused with the diagnostic, a clean one goes through.

usage: ci_test.py SMSDOC_BINARY REPO_ROOT
"""

import json
import os
import shutil
import subprocess
import tempfile
import unittest

import testlib

try:
    import yaml
except ImportError:  # ./dev installs python3-yaml
    yaml = None

AS_OF_EPOCH = "1795219200"  # 2026-11-21 00:00 UTC
BROKEN = ("owner: sms-manager", "owner: sms-manger")


def load(name):
    with open(os.path.join(testlib.REPO, name), encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@unittest.skipUnless(yaml, "python3-yaml not installed")
class CiTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="smsdoc-ci-")
        self.addCleanup(self.tmp.cleanup)
        self.repo = os.path.join(self.tmp.name, "sms")
        testlib.copy_example(self.repo)
        home = os.path.join(self.tmp.name, "home")
        os.makedirs(home)
        self.env = dict(os.environ, HOME=home, SOURCE_DATE_EPOCH=AS_OF_EPOCH,
                        PATH=os.path.dirname(testlib.SMSDOC) + os.pathsep + os.environ["PATH"],
                        GITHUB_WORKSPACE=self.repo, CI_PROJECT_DIR=self.repo,
                        GIT_AUTHOR_NAME="CI", GIT_AUTHOR_EMAIL="ci@example.invalid",
                        GIT_COMMITTER_NAME="CI", GIT_COMMITTER_EMAIL="ci@example.invalid")
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "The example SMS")

    def git(self, *args, check=True):
        return subprocess.run(["git"] + list(args), cwd=self.repo, env=self.env, text=True,
                              capture_output=True, check=check)

    def sh(self, script):
        return subprocess.run(["bash", "-e", "-c", script], cwd=self.repo, env=self.env,
                              text=True, capture_output=True, timeout=120)

    def break_a_policy(self):
        path = os.path.join(self.repo, "policies", "communication.md")
        with open(path, encoding="utf-8") as fh:
            text = fh.read()
        self.assertIn(BROKEN[0], text)
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(text.replace(BROKEN[0], BROKEN[1], 1))

    def run_github_steps(self):
        """(name, outcome) of each step: ok, failed, skipped or uploaded."""
        steps = load("ci/github-actions.yml")["jobs"]["sms"]["steps"]
        self.assertEqual(steps[0]["name"], "Install smsdoc")
        for words in ("SMSDOC_DEB_URL", "apt-get install", "--target smsdoc"):
            self.assertIn(words, steps[0]["run"])
        failed, outcomes, self.outputs = False, [], {}
        for step in steps[1:]:
            condition = step.get("if", "success()")
            runs = {"success()": not failed, "failure()": failed, "always()": True}[condition]
            name = step.get("name", step.get("uses"))
            if not runs:
                outcomes.append((name, "skipped"))
            elif "run" in step:
                result = self.sh(step["run"])
                self.outputs[name] = result
                failed = failed or result.returncode != 0
                outcomes.append((name, "ok" if result.returncode == 0 else
                                 "failed %d" % result.returncode))
            else:
                outcomes.append((name, self.uses(step)))
        return outcomes

    def uses(self, step):
        action, args = step["uses"], step.get("with", {})
        if action.startswith("actions/checkout@"):
            self.assertEqual(args["fetch-depth"], 0)
        elif action.startswith("github/codeql-action/upload-sarif@"):
            with open(os.path.join(self.repo, args["sarif_file"]), encoding="utf-8") as fh:
                self.sarif = json.load(fh)
            self.assertEqual(self.sarif["version"], "2.1.0")
        elif action.startswith("actions/upload-artifact@"):
            self.assertTrue(os.path.isfile(os.path.join(self.repo, args["path"], "index.html")))
        else:
            self.fail("a step no test knows: " + action)
        return "uploaded"

    def test_github_recipe_on_the_clean_sms(self):
        self.assertEqual(self.run_github_steps(), [
            ("actions/checkout@v4", "uploaded"),
            ("Trust the checkout (it belongs to another user in the container)", "ok"),
            ("Check", "ok"),
            ("Annotate the problems on their lines", "skipped"),
            ("Upload the SARIF log to code scanning", "uploaded"),
            ("Build", "ok"),
            ("Gate on the SMS's state", "ok"),
            ("Keep the site", "uploaded")])
        self.assertEqual([r for r in self.sarif["runs"][0]["results"] if r["level"] == "error"],
                         [])

    def test_github_recipe_on_an_error(self):
        self.break_a_policy()
        outcomes = dict(self.run_github_steps())
        self.assertEqual(outcomes["Check"], "failed 1")
        self.assertEqual(outcomes["Annotate the problems on their lines"], "failed 1")
        self.assertEqual(outcomes["Upload the SARIF log to code scanning"], "uploaded")
        self.assertEqual(outcomes["Build"], "skipped")
        self.assertEqual(outcomes["Keep the site"], "skipped")
        annotations = [line for line in
                       self.outputs["Annotate the problems on their lines"].stdout.splitlines()
                       if line.startswith("::error")]
        self.assertEqual(len(annotations), 1)
        self.assertRegex(annotations[0], r"^::error file=policies/communication\.md,line=\d+,"
                         r"col=\d+,title=smsdoc role-unknown::unknown role 'sms-manger'")
        errors = [r["ruleId"] for r in self.sarif["runs"][0]["results"] if r["level"] == "error"]
        self.assertEqual(errors, ["role-unknown"])

    def gitlab_job(self, recipe, name):
        job = recipe[name]
        before = recipe[job["extends"]]["before_script"]
        # apt-get and the install: the network; the rest runs.
        self.assertIn("SMSDOC_DEB_URL", before[1])
        results = [self.sh(line) for line in before[2:] + job["script"]]
        return results, job

    def test_gitlab_recipe(self):
        recipe = load("ci/gitlab-ci.yml")
        self.assertEqual(recipe["variables"]["GIT_DEPTH"], 0)
        results, job = self.gitlab_job(recipe, "smsdoc-check")
        self.assertEqual([r.returncode for r in results], [0] * len(results),
                         [r.stderr for r in results])
        report = job["artifacts"]["reports"]["codequality"]
        self.assertEqual(job["artifacts"]["when"], "always")
        with open(os.path.join(self.repo, report), encoding="utf-8") as fh:
            issues = json.load(fh)
        self.assertTrue(all(i["severity"] == "minor" for i in issues), issues)  # warnings only
        results, job = self.gitlab_job(recipe, "pages")
        self.assertEqual([r.returncode for r in results], [0] * len(results),
                         [r.stderr for r in results])
        self.assertEqual(job["artifacts"]["paths"], ["public"])
        self.assertTrue(os.path.isfile(os.path.join(self.repo, "public", "index.html")))

        self.break_a_policy()
        results, job = self.gitlab_job(recipe, "smsdoc-check")
        self.assertEqual(results[-1].returncode, 1)
        with open(os.path.join(self.repo, report), encoding="utf-8") as fh:
            issues = json.load(fh)
        self.assertEqual([(i["check_name"], i["severity"], i["location"]["path"])
                          for i in issues if i["severity"] == "major"],
                         [("role-unknown", "major", "policies/communication.md")])

    def test_commit_hooks(self):
        (hook,) = load(".pre-commit-hooks.yaml")
        self.assertEqual((hook["id"], hook["language"], hook["pass_filenames"]),
                         ("smsdoc-check", "system", False))
        self.assertEqual(self.sh(hook["entry"]).returncode, 0)
        shutil.copy2(os.path.join(testlib.REPO, "ci", "pre-commit"),
                     os.path.join(self.repo, ".git", "hooks", "pre-commit"))
        self.break_a_policy()
        self.assertEqual(self.sh(hook["entry"]).returncode, 1)
        self.git("add", "-A")
        refused = self.git("commit", "-q", "-m", "A typo", check=False)
        self.assertNotEqual(refused.returncode, 0)
        self.assertIn("error: unknown role 'sms-manger'", refused.stderr)
        self.assertEqual(self.git("rev-list", "--count", "HEAD").stdout.strip(), "1")
        self.git("checkout", "--", ".")
        self.git("reset", "-q", "--hard")
        with open(os.path.join(self.repo, "policies", "communication.md"), "a",
                  encoding="utf-8") as fh:
            fh.write("\nA clean change.\n")
        self.git("commit", "-q", "-am", "A clean change")
        self.assertEqual(self.git("rev-list", "--count", "HEAD").stdout.strip(), "2")


if __name__ == "__main__":
    testlib.main()
