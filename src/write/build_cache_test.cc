#include "write/build_cache.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("BuildCache: back as written; damaged or foreign bytes are not trusted") {
  BuildCache cache{
      .key = std::string(64, 'a'),
      .pages = 12,
      .reads = {{"sms", "read", "policies/a b.md", "0f"}, {"theme", "list", "", "x"}},
      .diagnostics = {{"policies/a b.md", {3, 4}, Severity::kWarning, "late", "overdue"},
                      {"records/r.yaml", {}, Severity::kError, "bad\nline", "x-y"}},
      .ignored = 5};
  std::string bytes = EncodeBuildCache(cache);
  std::string why;
  std::optional<BuildCache> back = DecodeBuildCache(bytes, why);
  REQUIRE(back);
  CHECK(why.empty());
  CHECK(back->key == cache.key);
  CHECK(back->pages == 12);
  CHECK(back->reads == cache.reads);
  CHECK(back->ignored == 5);
  REQUIRE(back->diagnostics.size() == 2);
  for (size_t i = 0; i < 2; ++i)
    CHECK(FormatDiagnostic(back->diagnostics[i]) == FormatDiagnostic(cache.diagnostics[i]));
  CHECK(EncodeBuildCache(*back) == bytes);

  for (size_t at : {size_t{30}, bytes.size() / 2, bytes.size() - 1}) {
    std::string damaged = bytes;
    damaged[at] ^= 1;
    CHECK_FALSE(DecodeBuildCache(damaged, why));
    CHECK(why == "damaged");
  }
  CHECK_FALSE(DecodeBuildCache(bytes.substr(0, bytes.size() - 70), why));
  CHECK(why == "damaged");
  CHECK_FALSE(DecodeBuildCache("smsdoc build cache 1\n" + bytes.substr(21), why));
  CHECK(why == "written by another version of smsdoc");
  CHECK_FALSE(DecodeBuildCache("", why));
}

}  // namespace smsdoc
