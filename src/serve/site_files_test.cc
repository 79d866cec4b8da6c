#include "serve/site_files.h"

#include <doctest/doctest.h>

#include <fstream>

#include "test_support.h"

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("site files: folders give index.html, nothing outside the site is found") {
  testing::TempDir tmp;
  fs::path site = tmp.path / "site";
  fs::create_directories(site / "policies");
  std::ofstream(site / "index.html") << "home";
  std::ofstream(site / "policies" / "index.html") << "policies";
  std::ofstream(site / ".smsdoc-cache") << "cache";
  std::ofstream(tmp.path / "secret.txt") << "secret";
  fs::create_symlink(tmp.path / "secret.txt", site / "escape.txt");
  fs::create_directory_symlink(tmp.path, site / "up");

  auto find = [&](const char* target) { return FindSiteFile(site, ParseRequestPath(target)); };
  CHECK(find("/").kind == SiteFile::Kind::kFile);
  CHECK(find("/").file == site / "index.html");
  CHECK(find("/policies/").file == site / "policies" / "index.html");
  SiteFile redirect = find("/policies");
  CHECK(redirect.kind == SiteFile::Kind::kRedirect);
  CHECK(redirect.location == "/policies/");
  CHECK(find("/nothing.html").kind == SiteFile::Kind::kMissing);
  CHECK(find("/.smsdoc-cache").kind == SiteFile::Kind::kMissing);
  CHECK(find("/escape.txt").kind == SiteFile::Kind::kMissing);
  CHECK(find("/up/secret.txt").kind == SiteFile::Kind::kMissing);
  CHECK(find("/../secret.txt").kind == SiteFile::Kind::kMissing);
  CHECK(find("/%2e%2e/secret.txt").kind == SiteFile::Kind::kMissing);
}

TEST_CASE("content types by extension") {
  CHECK(ContentType("a/b.html") == "text/html; charset=utf-8");
  CHECK(ContentType("B.XLSX") ==
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  CHECK(ContentType("assets/search-index.js") == "text/javascript; charset=utf-8");
  CHECK(ContentType("MANIFEST.sha256") == "text/plain; charset=utf-8");
  CHECK(ContentType("noextension") == "application/octet-stream");
}

}  // namespace smsdoc
