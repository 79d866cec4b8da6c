#include "base/text.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <string>

#include "base/utf8.h"

namespace smsdoc {

namespace {

// ASCII only, without tolower's call per byte: the distance loop's hot spot.
char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c; }
char32_t Lower(char32_t c) { return LowerCodePoint(c); }

// Optimal string alignment: a swap of two neighbours ("biuld") is one edit.
// Three rolling rows, reused across calls: suggestions compare every
// unknown name with every known one, so no allocation per pair. `Text` is
// the bytes of ASCII text, else its code points.
template <typename Text>
int Distance(const Text& a, const Text& b, int limit) {
  thread_local std::vector<int> rows[3];
  for (auto& row : rows) row.assign(b.size() + 1, 0);
  std::vector<int>*before = &rows[0], *prev = &rows[1], *cur = &rows[2];
  for (size_t j = 0; j <= b.size(); ++j) (*prev)[j] = static_cast<int>(j);
  int prev_min = 0;
  for (size_t i = 1; i <= a.size(); ++i) {
    (*cur)[0] = static_cast<int>(i);
    int row_min = (*cur)[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      int cost = Lower(a[i - 1]) == Lower(b[j - 1]) ? 0 : 1;
      int d = std::min({(*prev)[j] + 1, (*cur)[j - 1] + 1, (*prev)[j - 1] + cost});
      if (i > 1 && j > 1 && Lower(a[i - 1]) == Lower(b[j - 2]) &&
          Lower(a[i - 2]) == Lower(b[j - 1]))
        d = std::min(d, (*before)[j - 2] + 1);
      (*cur)[j] = d;
      row_min = std::min(row_min, d);
    }
    // A path to the end crosses this row, or jumps over it by a swap from
    // the row before (one more edit): past the limit, the answer is too far.
    if (std::min(row_min, prev_min + 1) > limit) return limit + 1;
    prev_min = row_min;
    std::vector<int>* oldest = before;
    before = prev;
    prev = cur;
    cur = oldest;
  }
  return std::min((*prev)[b.size()], limit + 1);
}

void DecodeInto(std::string_view s, std::u32string& out) {
  out.clear();
  for (size_t i = 0; i < s.size();) out.push_back(DecodeUtf8(s, i));
}

// A lower bound of the distance from one ASCII word to others, in O(length)
// per candidate: the characters one has more of than the other (each edit
// changes that count by at most one, a swap not at all). Among thousands
// of IDs of one shape ("RSK-056910") it rules out nearly all before the
// quadratic distance runs.
class BagBound {
 public:
  explicit BagBound(std::string_view word) : ascii_(IsAscii(word)), length_(word.size()) {
    if (ascii_)
      for (char c : word) ++counts_[static_cast<unsigned char>(Lower(c))];
  }

  int AtLeast(std::string_view candidate) {
    if (!ascii_ || !IsAscii(candidate)) return 0;
    int extra = 0;  // characters the candidate has more of
    for (char c : candidate)
      if (--counts_[static_cast<unsigned char>(Lower(c))] < 0) ++extra;
    for (char c : candidate) ++counts_[static_cast<unsigned char>(Lower(c))];
    int missing = static_cast<int>(length_) - (static_cast<int>(candidate.size()) - extra);
    return std::max(extra, missing);
  }

 private:
  bool ascii_;
  size_t length_;
  int counts_[128] = {};
};

}  // namespace

int EditDistance(std::string_view a, std::string_view b, int limit) {
  // IDs and names are nearly always ASCII: compare their bytes. Otherwise
  // compare code points, so 'POL‐01' (a Unicode hyphen) is one edit from
  // 'POL-01', not three.
  if (IsAscii(a) && IsAscii(b)) return Distance(a, b, limit);
  thread_local std::u32string wide_a, wide_b;
  DecodeInto(a, wide_a);
  DecodeInto(b, wide_b);
  return Distance(wide_a, wide_b, limit);
}

std::optional<std::string> ClosestMatch(std::string_view word,
                                        const std::vector<std::string>& candidates) {
  // A likely typo: one edit per four characters (at least one). Ties go to
  // the first candidate, so callers pass a sorted list.
  std::optional<std::string> best;
  if (word.size() > 128) return best;  // no one mistypes a whole paragraph
  // Lengths in code points; a candidate's bytes bound its code points from
  // above, so most are judged without counting.
  const size_t length = CountCodePoints(word);
  int limit = std::max<int>(1, static_cast<int>(length) / 4);
  int best_distance = limit + 1;
  BagBound bag(word);
  for (const auto& c : candidates) {
    const size_t gap = static_cast<size_t>(best_distance);
    if (c.size() + gap <= length) continue;  // too short to be closer
    if (c.size() >= length + gap && CountCodePoints(c) >= length + gap) continue;  // too long
    if (bag.AtLeast(c) >= best_distance) continue;
    int d = EditDistance(word, c, best_distance - 1);
    if (d < best_distance) {
      best_distance = d;
      best = c;
    }
  }
  if (best) return best;
  // A word cut short or run on ("policy" for "policies"): most of it agrees.
  for (const auto& c : candidates) {
    size_t shared = 0;
    while (shared < word.size() && shared < c.size() && Lower(word[shared]) == Lower(c[shared]))
      ++shared;
    if (shared >= 4 && shared + 2 >= std::max(word.size(), c.size()) - 1) return c;
  }
  return best;
}

