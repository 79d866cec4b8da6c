#include "render/script_labels.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("script labels: the object after the mark gets the labels' texts") {
  Labels labels;
  labels.text = {{"js_of", "von"}, {"js_all", "alle"}};
  std::string script =
      "var a = 1;\nvar L = /* smsdoc: labels */ {\"js_of\": \"of\", \"js_odd\": \"a \\\"b\\\"\", "
      "\"js_all\": \"all\"};\nrun(L);\n";
  CHECK(WithScriptLabels(script, labels) ==
        "var a = 1;\nvar L = /* smsdoc: labels */ {\"js_of\": \"von\", \"js_odd\": \"a "
        "\\\"b\\\"\", \"js_all\": \"alle\"};\nrun(L);\n");
  // English, as the default scripts are written: the same bytes.
  Labels english;
  english.text = {{"js_of", "of"}, {"js_all", "all"}, {"js_odd", "a \"b\""}};
  CHECK(WithScriptLabels(script, english) == script);
  CHECK(WithScriptLabels("no mark {\"js_of\": \"of\"}", labels) == "no mark {\"js_of\": \"of\"}");
}

}  // namespace smsdoc
