#include "base/utf8.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("DecodeUtf8 and AppendUtf8 round-trip every length") {
  std::string text = "a\u00e9\u2010\U0001F600";
  std::string again;
  for (size_t i = 0; i < text.size();) AppendUtf8(again, DecodeUtf8(text, i));
  CHECK(again == text);
  size_t i = 1;
  CHECK(DecodeUtf8(text, i) == 0xE9);
  CHECK(i == 3);
  std::string bad = "\xC3";  // cut short: the byte itself
  i = 0;
  CHECK(DecodeUtf8(bad, i) == 0xC3);
  CHECK(CountCodePoints(text) == 4);
  CHECK(IsAscii("POL-01"));
  CHECK_FALSE(IsAscii("POL\u201001"));
}

TEST_CASE("CountUtf16Units counts surrogate pairs twice") {
  CHECK(CountUtf16Units("") == 0);
  CHECK(CountUtf16Units("abc") == 3);
  CHECK(CountUtf16Units("\xC3\x84nderung") == 8);    // Ä: 2 bytes, 1 unit
  CHECK(CountUtf16Units("\xE2\x82\xAC") == 1);       // €: 3 bytes, 1 unit
  CHECK(CountUtf16Units("\xF0\x9F\x98\x80x") == 3);  // U+1F600: 4 bytes, 2 units
}

TEST_CASE("LowerCodePoint pairs the capitals of Latin, Greek and Cyrillic") {
  CHECK(LowerCodePoint('A') == 'a');
  CHECK(LowerCodePoint(0xC4) == 0xE4);    // Ä
  CHECK(LowerCodePoint(0xD7) == 0xD7);    // × is no letter
  CHECK(LowerCodePoint(0x100) == 0x101);  // Ā, even capitals
  CHECK(LowerCodePoint(0x139) == 0x13A);  // Ĺ, odd capitals from U+0139
  CHECK(LowerCodePoint(0x13A) == 0x13A);
  CHECK(LowerCodePoint(0x17D) == 0x17E);  // Ž
  CHECK(LowerCodePoint(0x178) == 0xFF);   // Ÿ
  CHECK(LowerCodePoint(0x394) == 0x3B4);  // Δ
  CHECK(LowerCodePoint(0x416) == 0x436);  // Ж
}

TEST_CASE("DecomposeLatin gives an ASCII letter and its marks") {
  char base = 0;
  char32_t m1 = 0, m2 = 0;
  REQUIRE(DecomposeLatin(0xE9, base, m1, m2));  // é
  CHECK(base == 'e');
  CHECK(m1 == 0x301);
  CHECK(m2 == 0);
  REQUIRE(DecomposeLatin(0x1EA5, base, m1, m2));  // ấ: a, circumflex, acute
  CHECK(base == 'a');
  CHECK(m1 == 0x302);
  CHECK(m2 == 0x301);
  REQUIRE(DecomposeLatin(0x17D, base, m1, m2));  // Ž
  CHECK(base == 'Z');
  CHECK(m1 == 0x30C);
  CHECK_FALSE(DecomposeLatin(0xDF, base, m1, m2));  // ß has no decomposition
  CHECK_FALSE(DecomposeLatin('e', base, m1, m2));   // nor has ASCII
  CHECK_FALSE(DecomposeLatin(0x2010, base, m1, m2));
}

}  // namespace smsdoc
