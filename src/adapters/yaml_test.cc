#include "adapters/yaml.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("YAML nodes keep their file positions, offset by the first line") {
  Diagnostics d;
  YamlNode root = ParseYaml("id: POL-1\nclauses:\n  - \"5.2\"\n", "p.md", 2, d);
  REQUIRE(root.IsMap());
  CHECK(d.items().empty());
  const YamlNode::Entry* id = root.FindEntry("id");
  REQUIRE(id);
  CHECK(id->key_pos.line == 2);
  CHECK(id->key_pos.col == 1);
  CHECK(id->value.pos.col == 5);
  const YamlNode* clauses = root.Find("clauses");
  REQUIRE(clauses);
  REQUIRE(clauses->items.size() == 1);
  CHECK(clauses->items[0].pos.line == 4);
  CHECK(clauses->items[0].pos.col == 5);
}

TEST_CASE("YAML syntax errors and duplicate keys are reported with positions") {
  Diagnostics d;
  YamlNode root = ParseYaml("title: [unclosed\n", "p.md", 2, d);
  CHECK(root.IsNull());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "yaml-syntax");
  CHECK(d.items()[0].pos.line >= 2);

  Diagnostics dup;
  ParseYaml("id: A\ntitle: x\nid: B\n", "p.md", 1, dup);
  REQUIRE(dup.items().size() == 1);
  CHECK(FormatDiagnostic(dup.items()[0]) ==
        "p.md:3:1: error: duplicate key 'id' [yaml-duplicate-key]");
}

TEST_CASE("an alias bomb is refused, not expanded") {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'i'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  Diagnostics d;
  YamlNode root = ParseYaml(bomb, "r.yaml", 1, d);
  CHECK(root.IsNull());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "yaml-too-large");
}

TEST_CASE("what anchors keep for their aliases is bounded too") {
  // Each anchor keeps a copy of its node for its aliases; nested anchors
  // would keep copies of copies. Past the bound (here the second anchor),
  // an anchor keeps only its position and an alias to it is refused.
  std::string doc = "a: &a \"" + std::string(600000, 'x') + "\"\nb: &b \"" +
                    std::string(600000, 'y') + "\"\nc: *b\n";
  Diagnostics d;
  CHECK(ParseYaml(doc, "r.yaml", 1, d).IsNull());
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "yaml-too-large");
  CHECK(d.items()[0].pos.line == 2);
  Diagnostics small;
  CHECK(ParseYaml("a: &x [1, 2]\nb: *x\n", "r.yaml", 1, small).Find("b")->items.size() == 2);
  CHECK(small.items().empty());
}

namespace {
// The one diagnostic ParseYaml reports for `text` (front matter from line 2).
std::string OnlyError(const std::string& text) {
  Diagnostics d;
  CHECK(ParseYaml(text, "p.md", 2, d).IsNull());
  REQUIRE(d.items().size() == 1);
  return FormatDiagnostic(d.items()[0]);
}
}  // namespace

TEST_CASE("syntax errors point at the slip, not where the parser gave up") {
  CHECK(OnlyError("id: A\nclauses:\n\t- \"5.2\"\n") ==
        "p.md:4:1: error: YAML syntax: a tab in the indentation; YAML indents with spaces "
        "only [yaml-syntax]");
  CHECK(OnlyError("title: \"Policy\nstatus: draft\nversion: \"1.0\"\n") ==
        "p.md:2:8: error: YAML syntax: the quote opened here is not closed on its line "
        "[yaml-syntax]");
  CHECK(OnlyError("id: A\nclauses: [\"5.2\", {x: 1}\nstatus: draft\n") ==
        "p.md:3:10: error: YAML syntax: the '[' opened here is never closed with ']' "
        "[yaml-syntax]");
}

TEST_CASE("quotes, brackets and tabs that are valid YAML still parse") {
  Diagnostics d;
  YamlNode root = ParseYaml(
      "title: Bob's [draft] policy # it's\n"
      "note: 'it''s'\n"
      "list: [\n  a, \"b]\",\n  c]\n"
      "text: |\n  \tcode [x\n  \"y\n"
      "tabbed:\t\"z\"\n",
      "p.md", 1, d);
  CHECK(d.items().empty());
  REQUIRE(root.IsMap());
  CHECK(root.Find("list")->items.size() == 3);
  CHECK(root.Find("text")->scalar == "\tcode [x\n\"y\n");
}

TEST_CASE("nesting is bounded before yaml-cpp recurses") {
  CHECK(OnlyError(std::string(10000, '[') + std::string(10000, ']')) ==
        "p.md:2:100: error: YAML nested more than 100 levels deep [yaml-too-deep]");
  std::string block;
  for (int i = 0; i < 150; ++i) block += std::string(i, ' ') + "k:\n";
  CHECK(OnlyError(block) ==
        "p.md:102:101: error: YAML nested more than 100 levels deep "
        "[yaml-too-deep]");
  std::string compact;
  for (int i = 0; i < 150; ++i) compact += "- ";
  CHECK(OnlyError(compact + "x\n").find("[yaml-too-deep]") != std::string::npos);
}

TEST_CASE("an alias inside its own anchor is refused, not followed forever") {
  CHECK(OnlyError("a: &a [x, *a]\n") ==
        "p.md:2:4: error: aliases nest the YAML more than 100 levels deep (an alias inside "
        "its own anchor?) [yaml-too-deep]");
}

TEST_CASE("small aliases are copied, once per use") {
  Diagnostics d;
  YamlNode root =
      ParseYaml("a: &r [x, y]\nb: *r\nc: *r\nd: &s {k: v, k2: w}\ne: *s\n", "p.md", 1, d);
  CHECK(d.items().empty());
  REQUIRE(root.IsMap());
  CHECK(root.Find("c")->items.size() == 2);
  CHECK(root.Find("e")->Find("k2")->scalar == "w");
}

// Found by fuzz/front_matter_fuzz.cc: yaml-cpp 0.7 returns empty documents
// for ever at a ',' where a document should start (jbeder/yaml-cpp#1040).
TEST_CASE("a ',' where a document should start is a syntax error, not a hang") {
  auto only_error = [](const std::string& text) {
    Diagnostics d;
    YamlNode root = ParseYaml(text, "r.yaml", 3, d);
    CHECK(root.IsNull());
    REQUIRE(d.items().size() == 1);
    return FormatDiagnostic(d.items()[0]);
  };
  CHECK(only_error(",") ==
        "r.yaml:3:1: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
  CHECK(only_error("# comment\n,") ==
        "r.yaml:4:1: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
  CHECK(only_error("[a] ,") ==
        "r.yaml:3:5: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
  CHECK(only_error("- a\n, b") ==
        "r.yaml:4:1: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
}

TEST_CASE("a second document is an error at its root; the first is read whole") {
  Diagnostics d;
  CHECK(ParseYaml("a\n---\n- b\n---\nc\n", "r.yaml", 3, d).IsNull());
  REQUIRE(d.items().size() == 1);
  CHECK(FormatDiagnostic(d.items()[0]) ==
        "r.yaml:5:1: error: more than one YAML document ('---') in one file; use one list "
        "instead [yaml-documents]");
  Diagnostics clean;
  YamlNode root = ParseYaml("a: [b, c]\n", "r.yaml", 3, clean);
  CHECK(clean.items().empty());
  CHECK(root.Find("a")->items.size() == 2);
  CHECK(root.Find("a")->items[1].pos.line == 3);
  CHECK(root.Find("a")->items[1].pos.col == 8);
}

}  // namespace smsdoc
