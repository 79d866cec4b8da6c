#!/usr/bin/python3
"""`smsdoc schema` and the schemas it writes: they validate the example SMS
(every policy's and process's front matter, every records file, smsdoc.yaml)
and, for fixtures with errors, call a file invalid exactly when smsdoc
reports an error in it. Also `document_fields:` and `unknown_fields:`: a
declared field shown on the page, a wrong type at file:line:col, unknown
keys as error, warning or kept (escaped on the page), with the schemas
agreeing; and the command's refusals.

Needs Debian's python3-jsonschema and python3-yaml; without them the test
is skipped (exit 77) with a message.

usage: schema_test.py SMSDOC_BINARY REPO_ROOT
"""

import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
    import yaml
except ImportError as e:
    print("schema_test: skipped: %s (apt-get install python3-jsonschema python3-yaml)" % e)
    sys.exit(77)

import testlib

AS_OF = ["--as-of", "2026-11-21"]
# Fixtures whose errors a one-file schema can see (types, enums, required
# and unknown fields, ID and date shapes, roles, clauses, kinds).
FIXTURES = ["bool-invalid", "clause-2011", "clause-unknown", "config-key", "custom-kind",
            "date-format", "enum-case", "field-computed", "field-missing", "field-type",
            "field-unknown", "id-format", "kind-unknown", "number-range", "role-unknown",
            "yaml-scalar-for-list"]


