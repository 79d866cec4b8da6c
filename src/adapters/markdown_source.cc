#include "adapters/markdown_source.h"

#include <cctype>

namespace smsdoc {

namespace {

struct Entity {
  size_t length = 0;   ///< in the source, `&` to `;`; 0 when none
  size_t decoded = 0;  ///< UTF-8 bytes it decodes to; 0 when only cmark knows (named)
};

size_t Utf8Bytes(unsigned long cp) {
  if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 3;  // U+FFFD
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

// The entity reference (`&amp;`, `&#91;`, `&#x5B;`) at `at`, if any.
Entity EntityAt(std::string_view line, size_t at) {
  size_t i = at + 1, digits = 0;
  int base = 0;
  if (i < line.size() && line[i] == '#') {
    base = i + 1 < line.size() && (line[i + 1] == 'x' || line[i + 1] == 'X') ? 16 : 10;
    i += base == 16 ? 2 : 1;
  }
  unsigned long cp = 0;
  for (; i < line.size() && digits < 32; ++i, ++digits) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (base == 0 ? !std::isalnum(c) : base == 10 ? !std::isdigit(c) : !std::isxdigit(c)) break;
    if (base)
      cp =
          cp * base + static_cast<unsigned long>(std::isdigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  bool ok = digits > 0 && (base == 0 ? digits >= 2 : digits <= (base == 16 ? 6u : 7u));
  if (!ok || i >= line.size() || line[i] != ';') return {};
  return {i + 1 - at, base ? Utf8Bytes(cp) : 0};
}

size_t CharBytes(unsigned char lead) {
  return lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
}

}  // namespace

SourceMap MapToSource(std::string_view literal, std::string_view line, size_t from) {
  SourceMap map{std::vector<int>(literal.size(), -1), std::vector<bool>(literal.size(), false)};
  size_t i = 0, j = from;
  while (i < literal.size() && j < line.size()) {
    char c = line[j];
    Entity entity = c == '&' ? EntityAt(line, j) : Entity{};
    if (c == '\\' && j + 1 < line.size() && std::ispunct(static_cast<unsigned char>(line[j + 1])) &&
        literal[i] == line[j + 1]) {
      map.column[i] = static_cast<int>(j);
      map.escaped[i++] = true;
      j += 2;
    } else if (entity.length > 0 &&
               literal.substr(i, entity.length) != line.substr(j, entity.length)) {
      // cmark decoded it (an unknown name stays as written: then verbatim);
      // a named entity is taken as one character.
      size_t bytes = entity.decoded ? entity.decoded : CharBytes(literal[i]);
      for (size_t n = 0; n < bytes && i < literal.size(); ++n) {
        map.column[i] = static_cast<int>(j);
        map.escaped[i++] = true;
      }
      j += entity.length;
    } else if (literal[i] == c) {
      map.column[i++] = static_cast<int>(j++);
    } else {
      ++j;  // what cmark's column fell short of
    }
  }
  return map;
}

}  // namespace smsdoc