std::string DidYouMean(std::string_view word, const std::vector<std::string>& candidates) {
  auto best = ClosestMatch(word, candidates);
  return best ? " (did you mean '" + *best + "'?)" : "";
}

namespace {

// Punctuation and symbols outside ASCII (the common blocks), which GitHub
// drops from anchors like ASCII punctuation.
bool IsSymbol(char32_t cp) {
  return (cp >= 0xA0 && cp <= 0xBF) || cp == 0xD7 || cp == 0xF7 || (cp >= 0x2000 && cp <= 0x206F) ||
         (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x214F) ||
         (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
         (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

}  // namespace

std::string Slugify(std::string_view text) {
  std::string out;
  for (size_t i = 0; i < text.size();) {
    char32_t cp = DecodeUtf8(text, i);
    if (cp < 0x80) {
      unsigned char c = static_cast<unsigned char>(cp);
      if (std::isalnum(c) || c == '_')
        out += Lower(static_cast<char>(c));
      else if (c == ' ' || c == '-')
        out += '-';
    } else if (!IsSymbol(cp)) {
      AppendUtf8(out, LowerCodePoint(cp));  // letters and digits of any script
    }
  }
  return out;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string EscapeControl(std::string_view text) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    size_t start = i;
    char32_t cp = DecodeUtf8(text, i);
    switch (cp) {
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (cp < 0x20 || cp == 0x7F) {
          out += "\\x";
          out += kHex[cp >> 4];
          out += kHex[cp & 15];
        } else if ((cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029) {
          out += "\\u";
          for (int shift = 12; shift >= 0; shift -= 4) out += kHex[(cp >> shift) & 15];
        } else {
          out.append(text.substr(start, i - start));
        }
    }
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [](char x, char y) { return Lower(x) == Lower(y); });
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

std::string Shorten(std::string_view text, size_t bytes) {
  if (text.size() <= bytes) return std::string(text);
  size_t cut = bytes - 1;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "\xE2\x80\xA6";
}

std::string UrlAsWritten(std::string_view part) {
  static const char kHex[] = "0123456789ABCDEF";
  static const std::string_view kUnsafe = " \"<>\\^`{|}";
  std::string out;
  for (unsigned char c : part) {
    if (c <= 0x20 || c >= 0x7F || kUnsafe.find(static_cast<char>(c)) != std::string_view::npos) {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

namespace {
bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }
}  // namespace

std::string_view Utf8Head(std::string_view text, size_t chars) {
  size_t seen = 0;
  for (size_t i = 0; i < text.size(); ++i)
    if (!IsContinuation(text[i]) && seen++ == chars) return text.substr(0, i);
  return text;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool IsValidDate(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  int y = std::stoi(std::string(s.substr(0, 4)));
  int m = std::stoi(std::string(s.substr(5, 2)));
  int d = std::stoi(std::string(s.substr(8, 2)));
  if (m < 1 || m > 12 || d < 1) return false;
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  int max_day = kDays[m - 1] + (m == 2 && leap ? 1 : 0);
  return d <= max_day;
}

std::optional<std::string> NormalizeRelativePath(std::string_view path) {
  std::vector<std::string> parts;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view part = path.substr(start, end - start);
    if (part == "..") {
      if (parts.empty()) return std::nullopt;
      parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.emplace_back(part);
    }
    start = end + 1;
  }
  return Join(parts, "/");
}

std::string DirName(std::string_view path) {
  size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? "" : std::string(path.substr(0, slash));
}

std::string RelativeUrl(std::string_view from, std::string_view path, std::string_view fragment) {
  static const char kHex[] = "0123456789ABCDEF";
  auto encode = [&](std::string& out, std::string_view part, std::string_view keep) {
    for (unsigned char c : part) {
      if (std::isalnum(c) || keep.find(static_cast<char>(c)) != std::string_view::npos) {
        out += static_cast<char>(c);
      } else {
        out += '%';
        out += kHex[c >> 4];
        out += kHex[c & 15];
      }
    }
  };
  // A page's URL may carry its fragment ("records/incident.html#INC-1", an
  // imported record's row): a '#' right after ".html" with no ".html" and no
  // '/' after it starts one (page paths all end in ".html").
  if (size_t hash = path.rfind(".html#"); fragment.empty() && hash != std::string_view::npos) {
    std::string_view after = path.substr(hash + 6);
    if (after.find('/') == std::string_view::npos &&
        after.find(".html") == std::string_view::npos) {
      fragment = after;
      path = path.substr(0, hash + 5);
    }
  }
  // Drop the folders both paths share, then climb out of the rest of `from`.
  size_t common = 0;
  for (size_t i = 0; i < from.size() && i < path.size() && from[i] == path[i]; ++i)
    if (from[i] == '/') common = i + 1;
  std::string out;
  for (char c : from.substr(common))
    if (c == '/') out += "../";
  encode(out, path.substr(common), "-._~/");
  if (!fragment.empty()) {
    out += '#';
    encode(out, fragment, "-._~");
  }
  return out;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

}  // namespace smsdoc
