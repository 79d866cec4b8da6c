#include "adapters/yaml_documents.h"

#include <doctest/doctest.h>

#include "adapters/yaml.h"

namespace smsdoc {

namespace {
std::string OnlyError(const std::string& text) {
  Diagnostics d;
  YamlNode root = ParseYaml(text, "r.yaml", 3, d);
  CHECK(root.IsNull());
  REQUIRE(d.items().size() == 1);
  return FormatDiagnostic(d.items()[0]);
}
}  // namespace

// Found by fuzz/front_matter_fuzz.cc: yaml-cpp's LoadAll never returned.
TEST_CASE("a ',' where a document should start is a syntax error, not a hang") {
  CHECK(OnlyError(",") ==
        "r.yaml:3:1: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
  CHECK(OnlyError("# comment\n,") ==
        "r.yaml:4:1: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
  CHECK(OnlyError("[a] ,") ==
        "r.yaml:3:5: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
  CHECK(OnlyError("- a\n, b") ==
        "r.yaml:4:1: error: YAML syntax: a ',' outside a [list] or {mapping} [yaml-syntax]");
}

TEST_CASE("the roots of the first two documents are found") {
  CHECK(DocumentRoots("").empty());
  CHECK(DocumentRoots("a: [b, c]\n").size() == 1);
  std::vector<YAML::Mark> roots = DocumentRoots("a\n---\n- b\n---\nc\n");
  REQUIRE(roots.size() == 2);
  CHECK(roots[1].line == 2);
  CHECK(DocumentRoots("[a] b").size() == 2);
}

}  // namespace smsdoc
