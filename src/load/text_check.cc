#include "load/text_check.h"

#include <cstdio>

namespace smsdoc {

namespace {

// The length of the valid UTF-8 sequence at s[i], or 0 (RFC 3629: no
// overlong forms, no surrogates, nothing above U+10FFFF).
size_t Utf8Length(std::string_view s, size_t i) {
  auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  unsigned char c = at(i);
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;  // bounds of the second byte
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c >= 0xE0 && c <= 0xEF)
    n = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
  else if (c >= 0xF0 && c <= 0xF4)
    n = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
  else
    return 0;
  if (i + n > s.size() || at(i + 1) < lo || at(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (at(i + k) < 0x80 || at(i + k) > 0xBF) return 0;
  return n;
}

}  // namespace

bool CheckTextEncoding(std::string_view text, const std::string& path, Diagnostics& diags) {
  if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
    diags.Error(path, {1, 1}, "the file is UTF-16; save it as UTF-8", "encoding");
    return false;
  }
  size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  size_t line_start = start;
  int line = 1;
  for (size_t i = start; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    Pos pos{line, static_cast<int>(i - line_start) + 1};
    if (c == '\n') {
      ++line;
      line_start = ++i;
    } else if (c == 0) {
      diags.Error(path, pos, "a NUL byte: this is not a text file", "encoding");
      return false;
    } else if (size_t n = Utf8Length(text, i)) {
      i += n;
    } else {
      char byte[8];
      std::snprintf(byte, sizeof byte, "0x%02X", c);
      diags.Error(path, pos,
                  std::string("invalid UTF-8 (byte ") + byte + "); save the file as UTF-8",
                  "encoding");
      return false;
    }
  }
  return true;
}

std::optional<std::string> ReadText(const Disk& disk, const std::string& path, long limit_mb,
                                    const char* unreadable_code, Diagnostics& diags) {
  std::optional<uintmax_t> size = disk.FileSize(path);
  const uintmax_t mb = 1024 * 1024;
  if (size && *size > static_cast<uintmax_t>(limit_mb) * mb) {
    char shown[32];
    std::snprintf(shown, sizeof shown, "%.1f", static_cast<double>(*size) / mb);
    diags.Error(path, {1, 1},
                std::string("the file is ") + shown + " MB, over the limit of " +
                    std::to_string(limit_mb) +
                    " MB; split it, or raise 'limits: {file_size_mb: N}' in smsdoc.yaml",
                "file-too-large");
    return std::nullopt;
  }
  std::optional<std::string> text = disk.ReadFile(path);
  if (!text) {
    diags.Error(
        path, {},
        "cannot read the file: " + disk.WhyUnreadable(path) + "; give smsdoc read access to it",
        unreadable_code);
    return std::nullopt;
  }
  if (!CheckTextEncoding(*text, path, diags)) return std::nullopt;
  return text;
}

}  // namespace smsdoc
