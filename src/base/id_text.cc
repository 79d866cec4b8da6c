#include "base/id_text.h"

#include <cctype>

#include "base/utf8.h"

namespace smsdoc {

namespace {

std::string IdCharacter(char32_t cp) {
  if (cp < 0x80) {
    bool keep = std::isalnum(static_cast<int>(cp)) || cp == '.' || cp == '_';
    return std::string(1, keep ? static_cast<char>(cp) : '-');
  }
  if (cp >= 0x300 && cp <= 0x36F) return "";  // a combining accent: 'e' + U+0301 is 'é'
  char base;
  char32_t mark1, mark2;
  if (DecomposeLatin(cp, base, mark1, mark2)) return std::string(1, base);
  switch (cp) {
    case 0xDF: return "ss";
    case 0xC6: return "AE";
    case 0xE6: return "ae";
    case 0x152: return "OE";
    case 0x153: return "oe";
    case 0xD8: return "O";
    case 0xF8: return "o";
    case 0xD0:
    case 0x110: return "D";
    case 0xF0:
    case 0x111: return "d";
    case 0x141: return "L";
    case 0x142: return "l";
    case 0xDE: return "TH";
    case 0xFE: return "th";
    case 0x131: return "i";
  }
  return "-";  // Unicode dashes (U+2010-U+2015, U+2212), NBSP and the rest
}

}  // namespace

std::string IdCharacters(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) out += IdCharacter(DecodeUtf8(text, i));
  return out;
}

}  // namespace smsdoc
