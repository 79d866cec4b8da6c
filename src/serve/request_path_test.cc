#include "serve/request_path.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("request paths are decoded and stay inside the site") {
  RequestPath root = ParseRequestPath("/");
  CHECK(!root.bad);
  CHECK(root.path == "");
  CHECK(root.folder);

  RequestPath page = ParseRequestPath("/policies/a%20b.html?x=1#top");
  CHECK(!page.bad);
  CHECK(page.path == "policies/a b.html");
  CHECK(!page.folder);

  CHECK(ParseRequestPath("//policies//x.html").path == "policies/x.html");
  CHECK(ParseRequestPath("/policies/").folder);
  CHECK(ParseRequestPath("/%C3%A9.html").path == "\xC3\xA9.html");
}

TEST_CASE("request paths that could leave the site or are malformed are bad") {
  for (const char* target :
       {"/../smsdoc.yaml", "/policies/../../x", "/%2e%2e/smsdoc.yaml", "/%2E%2E/x", "/./x",
        "/a/%2e", "/..%2fsmsdoc.yaml", "/a%2F..%2F..%2Fx", "/x%00.html", "/x%", "/x%4", "/x%zz",
        "policies/x.html", "", "http://example.org/"}) {
    CAPTURE(target);
    CHECK(ParseRequestPath(target).bad);
  }
  CHECK(!ParseRequestPath("/a..b/x..html").bad);  // dots inside a name are fine
}

}  // namespace smsdoc
