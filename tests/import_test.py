#!/usr/bin/python3
"""`smsdoc import`: a generated set of 300 Markdown files in the shapes seen
in real policy sets moves into an SMS with byte-identical bodies, ASCII IDs,
kept titles and a report of what was filled in and dropped; a second run
writes nothing; the SMS then checks clean with the diagnostics: choices of
docs/import.md.

usage: import_test.py SMSDOC_BINARY REPO_ROOT
"""

import hashlib
import json
import os
import re
import tempfile
import unittest

import testlib

CONFIG = """organization: Importers Ltd
scope: The SMS covers the import.
roles:
  sms-manager: {title: SMS Manager}
  ceo: {title: Chief Executive Officer}
defaults:
  owner: sms-manager
  approver: ceo
  type: policy
  review_months: 12
readiness: {check: false}
diagnostics:
  orphan: ignore          # imported documents link to few others
  raw-html-text: ignore   # <details> blocks, shown as text
"""

MAPPING = """id_prefix: POL
fields:
  updated: reviewed_on
  majorRevisions: version
  published_on: effective
values:
  status: {published: approved, wip: draft}
owners:
  Jane Doe: sms-manager
  Hans M\u00fcller: ceo
types:
  en/procedures: procedure
  de/verfahren: procedure
drop: [lang, translated_from]
"""

ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def tree_digest(root):
    h = hashlib.sha256()
    for dirpath, dirnames, names in sorted(os.walk(root)):
        dirnames.sort()
        for n in sorted(names):
            p = os.path.join(dirpath, n)
            h.update(os.path.relpath(p, root).encode() + b"\0")
            with open(p, "rb") as f:
                h.update(f.read())
    return h.hexdigest()


def generate(src):
    """Writes 300 files; returns {relative path: (body, title, invented, dropped)}."""
    expected = {}
    for i in range(300):
        lang = "de" if i % 2 else "en"
        shape = i % 6
        folder = lang + ("/procedures" if lang == "en" else "/verfahren") * (i % 5 == 0)
        name = ["\u00c4nderungsrichtlinie %d" % i, "access control %d" % i, "policy_%03d" % i,
                "M\u00fcller Stra\u00dfe %d" % i, "scope-%d" % i, "Zugang %d" % i][shape]
        rel = "%s/%s.md" % (folder, name)
        title = "%s \u00fcber %d" % (["Richtlinie", "Policy"][i % 2 == 0], i)
        up = "../" * (folder.count("/") + 1)
        body = ("# %s\n\nSee [the other language](%s%s/) and <details><summary>More</summary>\n"
                "Hidden text %d.\n</details>\n\n![logo](%sshared/logo.png)\n"
                % (title, up, "en" if lang == "de" else "de", i, up))
        invented, dropped = {"version", "status"}, {}
        if shape in (0, 1):  # front matter with keys smsdoc does not know
            meta = ("title: \"%s\"\nlang: %s\nsatisfies: [\"8.%d\"]\nupdated: 2024-0%d-15\n"
                    "owner: %s\ntranslated_from: x.md\n"
                    % (title, lang, i % 7, 1 + i % 9, ["Jane Doe", "Hans M\u00fcller"][i % 2]))
            if i % 4 == 0:
                meta += "status: published\npublished_on: 2024-02-01\nmajorRevisions: %d\n" % (i % 3 + 1)
                invented = set()
            text = "---\n" + meta + "---\n" + body
            dropped = {"lang": lang, "satisfies": "[8.%d]" % (i % 7),
                       "translated_from": "x.md"}
        elif shape == 2:  # a leading YAML block without fences
            text = "owner: Jane Doe\nupdated: 2023-12-0%d\nlang: %s\n\n" % (1 + i % 9, lang) + body
            dropped = {"lang": lang}
        elif shape == 3:  # no metadata, the title from the heading
            text = body
        elif shape == 4:  # no metadata and no heading: the title is the file name
            body = "Plain text %d with a [link](../README.md).\n" % i
            text, title = body, name
        else:  # front matter with a status smsdoc maps to a draft
            text = "---\nstatus: wip\nlang: %s\n---\n" % lang + body
            invented = {"version"}
            dropped = {"lang": lang}
        write(os.path.join(src, rel), text)
        expected[rel] = (body, title, invented, dropped)
    for lang in ("en", "de"):  # what GitHub shows for [en/](en/)
        body = "# %s\n\nThe %s documents.\n" % (lang.upper(), lang)
        write(os.path.join(src, lang, "README.md"), body)
        expected[lang + "/README.md"] = (body, lang.upper(), {"version", "status"}, {})
    body = "# Handbook\n\n- [English](en/)\n- [Deutsch](de/)\n"
    write(os.path.join(src, "README.md"), body)
    expected["README.md"] = (body, "Handbook", {"version", "status"}, {})
    write(os.path.join(src, "shared", "logo.png"), b"\x89PNG\r\n\x1a\nfake")
    write(os.path.join(src, "shared", "unused.png"), b"\x89PNG\r\n\x1a\nunused")
    write(os.path.join(src, ".git", "config"), "[core]\n")
    return expected