class Yaml12Loader(yaml.SafeLoader):
    """YAML as an editor's yaml-language-server reads it (YAML 1.2 core
    schema): dates stay strings, only true/false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def load_yaml(text):
    return yaml.load(text, Loader=Yaml12Loader)


def front_matter(path):
    """The front matter of a Markdown file, parsed."""
    with open(path, encoding="utf-8-sig") as fh:
        text = fh.read().replace("\r\n", "\n")
    match = re.match(r"---\n(.*?)\n(?:---|\.\.\.)\n", text, re.S)
    return load_yaml(match.group(1)) if match else None


def write_schemas(root, out=None):
    args = ["schema", "--root", root] + (["--out", out] if out else [])
    result = testlib.run(args)
    return result


def validators(folder):
    found = {}
    for name in ("document", "process", "records", "smsdoc"):
        with open(os.path.join(folder, name + ".schema.json"), encoding="utf-8") as fh:
            schema = json.load(fh)
        jsonschema.Draft202012Validator.check_schema(schema)
        found[name] = jsonschema.Draft202012Validator(schema)
    return found


def content_files(root):
    """(path relative to root, schema name, parsed value) of each file."""
    files = [("smsdoc.yaml", "smsdoc")]
    for folder, name, pattern in (("policies", "document", "**/*.md"),
                                  ("processes", "process", "**/*.md"),
                                  ("records", "records", "**/*.yaml")):
        for path in sorted(glob.glob(os.path.join(root, folder, pattern), recursive=True)):
            files.append((os.path.relpath(path, root), name))
    out = []
    for rel, name in files:
        full = os.path.join(root, rel)
        if rel.endswith(".md"):
            value = front_matter(full)
        else:
            with open(full, encoding="utf-8-sig") as fh:
                value = load_yaml(fh.read())
        out.append((rel, name, value))
    return out


def schema_errors(validator, value):
    return sorted(e.message for e in validator.iter_errors(value))


def smsdoc_error_files(root):
    """The files smsdoc check reports an error in."""
    result = testlib.run(["check", "--root", root, "--format", "json"] + AS_OF)
    report = json.loads(result.stdout)
    return {d["file"] for d in report["diagnostics"] if d["severity"] == "error"}


class SchemaTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="smsdoc-schema-")

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_example_validates_and_output_is_stable(self):
        root = os.path.join(self.tmp, "sms")
        testlib.copy_example(root)
        result = write_schemas(root)
        self.assertEqual(result.returncode, 0, result.stderr)
        names = ["document", "process", "records", "smsdoc"]
        self.assertEqual(result.stdout.splitlines(),
                         [os.path.join(root, "schemas", n + ".schema.json") for n in names])
        first = testlib.snapshot(os.path.join(root, "schemas"))
        self.assertEqual(write_schemas(root).returncode, 0)
        self.assertEqual(testlib.snapshot(os.path.join(root, "schemas")), first)
        checked = validators(os.path.join(root, "schemas"))
        files = content_files(root)
        self.assertGreater(len(files), 40)
        for rel, name, value in files:
            with self.subTest(file=rel):
                self.assertEqual(schema_errors(checked[name], value), [])
        # The SMS's own roles and kinds are enums, its IDs examples.
        with open(os.path.join(root, "schemas", "records.schema.json")) as fh:
            records = json.load(fh)
        owner = records["$defs"]["kind-risk"]["properties"]["owner"]
        self.assertIn("service-desk-lead", owner["enum"])
        people = sorted(r["id"] for rel, name, value in files if name == "records"
                        for r in (value if isinstance(value, list) else [value])
                        if r and r.get("kind") == "person")
        person = records["$defs"]["kind-training"]["properties"]["person"]
        self.assertEqual(person["examples"], people[:12])

    def test_starter_set_validates(self):
        root = os.path.join(self.tmp, "starter")
        made = subprocess.run([testlib.SMSDOC, "init", "--ci", "none", root],
                              stdin=subprocess.DEVNULL, capture_output=True, text=True)
        self.assertEqual(made.returncode, 0, made.stderr)
        self.assertEqual(write_schemas(root).returncode, 0)
        checked = validators(os.path.join(root, "schemas"))
        files = content_files(root)
        self.assertGreater(len(files), 30)
        for rel, name, value in files:
            with self.subTest(file=rel):
                self.assertEqual(schema_errors(checked[name], value), [])

    def test_fixtures_valid_exactly_where_smsdoc_finds_no_error(self):
        example = os.path.join(self.tmp, "example")
        testlib.copy_example(example)
        self.assertEqual(write_schemas(example).returncode, 0)
        config_validator = validators(os.path.join(example, "schemas"))["smsdoc"]
        for fixture in FIXTURES:
            with self.subTest(fixture=fixture):
                root = os.path.join(self.tmp, fixture)
                shutil.copytree(os.path.join(os.path.dirname(__file__), "fixtures", fixture),
                                root)
                errors = smsdoc_error_files(root)
                self.assertTrue(errors or fixture == "custom-kind", fixture)
                out = os.path.join(self.tmp, fixture + "-schemas")
                made = write_schemas(root, out)
                if "smsdoc.yaml" in errors:  # broken settings: no schema of them
                    self.assertEqual(made.returncode, 1, made.stderr)
                    checked = {"smsdoc": config_validator}
                else:
                    self.assertEqual(made.returncode, 0, made.stderr)
                    checked = validators(out)
                for rel, name, value in content_files(root):
                    if name not in checked:
                        continue
                    invalid = schema_errors(checked[name], value)
                    self.assertEqual(bool(invalid), rel in errors,
                                     "%s %s: schema says %s" % (fixture, rel, invalid))

    def test_document_fields_and_unknown_fields(self):
        root = os.path.join(self.tmp, "sms")
        testlib.copy_example(root)
        with open(os.path.join(root, "smsdoc.yaml"), "a") as fh:
            fh.write("document_fields:\n"
                     "  updated: {type: date, label: Last updated}\n"
                     "  satisfies: {type: refs, kind: process}\n")
        policy = os.path.join(root, "policies", "communication.md")
        with open(policy) as fh:
            original = fh.read()

        def run_with(mode, extra):
            with open(os.path.join(root, "smsdoc.yaml")) as fh:
                config = re.sub(r"\nunknown_fields: \w+\n", "\n", fh.read())
            with open(os.path.join(root, "smsdoc.yaml"), "w") as fh:
                fh.write(config + ("unknown_fields: %s\n" % mode if mode else ""))
            with open(policy, "w") as fh:
                fh.write(original.replace("---\n", "---\n" + extra, 1))
            shutil.rmtree(os.path.join(root, "schemas"), ignore_errors=True)
            self.assertEqual(write_schemas(root).returncode, 0)
            valid = not schema_errors(validators(os.path.join(root, "schemas"))["document"],
                                      front_matter(policy))
            return testlib.run(["build", "--root", root] + AS_OF), valid

        def page():
            with open(os.path.join(root, "site", "policies", "communication.html")) as fh:
                return fh.read()

        built, valid = run_with(None, "updated: 2026-03-01\nsatisfies: [PRC-INC]\n")
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertTrue(valid)
        self.assertRegex(page(), r'<th>Last updated</th><td class="t-date" '
                                 r'data-field="updated">2026-03-01</td>')
        self.assertRegex(page(), r'data-field="satisfies"><a href="[^"]+">PRC-INC</a>')

        built, valid = run_with(None, "updated: soon\n")
        self.assertEqual(built.returncode, 1)
        self.assertFalse(valid)
        self.assertIn("policies/communication.md:2:10: error: 'updated' must be a date "
                      "YYYY-MM-DD, got 'soon' [field-date]", built.stderr)

        built, valid = run_with(None, "lang: en\n")
        self.assertEqual(built.returncode, 1)
        self.assertFalse(valid)
        self.assertIn("policies/communication.md:2:1: error: unknown field 'lang' "
                      "[field-unknown]", built.stderr)

        built, valid = run_with("warn", "lang: en\n")
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertTrue(valid)
        self.assertIn("policies/communication.md:2:1: warning: unknown field 'lang'; "
                      "declare it under 'document_fields:' in smsdoc.yaml [field-undeclared]",
                      built.stderr)
        self.assertNotIn('data-field="lang"', page())

        built, valid = run_with("keep", "lang: <b>en</b>\nlangs: [en, {de: x}]\n")
        self.assertEqual(built.returncode, 0, built.stderr)
        self.assertTrue(valid)
        self.assertNotIn("field-", built.stderr)
        self.assertIn('<th>lang</th><td class="t-text" data-field="lang">&lt;b&gt;en&lt;/b&gt;'
                      '</td>', page())
        self.assertIn('data-field="langs">en, {de: x}</td>', page())
        with open(os.path.join(root, "site", "assets", "search-index.js")) as fh:
            self.assertIn("en, {de: x}", fh.read())

    def test_refuses_foreign_files_and_content_folders(self):
        root = os.path.join(self.tmp, "sms")
        testlib.copy_example(root)
        os.makedirs(os.path.join(root, "schemas"))
        foreign = os.path.join(root, "schemas", "records.schema.json")
        with open(foreign, "w") as fh:
            fh.write('{"mine": true}\n')
        result = write_schemas(root)
        self.assertEqual(result.returncode, 2)
        self.assertIn("exists and is not a schema smsdoc wrote; nothing written", result.stderr)
        self.assertEqual(os.listdir(os.path.join(root, "schemas")), ["records.schema.json"])
        for out in ("records", "records/x", "site", "."):
            result = write_schemas(root, os.path.join(root, out))
            self.assertEqual(result.returncode, 2, out)
            self.assertIn("a content or output folder", result.stderr)


if __name__ == "__main__":
    testlib.main()
