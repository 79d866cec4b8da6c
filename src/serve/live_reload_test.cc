#include "serve/live_reload.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("the reload script goes before </body>, the banner only with problems") {
  std::string page = InjectLive("<html><body><p>x</p></body></html>", 7, {});
  CHECK(page.find("/__smsdoc/build") < page.find("</body>"));
  CHECK(page.find("\"7\"") != std::string::npos);
  CHECK(page.find("smsdoc-serve-banner") == std::string::npos);
  CHECK(page.substr(page.size() - 14) == "</body></html>");

  std::string failed = InjectLive("<p>x</p>", 8, {"policies/a.md:3:5: error: <b> [ref-unknown]"});
  CHECK(failed.find("smsdoc-serve-banner") != std::string::npos);
  CHECK(failed.find("&lt;b&gt; [ref-unknown]") != std::string::npos);
  CHECK(failed.find("<b>") == std::string::npos);
  CHECK(failed.rfind("</script>") == failed.size() - 9);  // no </body>: at the end
}

}  // namespace smsdoc
