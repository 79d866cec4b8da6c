#include "load/text_check.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {
std::string Check(std::string_view text) {
  Diagnostics d;
  bool ok = CheckTextEncoding(text, "f.md", d);
  CHECK(ok == d.items().empty());
  return d.items().empty() ? "" : FormatDiagnostic(d.items()[0]);
}
}  // namespace

TEST_CASE("UTF-8 text passes, with or without a byte-order mark") {
  CHECK(Check("a\r\nCaf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n") == "");
  CHECK(Check("\xEF\xBB\xBFid: x\n") == "");
  CHECK(Check("") == "");
}

TEST_CASE("the first bad byte is reported at its line and column") {
  CHECK(Check("ok\nCaf\xE9\n") ==
        "f.md:2:4: error: invalid UTF-8 (byte 0xE9); save the file as UTF-8 [encoding]");
  CHECK(Check("\xEF\xBB\xBF\xC3(") ==
        "f.md:1:1: error: invalid UTF-8 (byte 0xC3); save the file as UTF-8 [encoding]");
  CHECK(Check(std::string_view("a\nb\0c", 5)) ==
        "f.md:2:2: error: a NUL byte: this is not a text file [encoding]");
  CHECK(Check("\xFF\xFEi\0d\0") ==
        "f.md:1:1: error: the file is UTF-16; save it as UTF-8 [encoding]");
}

TEST_CASE("overlong forms, surrogates and truncated sequences are not UTF-8") {
  CHECK(Check("\xC0\xAF") != "");          // overlong '/'
  CHECK(Check("\xE0\x80\xAF") != "");      // overlong
  CHECK(Check("\xED\xA0\x80") != "");      // surrogate
  CHECK(Check("\xF4\x90\x80\x80") != "");  // above U+10FFFF
  CHECK(Check("abc\xE2\x82") != "");       // cut short at the end
}

}  // namespace smsdoc
