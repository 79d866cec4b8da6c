#!/usr/bin/python3
"""Evidence integrity (docs/evidence.md): MANIFEST.sha256 in every build,
`smsdoc verify` on a folder and on a zip, `smsdoc pack`, and the Stage 1
page, on a copy of the example SMS with --as-of 2026-11-21.

usage: evidence_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import hashlib
import html
import os
import re
import subprocess
import tempfile
import time
import unittest
import zipfile

import testlib

AS_OF = ["--as-of", "2026-11-21"]
MANIFEST = "MANIFEST.sha256"
LINE_RE = re.compile(r"^([0-9a-f]{64})  (.+)$")
ROW_RE = re.compile(r'<tr><td><a href="([^"]+)">([^<]+)</a></td>(.*?)</tr>')
CELL_RE = re.compile(r"<td[^>]*>(.*?)</td>")
TAG_RE = re.compile(r"<[^>]+>")


def sha256(data):
    return hashlib.sha256(data).hexdigest()


def read(path, mode="r"):
    with open(path, mode, **({} if "b" in mode else {"encoding": "utf-8"})) as fh:
        return fh.read()


def files_under(folder):
    """Every file of the site under folder, '/'-separated and relative,
    sorted: all but the build cache, which is not evidence (it is checked
    to be there, and nowhere in the manifest or a pack)."""
    out = []
    for dirpath, _, filenames in os.walk(folder):
        for f in filenames:
            out.append(os.path.relpath(os.path.join(dirpath, f), folder).replace(os.sep, "/"))
    if os.path.isdir(folder):
        assert testlib.CACHE in out, "no build cache in %s" % folder
        out.remove(testlib.CACHE)
    return sorted(out)


def parse_manifest(text):
    """(header lines, {path: hash}, paths in file order)."""
    header, listed, order = [], {}, []
    for line in text.splitlines():
        if line.startswith("#"):
            header.append(line)
            continue
        m = LINE_RE.match(line)
        assert m, "not a manifest line: %r" % line
        listed[m.group(2)] = m.group(1)
        order.append(m.group(2))
    return header, listed, order


def smsdoc_version():
    return re.search(r"^smsdoc (\S+)$", testlib.run(["--version"]).stdout, re.M).group(1)


def front_matter_field(path, key):
    m = re.search(r"^%s:\s*\"?([^\"\n]*)\"?\s*$" % key,
                  read(path).split("\n---\n", 1)[0], re.M)
    return m.group(1) if m else None


class EvidenceTest(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-evidence-")
        self.tmp = self._tmp.name
        self.root = os.path.join(self.tmp, "sms")
        testlib.copy_example(self.root)

    def tearDown(self):
        self._tmp.cleanup()

    def build(self, name, *extra):
        out = os.path.join(self.tmp, name)
        result = testlib.run(["build", "--root", self.root, "--out", out] + AS_OF + list(extra))
        self.assertEqual(result.returncode, 0, result.stderr)
        return out

    def verify(self, target):
        return testlib.run(["verify", target])

    # --- the manifest ------------------------------------------------------

    def test_manifest_lists_every_file_with_its_hash(self):
        site = self.build("one", "-j", "1")
        text = read(os.path.join(site, MANIFEST))
        header, listed, order = parse_manifest(text)
        self.assertIn("# smsdoc-version: " + smsdoc_version(), header)
        self.assertIn("# as-of: 2026-11-21", header)
        self.assertIn("# source-revision: none (not in git)", header)
        # Sorted by path; every file but the manifest, with its hash, and no other.
        self.assertEqual(order, sorted(order))
        on_disk = [p for p in files_under(site) if p != MANIFEST]
        self.assertEqual(order, on_disk)
        for path in on_disk:
            self.assertEqual(listed[path], sha256(read(os.path.join(site, path), "rb")), path)
        for expected in (".smsdoc-output", "index.html", "stage-1.html", "assets/style.css",
                         "registers/document-register.xlsx"):
            self.assertIn(expected, listed)
        # coreutils agrees.
        check = subprocess.run(["sha256sum", "--strict", "--quiet", "-c", MANIFEST], cwd=site,
                               capture_output=True, text=True)
        self.assertEqual(check.returncode, 0, check.stdout + check.stderr)

    def test_two_builds_give_identical_manifests(self):
        one = self.build("one", "-j", "1")
        time.sleep(1.1)  # a later wall-clock second must not show
        two = self.build("two", "-j", "3")
        self.assertEqual(read(os.path.join(one, MANIFEST), "rb"),
                         read(os.path.join(two, MANIFEST), "rb"))

    # --- verify ------------------------------------------------------------

    def test_verify_a_fresh_build(self):
        site = self.build("site")
        result = self.verify(site)
        self.assertEqual(result.returncode, 0, result.stderr)
        count = len(files_under(site)) - 1
        manifest_hash = sha256(read(os.path.join(site, MANIFEST), "rb"))
        self.assertEqual(result.stderr.splitlines(), [
            "smsdoc: '%s' is intact: MANIFEST.sha256 lists %d files and every one matches "
            "(built by smsdoc %s as of 2026-11-21 from none (not in git); manifest SHA-256 %s)"
            % (site, count, smsdoc_version(), manifest_hash)])
        self.assertEqual(result.stdout, "")

    def test_verify_names_an_altered_a_missing_and_an_extra_file(self):
        site = self.build("site")
        page = os.path.join(site, "policies", "service-management-policy.html")
        data = bytearray(read(page, "rb"))
        data[100] ^= 1  # one bit of one byte
        with open(page, "wb") as fh:
            fh.write(data)
        os.remove(os.path.join(site, "registers", "risk-register.xlsx"))
        with open(os.path.join(site, "assets", "extra.css"), "w") as fh:
            fh.write("body{}")
        result = self.verify(site)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stderr.splitlines(), [
            "assets/extra.css: error: extra: not listed in MANIFEST.sha256 [verify-extra]",
            "policies/service-management-policy.html: error: altered: its SHA-256 is not the "
            "one in MANIFEST.sha256 [verify-altered]",
            "registers/risk-register.xlsx: error: missing: listed in MANIFEST.sha256 but not "
            "found [verify-missing]",
            "smsdoc: '%s' does not match its MANIFEST.sha256: 1 altered, 1 missing, 1 extra"
            % site])

    def test_verify_usage_errors(self):
        site = self.build("site")
        os.remove(os.path.join(site, MANIFEST))
        for target, message in [
                (site, "no MANIFEST.sha256 in '%s' (smsdoc build and pack write one)" % site),
                (os.path.join(self.tmp, "absent"),
                 "cannot verify '%s': it does not exist" % os.path.join(self.tmp, "absent")),
                (os.path.join(site, "index.html"),
                 "cannot verify '%s': it is neither a folder nor a readable zip"
                 % os.path.join(site, "index.html"))]:
            result = self.verify(target)
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertEqual(result.stderr, "smsdoc: error: " + message + "\n")

    # --- pack --------------------------------------------------------------

    def pack(self, *extra):
        return testlib.run(["pack", "--root", self.root] + AS_OF + list(extra))

    def test_pack_holds_the_site_and_is_deterministic(self):
        # A known approval date, to see it on the Stage 1 page.
        policy = os.path.join(self.root, "policies", "service-management-policy.md")
        text = re.sub(r"\napproved_on: .*", "", read(policy), count=1)
        with open(policy, "w", encoding="utf-8") as fh:
            fh.write(text.replace("\nstatus: approved\n",
                                  "\nstatus: approved\napproved_on: 2026-01-10\n", 1))
        result = self.pack()
        self.assertEqual(result.returncode, 0, result.stderr)
        site = os.path.join(self.root, "site")
        default = os.path.join(self.root, "site-2026-11-21.zip")
        lines = result.stderr.splitlines()  # the example's warnings, then three lines
        self.assertRegex(lines[-3], testlib.BUILT_RE)
        self.assertEqual(lines[-2], "packed %d files -> %s" % (len(files_under(site)), default))
        manifest_hash = sha256(read(os.path.join(site, MANIFEST), "rb"))
        self.assertEqual(lines[-1], "manifest SHA-256 %s: send it apart from the zip, to check "
                         "with smsdoc verify --expect" % manifest_hash)
        self.assertEqual(result.stdout, "")

        with zipfile.ZipFile(default) as z:
            names = z.namelist()
            self.assertIsNone(z.testzip())
            self.assertEqual(names, files_under(site))  # sorted, the whole site
            for info in z.infolist():
                self.assertEqual(info.date_time, (2026, 11, 21, 0, 0, 0), info.filename)
                self.assertEqual(z.read(info), read(os.path.join(site, info.filename), "rb"))
            self.assertTrue(z.comment.startswith(b"smsdoc pack"))
            stage1 = z.read("stage-1.html").decode("utf-8")
            readiness = z.read("readiness.html").decode("utf-8")
            self.assertIn("registers/document-register.xlsx", names)
            self.assertIn(MANIFEST, names)
        self.check_stage1(stage1, readiness)

        verified = self.verify(default)
        self.assertEqual(verified.returncode, 0, verified.stderr)
        self.assertIn("is intact: MANIFEST.sha256 lists %d files" % (len(names) - 1),
                      verified.stderr)

        # A second pack, a wall-clock second later, into its own zip and over
        # the first one: the same bytes.
        first = read(default, "rb")
        time.sleep(1.1)
        other = os.path.join(self.tmp, "again.zip")
        self.assertEqual(self.pack("--out", other, "-j", "1").returncode, 0)
        self.assertEqual(read(other, "rb"), first)
        self.assertEqual(self.pack().returncode, 0)
        self.assertEqual(read(default, "rb"), first)
        self.assertEqual(testlib.temp_leftovers(self.root), [])
        self.assertEqual([n for n in os.listdir(self.root) if n.startswith(".smsdoc-pack-")], [])

    def check_stage1(self, page, readiness):
        """Every document of policies/ and every process that readiness
        rests on, each once, linked, with its version from the front matter."""
        rows = {}
        for url, doc_id, cells in ROW_RE.findall(page):
            self.assertNotIn(doc_id, rows)
            rows[doc_id] = (url, [html.unescape(TAG_RE.sub("", c)) for c in CELL_RE.findall(cells)])
        expected = {}
        for folder in ("policies", "processes"):
            for path in glob.glob(os.path.join(self.root, folder, "**", "*.md"), recursive=True):
                expected[front_matter_field(path, "id")] = path
        evidence = set(re.findall(r'<a href="processes/[^"]+">(PRC-[^<]+)</a>', readiness))
        self.assertTrue(evidence)
        wanted = {i for i, p in expected.items()
                  if "/policies/" in p or i in evidence}
        self.assertEqual(set(rows), wanted)
        for doc_id, (url, cells) in rows.items():
            path = expected[doc_id]
            self.assertEqual(url, os.path.relpath(path, self.root)[:-3] + ".html")
            title, _type, version, status, _approver, approved = cells[:6]
            self.assertEqual(version, front_matter_field(path, "version"), doc_id)
            self.assertEqual(status, front_matter_field(path, "status"), doc_id)
            self.assertEqual(approved, front_matter_field(path, "approved_on") or "not recorded")
        self.assertEqual(rows["POL-SM-01"][1][5], "2026-01-10")

    def test_verify_expect_checks_the_manifest_sent_apart(self):
        zip_path = os.path.join(self.tmp, "pack.zip")
        packed = self.pack("--out", zip_path)
        self.assertEqual(packed.returncode, 0, packed.stderr)
        printed = re.search(r"^manifest SHA-256 ([0-9a-f]{64}):", packed.stderr, re.M).group(1)
        with zipfile.ZipFile(zip_path) as z:
            names = z.namelist()
            self.assertEqual(printed, sha256(z.read(MANIFEST)))
        intact = ("smsdoc: '%s' is intact: MANIFEST.sha256 lists %d files and every one matches "
                  "(built by smsdoc %s as of 2026-11-21 from none (not in git); manifest SHA-256 "
                  "%s, as expected)\n" % (zip_path, len(names) - 1, smsdoc_version(), printed))
        for given in (printed, printed.upper()):
            result = testlib.run(["verify", "--expect", given, zip_path])
            self.assertEqual((result.returncode, result.stderr), (0, intact))

        # Another manifest: both hashes, exit 1, even though the files match it.
        other = "0" * 64
        result = testlib.run(["verify", "--expect", other, zip_path])
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stderr.splitlines(), [
            "smsdoc: '%s': its MANIFEST.sha256 is not the one expected: its SHA-256 is %s, "
            "expected %s" % (zip_path, printed, other),
            "smsdoc: the files match that manifest, but it is not the one you were sent: do not "
            "trust this copy"])

        # Malformed: exit 2 with the reason, before anything is read.
        for given, why in [("abc", "3 characters"), ("", "0 characters"),
                           (printed[:-1] + "g", "'g' at character 64 is not a hex digit"),
                           (printed + "0", "65 characters")]:
            result = testlib.run(["verify", "--expect", given,
                                  os.path.join(self.tmp, "absent.zip")])
            self.assertEqual(result.returncode, 2, result.stderr)
            self.assertEqual(result.stderr,
                             "smsdoc: error: --expect must be the SHA-256 of MANIFEST.sha256, 64 "
                             "hex digits as smsdoc pack prints it; got '%s': %s\n" % (given, why))

    def test_verify_names_a_damaged_zip_entry(self):
        zip_path = os.path.join(self.tmp, "pack.zip")
        self.assertEqual(self.pack("--out", zip_path).returncode, 0)
        data = bytearray(read(zip_path, "rb"))
        with zipfile.ZipFile(zip_path) as z:
            infos = {i.filename: i for i in z.infolist()}
        # documents.html: its deflated data made an invalid block.
        info = infos["documents.html"]
        start = info.header_offset + 30 + len(info.filename.encode("utf-8"))
        data[start:start + 4] = b"\xff\xff\xff\xff"
        # index.html: its CRC-32 changed alike in the local header and the
        # central directory, so only the bytes disagree with it.
        info = infos["index.html"]
        data[info.header_offset + 14] ^= 1
        name = info.filename.encode("utf-8")
        central = data.find(b"PK\x01\x02")
        while data[central + 46:central + 46 + len(name)] != name:
            central = data.find(b"PK\x01\x02", central + 4)
        data[central + 16] ^= 1
        damaged = os.path.join(self.tmp, "damaged.zip")
        with open(damaged, "wb") as fh:
            fh.write(data)
        result = self.verify(damaged)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stderr.splitlines(), [
            "documents.html: error: altered: damaged in the zip: its compressed data cannot be "
            "read [verify-altered]",
            "index.html: error: altered: damaged in the zip: its CRC-32 does not match its bytes "
            "[verify-altered]",
            "smsdoc: '%s' does not match its MANIFEST.sha256: 2 altered, 0 missing, 0 extra"
            % damaged])

        # A damaged manifest leaves nothing to check against.
        data = bytearray(read(zip_path, "rb"))
        info = infos[MANIFEST]
        start = info.header_offset + 30 + len(info.filename.encode("utf-8"))
        data[start:start + 4] = b"\xff\xff\xff\xff"
        with open(damaged, "wb") as fh:
            fh.write(data)
        result = self.verify(damaged)
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertEqual(result.stderr, "smsdoc: error: cannot verify '%s': its MANIFEST.sha256 is "
                         "damaged in the zip: its compressed data cannot be read\n" % damaged)

    def test_verify_catches_changes_inside_a_pack(self):
        zip_path = os.path.join(self.tmp, "pack.zip")
        self.assertEqual(self.pack("--out", zip_path).returncode, 0)
        tampered = os.path.join(self.tmp, "tampered.zip")
        with zipfile.ZipFile(zip_path) as src, zipfile.ZipFile(tampered, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename == "documents.html":
                    continue
                if info.filename == "index.html":
                    data = data.replace(b"<h1>", b"<h1>!", 1)
                dst.writestr(info, data)
            dst.writestr("notes.txt", "added later")
        result = self.verify(tampered)
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertEqual(result.stderr.splitlines(), [
            "documents.html: error: missing: listed in MANIFEST.sha256 but not found "
            "[verify-missing]",
            "index.html: error: altered: its SHA-256 is not the one in MANIFEST.sha256 "
            "[verify-altered]",
            "notes.txt: error: extra: not listed in MANIFEST.sha256 [verify-extra]",
            "smsdoc: '%s' does not match its MANIFEST.sha256: 1 altered, 1 missing, 1 extra"
            % tampered])

    def test_pack_refuses_to_replace_a_foreign_file(self):
        for name, content in [("notes.zip", b"my own notes"),
                              ("other.zip", None)]:
            target = os.path.join(self.tmp, name)
            if content is None:  # a real zip, but not one smsdoc wrote
                with zipfile.ZipFile(target, "w") as z:
                    z.writestr("a.txt", "a")
                    z.comment = b"made by hand"
            else:
                with open(target, "wb") as fh:
                    fh.write(content)
            before = read(target, "rb")
            result = self.pack("--out", target)
            self.assertEqual(result.returncode, 2, result.stderr)
            *warnings, last = result.stderr.splitlines()
            self.assertEqual(last, "smsdoc: error: refusing to write the pack to '%s': the "
                             "file exists and is not a zip that smsdoc pack wrote" % target)
            for line in warnings:
                self.assertRegex(line, testlib.DIAG_RE)
                self.assertIn(": warning: ", line)
            self.assertEqual(read(target, "rb"), before)
            # Refused before the build, so nothing was written.
            self.assertFalse(os.path.exists(os.path.join(self.root, "site")))
        result = self.pack("--out", os.path.join(self.root, "policies", "pack.zip"))
        self.assertEqual(result.returncode, 2, result.stderr)
        self.assertIn("it is in the content folder 'policies'", result.stderr)


GIT_ENV = {"GIT_AUTHOR_NAME": "Alice", "GIT_AUTHOR_EMAIL": "a@example.com",
           "GIT_COMMITTER_NAME": "Alice", "GIT_COMMITTER_EMAIL": "a@example.com",
           "GIT_AUTHOR_DATE": "2026-03-01T10:00:00+0000",
           "GIT_COMMITTER_DATE": "2026-03-01T10:00:00+0000",
           "GIT_CONFIG_GLOBAL": "/dev/null", "GIT_CONFIG_NOSYSTEM": "1"}


class GitEvidenceTest(unittest.TestCase):
    """`smsdoc init`'s starter in git, two commits (the example's size took
    minutes under the sanitizers): smsdoc's own outputs lying in the root
    leave the evidence alone, and `--at` equals a checkout."""

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-evidence-git-")
        self.tmp = self._tmp.name
        self.root = os.path.join(self.tmp, "sms")
        testlib.copy_starter(self.root)
        self.git("init", "-q", "-b", "main")
        self.git("add", "-A")
        self.git("commit", "-q", "-m", "The SMS")
        policy = os.path.join(self.root, "policies", "service-management-policy.md")
        with open(policy, "a", encoding="utf-8") as fh:
            fh.write("\nOne more sentence.\n")
        self.git("commit", "-q", "-a", "-m", "One more sentence")
        self.head = self.git("rev-parse", "HEAD").strip()

    def tearDown(self):
        self._tmp.cleanup()

    def git(self, *args):
        return subprocess.run(["git", "-C", self.root] + list(args), check=True,
                              capture_output=True, text=True,
                              env=dict(os.environ, **GIT_ENV)).stdout

    def revision(self, zip_path):
        with zipfile.ZipFile(zip_path) as z:
            header = [l for l in z.read(MANIFEST).decode("utf-8").splitlines()
                      if l.startswith("# source-revision:")]
        self.assertEqual(len(header), 1)
        return header[0]

    def test_own_outputs_in_the_root_change_no_pack(self):
        zip_path = os.path.join(self.root, "site-2026-11-21.zip")
        pack = lambda: testlib.run(["pack", "--root", self.root] + AS_OF)
        self.assertEqual(pack().returncode, 0)
        first = read(zip_path, "rb")
        clean = "# source-revision: main@" + self.head[:12]
        self.assertEqual(self.revision(zip_path), clean)

        # What CI leaves in the root: the site and the pack (above), logs of
        # `check --format sarif|json`, `diff`'s page, a later build elsewhere,
        # `smsdoc schema`'s schemas/.
        for fmt, name in (("sarif", "smsdoc.sarif"), ("json", "reports/smsdoc.json")):
            log = testlib.run(["check", "--root", self.root, "--format", fmt] + AS_OF)
            os.makedirs(os.path.dirname(os.path.join(self.root, name)), exist_ok=True)
            with open(os.path.join(self.root, name), "w", encoding="utf-8") as fh:
                fh.write(log.stdout)
        schema = testlib.run(["schema", "--root", self.root])
        self.assertEqual(schema.returncode, 0, schema.stderr)
        diff = testlib.run(["diff", "HEAD~1", "HEAD", "--root", self.root])
        self.assertEqual(diff.returncode, 0, diff.stderr)
        self.assertTrue(os.path.isfile(os.path.join(self.root, "site-changes", "index.html")))
        built = testlib.run(["build", "--root", self.root, "--out",
                             os.path.join(self.root, "public")] + AS_OF)
        self.assertEqual(built.returncode, 0, built.stderr)

        time.sleep(1.1)
        self.assertEqual(pack().returncode, 0)
        self.assertEqual(self.revision(zip_path), clean)
        self.assertEqual(read(zip_path, "rb"), first)
        self.assertEqual(pack().returncode, 0)
        self.assertEqual(read(zip_path, "rb"), first)

        # Anything else still counts: a file of the user's, a SARIF log
        # smsdoc did not write, one of smsdoc's logs or packs in a content
        # folder (it is published), a zip that is not a pack.
        dirty = clean + " with uncommitted changes"
        sarif = read(os.path.join(self.root, "smsdoc.sarif"), "rb")
        others = {"notes.txt": b"a note\n",
                  "other.sarif": sarif.replace(b'"name": "smsdoc"', b'"name": "linter"'),
                  "policies/log.json": sarif,
                  "policies/old-pack.zip": first,
                  "old.zip": b"PK not a pack"}
        for name, data in others.items():
            with self.subTest(file=name):
                with open(os.path.join(self.root, name), "wb") as fh:
                    fh.write(data)
                try:
                    self.assertEqual(pack().returncode, 0)
                    self.assertEqual(self.revision(zip_path), dirty)
                finally:
                    os.remove(os.path.join(self.root, name))

    def test_build_at_a_revision_equals_a_build_of_its_checkout(self):
        checkout = os.path.join(self.tmp, "checkout")
        self.git("worktree", "add", "-q", "--detach", checkout, "HEAD~1")
        self.git("tag", "later", "HEAD")
        for ref, expected in (("HEAD~1", self.git("rev-parse", "HEAD~1")[:12]),
                              ("later", "later@" + self.head[:12])):
            with self.subTest(ref=ref):
                if ref == "later":
                    subprocess.run(["git", "-C", checkout, "checkout", "-q", "--detach", "later"],
                                   check=True, capture_output=True)
                at_out = os.path.join(self.tmp, "at-" + ref)
                plain_out = os.path.join(self.tmp, "plain-" + ref)
                at = testlib.run(["build", "--root", self.root, "--at", ref, "--out", at_out]
                                 + AS_OF)
                plain = testlib.run(["build", "--root", checkout, "--out", plain_out] + AS_OF)
                self.assertEqual(at.returncode, 0, at.stderr)
                self.assertEqual(plain.returncode, 0, plain.stderr)
                self.assertEqual(testlib.snapshot(at_out),
                                 testlib.snapshot(plain_out, evidence_only=True))
                self.assertIn("# source-revision: %s\n" % expected,
                              read(os.path.join(at_out, MANIFEST)))


if __name__ == "__main__":
    testlib.main()
