#!/usr/bin/python3
"""guard.labels: every word of the default theme comes from its label tables.

Usage: labels.py ROOT

- No literal words in the default templates: with the Mustache tags, the
  HTML tags and their attributes taken out (the values of aria-label,
  placeholder, title and alt kept: they are read out), no letter may be
  left. Allowed, since they are the same in every language: the text of
  <code> elements (YAML keys such as `accept:`), workbook file names
  (`document-register.xlsx`) and the program's name, smsdoc.
- themes/default/labels/en.yaml and de.yaml have the same keys, no text
  empty, each line `key: "text"` (read here without a YAML library).
- Every key a template names (`l.key`) or C++ asks for (`labels("key")`,
  `labels_("key")`, `.Format("key", ...)`) is in en.yaml.
- Every key of en.yaml is used: by a template, by a script's label object
  (`/* smsdoc: labels */ {"js_of": "of"}`), or as a string literal in
  src/render/ (tables of keys count: the navigation, attention groups and
  state words name their keys in tables and switches).
Fails naming each file and what is wrong.
"""
import json
import pathlib
import re
import sys

LINE = re.compile(r'^([a-z0-9_]+): (".*")$')
TEXT_ATTRIBUTES = ("aria-label", "placeholder", "title", "alt")


def read_table(path):
    """key -> text of a shipped label table; (table, problems)."""
    table, problems = {}, []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line or line.startswith("#"):
            continue
        match = LINE.match(line)
        if not match:
            problems.append(f"{path}:{number}: not a 'key: \"text\"' line")
            continue
        text = json.loads(match.group(2))
        if not text.strip():
            problems.append(f"{path}:{number}: label '{match.group(1)}' is empty")
        if match.group(1) in table:
            problems.append(f"{path}:{number}: label '{match.group(1)}' twice")
        table[match.group(1)] = text
    return table, problems


def words_left(source):
    """The letters a template shows that no tag supplies."""
    text = re.sub(r"\{\{\{.*?\}\}\}|\{\{.*?\}\}", " ", source, flags=re.S)
    text = re.sub(r"<code>[^<]*</code>", " ", text)
    text = re.sub(r"<style>.*?</style>", " ", text, flags=re.S)
    shown = []

    def tag(match):
        for name in TEXT_ATTRIBUTES:
            for value in re.findall(r'\s%s="([^"]*)"' % name, match.group(0)):
                shown.append(value)
        return " "

    text = re.sub(r"<[^>]*>", tag, text)
    text = " ".join([text] + shown)
    text = re.sub(r"[\w-]+\.xlsx", " ", text)
    return [w for w in re.findall(r"[^\W\d_][\w'’-]*", text) if w != "smsdoc"]


def main(root):
    root = pathlib.Path(root)
    theme = root / "themes/default"
    problems = []
    used = set()
    for path in sorted((theme / "templates").rglob("*.mustache")):
        source = path.read_text(encoding="utf-8")
        left = words_left(source)
        if left:
            problems.append(f"{path.relative_to(root)}: literal words {sorted(set(left))[:8]}: "
                            "take them from the labels ({{{l.key}}})")
        used.update(re.findall(r"\bl\.([a-z0-9_]+)", source))

    en, bad = read_table(theme / "labels/en.yaml")
    problems += bad
    de, bad = read_table(theme / "labels/de.yaml")
    problems += bad
    for key in sorted(set(en) - set(de)):
        problems.append(f"themes/default/labels/de.yaml: lacks '{key}'")
    for key in sorted(set(de) - set(en)):
        problems.append(f"themes/default/labels/de.yaml: '{key}' is not in en.yaml")

    literals = set()
    asked = re.compile(r'\blabels_?(?:\(|\.Format\()\s*"([a-z0-9_]+)"')
    for path in sorted((root / "src/render").glob("*.cc")):
        if path.name.endswith("_test.cc"):
            continue
        source = path.read_text(encoding="utf-8")
        for key in asked.findall(source):
            if key not in en:
                problems.append(f"{path.relative_to(root)}: asks for label '{key}', "
                                "which en.yaml lacks")
        literals.update(re.findall(r'"([a-z0-9_]+)"', source))
    # The scripts name their keys in the object smsdoc fills in
    # (render/script_labels.h).
    for path in sorted((theme / "assets").glob("*.js")):
        objects = re.findall(r"/\* smsdoc: labels \*/ \{([^}]*)\}", path.read_text(encoding="utf-8"))
        for key in re.findall(r'"([a-z0-9_]+)":', " ".join(objects)):
            if key not in en:
                problems.append(f"{path.relative_to(root)}: names label '{key}', "
                                "which en.yaml lacks")
            literals.add(key)
    for key in sorted(used - set(en)):
        problems.append(f"templates: name label '{key}', which en.yaml lacks")
    for key in sorted(set(en) - used - literals):
        problems.append(f"themes/default/labels/en.yaml: '{key}' is used nowhere")

    for p in problems:
        print(p)
    if problems:
        print(f"guard.labels: {len(problems)} problem(s)")
        return 1
    print(f"guard.labels: {len(en)} labels, templates free of literal words")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
