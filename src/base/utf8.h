#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

// Code points of UTF-8 text, for the few places that must see characters
// rather than bytes: anchors, "did you mean", file names and IDs.

/// Decodes one UTF-8 sequence at s[i] and moves i past it; an invalid byte
/// decodes as itself.
char32_t DecodeUtf8(std::string_view s, size_t& i);

void AppendUtf8(std::string& out, char32_t cp);

/// Number of code points (bytes that do not continue a sequence).
size_t CountCodePoints(std::string_view s);

/// Number of UTF-16 code units the text would take (two for a code point
/// above U+FFFF): the columns of SARIF and of editors written in JavaScript.
size_t CountUtf16Units(std::string_view s);

/// True when every byte is ASCII.
bool IsAscii(std::string_view s);

/// Lower case for ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic
/// capitals; other code points as they are.
char32_t LowerCodePoint(char32_t cp);

/// The canonical decomposition (NFD) of a precomposed Latin letter
/// (U+00C0-U+024F, U+1E00-U+1EFF) as an ASCII letter and up to two
/// combining marks: 'é' gives 'e' and U+0301. False for anything else.
bool DecomposeLatin(char32_t cp, char& base, char32_t& mark1, char32_t& mark2);

}  // namespace smsdoc
