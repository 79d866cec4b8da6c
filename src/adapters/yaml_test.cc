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

}  // namespace smsdoc
