#include "base/json.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("JsonQuote escapes quotes, backslashes and control characters") {
  CHECK(JsonQuote("") == "\"\"");
  CHECK(JsonQuote("say \"hi\" \\ now") == "\"say \\\"hi\\\" \\\\ now\"");
  CHECK(JsonQuote("a\nb\rc\td") == "\"a\\nb\\rc\\td\"");
  CHECK(JsonQuote(std::string("nul\0bell\x07"
                              "del\x7f",
                              13)) == "\"nul\\u0000bell\\u0007del\\u007f\"");
  CHECK(JsonQuote("</script>") == "\"</script>\"");
}

TEST_CASE("JsonQuote passes UTF-8 through and replaces invalid bytes") {
  CHECK(JsonQuote("Zürich – 東京 🙂") == "\"Zürich – 東京 🙂\"");
  const std::string kBad = "\xEF\xBF\xBD";
  CHECK(JsonQuote("a\xFF"
                  "b") == "\"a" + kBad + "b\"");
  CHECK(JsonQuote("\xC3") == "\"" + kBad + "\"");                        // truncated
  CHECK(JsonQuote("\xC0\xAF") == "\"" + kBad + kBad + "\"");             // overlong '/'
  CHECK(JsonQuote("\xED\xA0\x80") == "\"" + kBad + kBad + kBad + "\"");  // surrogate
  CHECK(JsonQuote("\xF4\x90\x80\x80") == "\"" + kBad + kBad + kBad + kBad + "\"");
}

}  // namespace smsdoc
