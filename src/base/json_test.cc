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

TEST_CASE("JsonQuoteForScript keeps content inside its script") {
  CHECK(JsonQuoteForScript("</script><b>&") == "\"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\"");
  CHECK(JsonQuoteForScript("a\xE2\x80\xA8z\xE2\x80\xA9") == "\"a\\u2028z\\u2029\"");
  CHECK(JsonQuoteForScript("caf\xC3\xA9") == "\"caf\xC3\xA9\"");
}

}  // namespace smsdoc
