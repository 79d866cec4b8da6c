#include "base/portable_name.h"

#include <array>

#include "base/text.h"
#include "base/utf8.h"

namespace smsdoc {

namespace {

bool IsDeviceName(std::string_view name) {
  // Windows takes the part before the first dot, less trailing spaces.
  std::string_view stem = name.substr(0, name.find('.'));
  while (!stem.empty() && stem.back() == ' ') stem.remove_suffix(1);
  static const std::array<std::string_view, 4> kPlain = {"CON", "PRN", "AUX", "NUL"};
  for (std::string_view device : kPlain)
    if (EqualsIgnoreCase(stem, device)) return true;
  // COM0-COM9 and LPT0-LPT9, and with a superscript 1, 2 or 3.
  if (stem.size() < 4 ||
      !(EqualsIgnoreCase(stem.substr(0, 3), "COM") || EqualsIgnoreCase(stem.substr(0, 3), "LPT")))
    return false;
  std::string_view number = stem.substr(3);
  return (number.size() == 1 && number[0] >= '0' && number[0] <= '9') || number == "\u00b9" ||
         number == "\u00b2" || number == "\u00b3";
}

// Case folded, decomposed, or both.
std::string Fold(std::string_view name, bool fold_case, bool decompose) {
  std::string out;
  out.reserve(name.size());
  for (size_t i = 0; i < name.size();) {
    char32_t cp = DecodeUtf8(name, i);
    char base;
    char32_t mark1, mark2;
    if (decompose && DecomposeLatin(cp, base, mark1, mark2)) {
      AppendUtf8(out, fold_case ? LowerCodePoint(static_cast<char32_t>(base)) : base);
      AppendUtf8(out, mark1);
      if (mark2) AppendUtf8(out, mark2);
    } else {
      AppendUtf8(out, fold_case ? LowerCodePoint(cp) : cp);
    }
  }
  return out;
}

}  // namespace

std::string NameProblem(std::string_view name) {
  for (size_t i = 0; i < name.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(name, i);
    std::string shown(name.substr(start, i - start));
    if (cp < 0x20 || cp == 0x7F)
      return "holds the control character " + EscapeControl(shown) +
             ", which Windows refuses in file names";
    if (cp < 0x80 &&
        std::string_view(":?|*<>\"\\").find(static_cast<char>(cp)) != std::string_view::npos)
      return "holds '" + EscapeControl(shown) + "', which Windows refuses in file names";
  }
  if (!name.empty() && (name.back() == '.' || name.back() == ' '))
    return std::string("ends in a ") + (name.back() == '.' ? "dot" : "space") +
           ", which Windows drops";
  if (IsDeviceName(name)) return "is a device name on Windows, not a file";
  return "";
}

std::string PathProblem(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    bool last = end == std::string_view::npos;
    if (last) end = path.size();
    std::string_view part = path.substr(start, end - start);
    std::string problem = NameProblem(part);
    if (!problem.empty())
      return std::string(last ? "the file name '" : "the folder name '") + EscapeControl(part) +
             "' " + problem;
    start = end + 1;
  }
  return "";
}

std::string PortableKey(std::string_view name) { return Fold(name, true, true); }

std::string HowNamesClash(std::string_view a, std::string_view b) {
  if (Fold(a, true, false) == Fold(b, true, false))
    return "differ only in case, so they are one file on Windows and macOS";
  if (Fold(a, false, true) == Fold(b, false, true))
    return "differ only in Unicode normalisation (an accented letter written as one character "
           "or as a letter and an accent), so they are one file on macOS";
  return "differ only in case and Unicode normalisation, so they are one file on Windows and "
         "macOS";
}

}  // namespace smsdoc
