"""Helpers shared by the end-to-end tests (standard library only).

Every test script takes the smsdoc binary as its first argument and the
repository root as its second, then runs its unittest cases:

    /usr/bin/python3 tests/cli_test.py build/smsdoc .
"""

import hashlib
import os
import re
import shutil
import subprocess
import sys
import unittest

SMSDOC = None  # absolute path of the binary under test
REPO = None  # absolute path of the repository root (the example SMS)

# `built N pages in X.XX s -> OUT/`, optionally followed by the counts when
# there were warnings.
BUILT_RE = re.compile(r"^built (\d+) pages in \d+\.\d\d s -> (.+/)( \(.*\))?$")
CHECKED_RE = re.compile(
    r"^smsdoc: checked (\d+) documents? and (\d+) records?: (\d+) errors?, (\d+) warnings?"
    r"(?:, (\d+) ignored)?$")
# A diagnostic line; the position is left out when there is none (a folder,
# an unreadable file, smsdoc.yaml as a whole).
DIAG_RE = re.compile(r"^(.+?)(?::(\d+):(\d+))?: (error|warning): (.+) \[([a-z0-9-]+)\]$")
TEMP_RE = re.compile(r"^\.smsdoc-(new|old)-")


# The user an unprivileged run becomes when the tests run as root ("nobody"):
# file permissions bind it, and it owns nothing it did not get.
UNPRIVILEGED_UID = 65534


def run(args, cwd=None, timeout=60, env=None, unprivileged=False):
    """Runs smsdoc with args (and env added to the environment); returns the
    CompletedProcess (text mode). unprivileged: as UNPRIVILEGED_UID when
    running as root (the caller hands it the files it needs)."""
    prefix = []
    if unprivileged and os.geteuid() == 0:
        uid = str(UNPRIVILEGED_UID)
        prefix = ["setpriv", "--reuid", uid, "--regid", uid, "--clear-groups"]
    return subprocess.run(prefix + [SMSDOC] + list(args), cwd=cwd, capture_output=True,
                          text=True, timeout=timeout, env=dict(os.environ, **(env or {})))


def give_away(path):
    """Hands path and everything under it to UNPRIVILEGED_UID (root only)."""
    if os.geteuid() != 0:
        return
    for dirpath, dirnames, filenames in os.walk(path):
        os.chown(dirpath, UNPRIVILEGED_UID, UNPRIVILEGED_UID)
        for name in dirnames + filenames:
            os.chown(os.path.join(dirpath, name), UNPRIVILEGED_UID, UNPRIVILEGED_UID,
                     follow_symlinks=False)


# The build cache smsdoc leaves in a site for the next build: not part of
# the site's evidence (docs/PERFORMANCE.md, docs/evidence.md).
CACHE = ".smsdoc-cache"


def snapshot(path, evidence_only=False):
    """Maps every entry under path (dot files and empty folders included) to
    'dir' or the SHA-256 of its bytes; None if path does not exist. With
    evidence_only, the build cache is left out."""
    if not os.path.exists(path):
        return None
    tree = {}
    if evidence_only:
        full = snapshot(path)
        full.pop(CACHE, None)
        return full
    for dirpath, dirnames, filenames in os.walk(path):
        rel_dir = os.path.relpath(dirpath, path)
        for d in dirnames:
            tree[os.path.normpath(os.path.join(rel_dir, d))] = "dir"
        for f in filenames:
            full = os.path.join(dirpath, f)
            with open(full, "rb") as fh:
                digest = hashlib.sha256(fh.read()).hexdigest()
            tree[os.path.normpath(os.path.join(rel_dir, f))] = digest
    return tree


def temp_leftovers(folder):
    """Names in folder that look like smsdoc's swap folders
    (.smsdoc-new-PID / .smsdoc-old-PID)."""
    if not os.path.isdir(folder):
        return []
    return sorted(n for n in os.listdir(folder) if TEMP_RE.match(n))


def copy_sms(src, dest, ignore=()):
    """Copies the folder src to dest, leaving out names matching ignore."""
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns(*ignore))


def copy_example(dest):
    """Copies the repository's example SMS (config and content only) to dest."""
    os.makedirs(dest)
    shutil.copy2(os.path.join(REPO, "smsdoc.yaml"), dest)
    for folder in ("policies", "processes", "records"):
        shutil.copytree(os.path.join(REPO, folder), os.path.join(dest, folder))


def copy_starter(dest):
    """Writes `smsdoc init`'s starter SMS (config and content only, as
    copy_example: no .gitignore or CI file) to dest: a small SMS for tests
    that build many times."""
    init = run(["init", dest])
    assert init.returncode == 0, init.stderr
    os.remove(os.path.join(dest, ".gitignore"))
    shutil.rmtree(os.path.join(dest, ".github"))


def lines(text):
    return text.splitlines()


def main():
    """Reads the binary and repository root from argv, then runs unittest."""
    global SMSDOC, REPO
    if len(sys.argv) < 3:
        sys.exit("usage: %s SMSDOC_BINARY REPO_ROOT [unittest args]" % sys.argv[0])
    SMSDOC = os.path.abspath(sys.argv[1])
    REPO = os.path.abspath(sys.argv[2])
    if not os.access(SMSDOC, os.X_OK):
        sys.exit("not an executable: " + SMSDOC)
    unittest.main(argv=[sys.argv[0]] + sys.argv[3:], verbosity=2)