def read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def front_matter(text):
    """The imported file's fields (one line each) and its body."""
    assert text.startswith("---\n"), text[:40]
    end = text.index("\n---\n", 3)
    fields = {}
    for line in text[4:end].splitlines():
        if line.startswith("#"):
            continue
        key, value = line.split(": ", 1)
        fields[key] = json.loads(value) if value.startswith('"') else value
    return fields, text[end + 5:]


def report_sections(report):
    """{source path: section text} of import-report.md."""
    sections = {}
    for part in report.split("\n### ")[1:]:
        source = re.match(r"`([^`]+)` \u2192 ", part).group(1)
        sections[source] = part
    return sections


class ImportTest(unittest.TestCase):
    maxDiff = None

    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory(prefix="smsdoc-import-")
        self.tmp = self._tmp.name
        self.src = os.path.join(self.tmp, "handbook")
        self.sms = os.path.join(self.tmp, "sms")
        write(os.path.join(self.sms, "smsdoc.yaml"), CONFIG)
        write(os.path.join(self.tmp, "map.yaml"), MAPPING)

    def tearDown(self):
        self._tmp.cleanup()

    def run_import(self, *extra):
        return testlib.run(["import", self.src, "--root", self.sms,
                            "--map", os.path.join(self.tmp, "map.yaml")] + list(extra))

    def test_a_300_document_set_moves_in_and_checks_clean(self):
        expected = generate(self.src)
        r = self.run_import()
        self.assertEqual(r.returncode, 0, r.stderr)
        report_path = os.path.join(self.sms, "import-report.md")
        self.assertEqual(r.stdout, report_path + "\n")
        self.assertRegex(r.stderr, r"imported 303 documents \(278 drafts\) and 1 other file; 400 keys dropped, ")

        policies = os.path.join(self.sms, "policies")
        written = sorted(os.path.relpath(os.path.join(d, n), policies)
                         for d, _, names in os.walk(policies) for n in names)
        self.assertEqual(written, sorted(list(expected) + ["shared/logo.png"]))
        with open(os.path.join(policies, "shared", "logo.png"), "rb") as f:
            self.assertEqual(f.read(), b"\x89PNG\r\n\x1a\nfake")
        with open(report_path, encoding="utf-8") as f:
            sections = report_sections(f.read())
        self.assertEqual(sorted(sections), sorted(expected))

        ids = set()
        for rel, (body, title, invented, dropped) in expected.items():
            with open(os.path.join(policies, rel), encoding="utf-8", newline="") as f:
                fields, imported_body = front_matter(f.read())
            self.assertEqual(imported_body, body, rel)  # byte for byte
            self.assertEqual(fields["title"], title, rel)
            self.assertRegex(fields["id"], ID_RE, rel)
            self.assertNotIn(fields["id"], ids, rel)
            ids.add(fields["id"])
            section = sections[rel]
            for field in invented:
                self.assertRegex(section, r"- field `%s`: `[^`]+`, from invented" % field, rel)
            for key, value in dropped.items():
                self.assertIn("- dropped `%s`: `%s`, " % (key, value), section, rel)
            if "\u00c4nderungsrichtlinie" in rel:
                self.assertRegex(fields["id"], r"^POL-ANDERUNGSRICHTLINIE-\d+$", rel)
            if "/procedures/" in rel or "/verfahren/" in rel:
                self.assertEqual(fields["type"], "procedure", rel)
        # What the mapping says: published with a date is approved, wip a draft.
        fields, _ = front_matter(read(os.path.join(
            policies, "en/procedures/\u00c4nderungsrichtlinie 0.md")))
        self.assertEqual((fields["status"], fields["effective"], fields["version"],
                          fields["owner"], fields["reviewed_on"]),
                         ("approved", "2024-02-01", "1", "sms-manager", "2024-01-15"))
        self.assertIn("- field `status`: `approved`, from 'status' (mapped from 'published')",
                      sections["en/procedures/\u00c4nderungsrichtlinie 0.md"])
        fields, _ = front_matter(read(os.path.join(policies, "en/scope-4.md")))
        self.assertEqual(fields["status"], "draft")
        self.assertIn("- field `owner`: `sms-manager`, from defaults:", sections["en/scope-4.md"])

        # Nothing is overwritten: a second run refuses and leaves all as it was.
        before = tree_digest(self.sms)
        again = self.run_import()
        self.assertEqual(again.returncode, 2)
        self.assertIn("exists; nothing written", again.stderr)
        self.assertEqual(tree_digest(self.sms), before)

        check = testlib.run(["check", "--root", self.sms])
        self.assertEqual(check.returncode, 0, check.stderr)
        m = testlib.CHECKED_RE.match(check.stderr.splitlines()[-1])
        self.assertTrue(m, check.stderr)
        self.assertEqual(m.group(1, 3), ("303", "0"), check.stderr)

    def test_problems_stop_the_import_before_anything_is_written(self):
        write(os.path.join(self.src, "a.md"), "# A\n")
        write(os.path.join(self.tmp, "map.yaml"), "fields: {updated: reviewd_on}\n")
        r = self.run_import()
        self.assertEqual(r.returncode, 2)
        self.assertIn("map.yaml:1:19: error: unknown smsdoc field 'reviewd_on' (did you mean "
                      "'reviewed_on'?) [import-map]", r.stderr)
        self.assertEqual(os.listdir(self.sms), ["smsdoc.yaml"])
        # Without a default approver nothing can be imported.
        write(os.path.join(self.sms, "smsdoc.yaml"), CONFIG.replace("  approver: ceo\n", ""))
        r = testlib.run(["import", self.src, "--root", self.sms])
        self.assertEqual(r.returncode, 2)
        self.assertIn("1 document has no 'approver'", r.stderr)
        self.assertEqual(os.listdir(self.sms), ["smsdoc.yaml"])

    def test_built_in_rules_and_into(self):
        write(os.path.join(self.src, "Zugangsrichtlinie.md"), "---\ntitle: Zugang\nfoo: 1\n---\nB\n")
        r = testlib.run(["import", self.src, "--root", self.sms, "--into", "old"])
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(self.sms, "policies", "old", "Zugangsrichtlinie.md"),
                  encoding="utf-8") as f:
            fields, body = front_matter(f.read())
        self.assertEqual((fields["id"], fields["title"], fields["status"], body),
                         ("DOC-ZUGANGSRICHTLINIE", "Zugang", "draft", "B\n"))
        with open(os.path.join(self.sms, "import-report.md"), encoding="utf-8") as f:
            self.assertIn("- dropped `foo`: `1`, not mapped", f.read())


if __name__ == "__main__":
    testlib.main()
