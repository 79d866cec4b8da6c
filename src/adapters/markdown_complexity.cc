#include "adapters/markdown_complexity.h"

#include <cctype>
#include <vector>

namespace smsdoc {

namespace {

constexpr const char* kParser = "the Markdown parser (cmark-gfm 0.29)";

// 1234567 -> "1,234,567", for messages.
std::string Grouped(long long n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

bool Blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Where the text of a line continues after spaces and tabs (tabs to the
// next multiple of 4), as a byte position and a visual column.
struct Cursor {
  size_t pos = 0;
  int col = 0;
};

Cursor SkipSpaces(std::string_view s, Cursor c, int up_to_col = 1 << 30) {
  while (c.pos < s.size() && (s[c.pos] == ' ' || s[c.pos] == '\t') && c.col < up_to_col) {
    c.col = s[c.pos] == '\t' ? (c.col / 4 + 1) * 4 : c.col + 1;
    ++c.pos;
  }
  return c;
}

// The end of a list marker (`-`, `+`, `*`, `1.`, `1)`) at `pos`, or npos.
size_t ListMarkerEnd(std::string_view s, size_t pos) {
  size_t end = pos;
  if (s[pos] == '-' || s[pos] == '+' || s[pos] == '*') {
    end = pos + 1;
  } else {
    while (end < s.size() && end - pos < 9 && std::isdigit(static_cast<unsigned char>(s[end])))
      ++end;
    if (end == pos || end >= s.size() || (s[end] != '.' && s[end] != ')'))
      return std::string_view::npos;
    ++end;
  }
  return end == s.size() || s[end] == ' ' || s[end] == '\t' ? end : std::string_view::npos;
}

// `- - -`, `***`: a thematic break, not three list markers.
bool ThematicBreak(std::string_view s) {
  char mark = 0;
  int count = 0;
  for (char c : s) {
    if (c == ' ' || c == '\t') continue;
    if ((c != '-' && c != '*' && c != '_') || (mark && c != mark)) return false;
    mark = c;
    ++count;
  }
  return count >= 3;
}

// The cells of a table row split at unescaped pipes, outer pipes dropped.
int RowCells(std::string_view s) {
  size_t first = s.find_first_not_of(" \t"), last = s.find_last_not_of(" \t");
  if (first == std::string_view::npos) return 0;
  s = s.substr(first, last - first + 1);
  int pipes = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\')
      ++i;
    else if (s[i] == '|')
      ++pipes;
  }
  if (pipes == 0) return 1;
  return pipes + 1 - (s.front() == '|') - (s.back() == '|' && s.size() > 1);
}

// The columns of a delimiter row (`|---|:-:|`), 0 if `s` is none.
int DelimiterCells(std::string_view s) {
  bool dash = false, pipe = false;
  for (char c : s) {
    if (c == '-')
      dash = true;
    else if (c == '|')
      pipe = true;
    else if (c != ':' && c != ' ' && c != '\t')
      return 0;
  }
  return dash && pipe ? RowCells(s) : 0;
}

struct Container {
  bool quote = false;
  int content_col = 0;  ///< where a list item's content starts
  int line = 0, col = 0;
};

// One unclosed kind of inline HTML: cmark-gfm 0.29 scans from each opener
// to its closer, or to the end of the paragraph when there is none.
struct HtmlOpeners {
  std::string_view open, close;
  long long count = 0, offsets = 0;  ///< pending openers and the sum of their offsets
  int line = 0, col = 0;             ///< the first pending one
};

class Scanner {
 public:
  Scanner(std::string_view text, const MarkdownLimits& limits) : text_(text), limits_(limits) {}

  std::optional<MarkdownTooComplex> Run() {
    int line = 0;
    for (size_t start = 0; start <= text_.size() && !found_;) {
      size_t end = text_.find('\n', start);
      if (end == std::string_view::npos) end = text_.size();
      std::string_view s = text_.substr(start, end - start);
      if (!s.empty() && s.back() == '\r') s.remove_suffix(1);
      Line(s, ++line);
      start = end + 1;
    }
    if (!found_) EndParagraph();
    return found_;
  }

 private:
  void Fail(int line, int col, std::string message) {
    if (!found_) found_ = MarkdownTooComplex{line, col, std::move(message)};
  }

  void Line(std::string_view s, int line) {
    const bool blank = Blank(s);
    Cursor at;
    size_t matched = 0;
    for (; matched < open_.size(); ++matched) {
      if (open_[matched].quote) {
        Cursor c = SkipSpaces(s, at);
        if (c.col - at.col > 3 || c.pos >= s.size() || s[c.pos] != '>') break;
        at = {c.pos + 1, c.col + 1};
      } else if (!blank) {
        Cursor c = SkipSpaces(s, at, open_[matched].content_col);
        if (c.col < open_[matched].content_col) break;
        at = c;
      }
    }
    if (fence_ && matched < fence_depth_) fence_ = 0;  // its container closed
    size_t before = open_.size();
    bool opened = !fence_ && OpenContainers(s, at, matched, line);
    if (found_) return;
    std::string_view rest = s.substr(std::min(at.pos, s.size()));
    bool lazy = !opened && matched < before && !blank && paragraph_ && !fence_;
    if (!opened && !lazy) open_.resize(matched);
    if (blank || lazy) {
      // cmark-gfm walks every open container for a line that does not
      // repeat their markers: quadratic in the nesting (CVE-2023-24824).
      nested_line_steps_ +=
          blank ? static_cast<long long>(matched) : static_cast<long long>(before);
      if (nested_line_steps_ > limits_.nested_line_steps && !open_.empty()) {
        const Container& deepest = open_.back();
        Fail(deepest.line, deepest.col,
             "blank and continuation lines inside lists and block quotes nested up to " +
                 std::to_string(before) + " deep keep " + kParser +
                 " busy too long (it walks the open lists at each line; over " +
                 Grouped(limits_.nested_line_steps) +
                 " steps in this file): end the lists sooner, nest less or split the file");
      }
    }
    if (opened || open_.size() < before) EndParagraph();
    if (blank) {
      EndParagraph();
      return;
    }
    if (Fence(rest)) {
      EndParagraph();
      return;
    }
    if (fence_) return;
    paragraph_ = true;
    Text(rest, line, static_cast<int>(s.size() - rest.size()) + 1);
  }

  // New block quotes and list items at the start of the line.
  bool OpenContainers(std::string_view s, Cursor& at, size_t matched, int line) {
    bool opened = false;
    while (true) {
      Cursor c = SkipSpaces(s, at);
      if (c.col - at.col > 3 || c.pos >= s.size()) break;
      Container next;
      next.line = line;
      next.col = static_cast<int>(c.pos) + 1;
      size_t marker_end;
      if (s[c.pos] == '>') {
        next.quote = true;
        at = {c.pos + 1, c.col + 1};
      } else if ((marker_end = ListMarkerEnd(s, c.pos)) != std::string_view::npos &&
                 !ThematicBreak(s.substr(c.pos))) {
        int marker_col = c.col + static_cast<int>(marker_end - c.pos);
        Cursor content = SkipSpaces(s, {marker_end, marker_col});
        bool spaced = content.pos < s.size() && content.col - marker_col <= 4;
        next.content_col = spaced ? content.col : marker_col + 1;
        at = spaced ? content : Cursor{marker_end, marker_col};
      } else {
        break;
      }
      if (!opened) open_.resize(matched);
      opened = true;
      open_.push_back(next);
      if (static_cast<int>(open_.size()) > limits_.nesting) {
        Fail(next.line, next.col,
             "block quotes and lists nested " + std::to_string(open_.size()) + " deep; at most " +
                 std::to_string(limits_.nesting) + ", since " + kParser +
                 " slows down with the depth of every line inside: nest less");
        return true;
      }
    }
    return opened;
  }

  // Opens or closes a fenced code block; true on a fence line.
  bool Fence(std::string_view rest) {
    Cursor c = SkipSpaces(rest, {});
    if (c.col > 3 || c.pos >= rest.size() || (rest[c.pos] != '`' && rest[c.pos] != '~'))
      return false;
    char mark = rest[c.pos];
    size_t run = rest.find_first_not_of(mark, c.pos);
    size_t length = (run == std::string_view::npos ? rest.size() : run) - c.pos;
    if (length < 3) return false;
    if (!fence_) {
      // A backtick in the info string makes it text (CommonMark).
      if (mark == '`' && rest.find('`', c.pos + length) != std::string_view::npos) return false;
      fence_ = mark;
      fence_length_ = length;
      fence_depth_ = open_.size();
      return true;
    }
    if (mark == fence_ && length >= fence_length_ && Blank(rest.substr(c.pos + length))) {
      fence_ = 0;
      return true;
    }
    return false;
  }

  // A line of a paragraph (or table): the inline constructs it holds.
  void Text(std::string_view s, int line, int col0) {
    Table(s, line, col0);
    size_t escaped = std::string_view::npos;  // the last character after a backslash
    for (size_t i = 0; i < s.size() && !found_; ++i) {
      char c = s[i];
      if (c == '\\') {
        escaped = ++i;
        continue;
      }
      // Every opener starts with '<' and every closer with '?', ']' or '>':
      // other characters need no comparison (most of a body).
      if (c == '<' || c == '?' || c == ']' || c == '>') ScanHtml(s, i, line, col0);
      if (c == '[') {
        bool image = i > 0 && s[i - 1] == '!' && escaped != i - 1;
        brackets_.push_back({image, line, col0 + static_cast<int>(i) - (image ? 1 : 0)});
        images_ += image;
      } else if (c == ']' && !brackets_.empty()) {
        Bracket top = brackets_.back();
        brackets_.pop_back();
        images_ -= top.image;
        // A link deactivates the brackets before it, walking past every
        // open image (CVE-2023-22486).
        if (!top.image && i + 1 < s.size() && s[i + 1] == '(') {
          image_bracket_steps_ += images_;
          if (image_bracket_steps_ > limits_.image_bracket_steps) {
            const Bracket* first = nullptr;
            for (const Bracket& b : brackets_)
              if (b.image && !first) first = &b;
            Fail(first ? first->line : line, first ? first->col : col0 + static_cast<int>(i),
                 Grouped(images_) + " images '![' are open where a link closes; " + kParser +
                     " walks them at every link (over " + Grouped(limits_.image_bracket_steps) +
                     " steps in this file): close each '![...](...)', or write '\\!['");
          }
        }
      }
    }
    offset_ += static_cast<long long>(s.size()) + 1;
  }

  // The inline HTML openers and closers at `i` of line `s`.
  void ScanHtml(std::string_view s, size_t i, int line, int col0) {
    for (HtmlOpeners& h : html_) {
      if (s.compare(i, h.close.size(), h.close) == 0) Resolve(h, offset_ + i);
      bool opens = s.compare(i, h.open.size(), h.open) == 0 &&
                   (h.open != "<!" ||
                    (i + 2 < s.size() && std::isalpha(static_cast<unsigned char>(s[i + 2]))));
      if (opens) {
        if (h.count++ == 0) {
          h.line = line;
          h.col = col0 + static_cast<int>(i);
        }
        h.offsets += offset_ + static_cast<long long>(i);
      }
    }
  }

  void Table(std::string_view s, int line, int col0) {
    if (table_columns_ > 0) {
      table_cells_ += table_columns_;
    } else if (int cells = DelimiterCells(s); cells > 0 && cells == previous_cells_) {
      table_columns_ = cells;
      table_line_ = line - 1;
      table_col_ = previous_col_;
      table_cells_ += 2LL * cells;
      if (cells > limits_.table_columns) {
        Fail(table_line_, table_col_,
             "table of " + Grouped(cells) + " columns; at most " + Grouped(limits_.table_columns) +
                 ", since " + kParser +
                 " slows down with the square of the columns: split the table");
        return;
      }
    }
    previous_cells_ = table_columns_ > 0 ? 0 : RowCells(s);
    previous_col_ = col0;
    if (table_cells_ > limits_.table_cells && table_columns_ > 0)
      Fail(table_line_, table_col_,
           "this table brings the cells of the file's tables to " + Grouped(table_cells_) +
               " (rows times columns, short rows filled up); at most " +
               Grouped(limits_.table_cells) + ", since " + kParser +
               " is slow on large tables: split the file, or keep the data in records");
  }

  void Resolve(HtmlOpeners& h, long long at) {
    html_scan_bytes_ += h.count * at - h.offsets;
    h.count = h.offsets = 0;
  }

  void EndParagraph() {
    for (HtmlOpeners& h : html_) {
      if (h.count == 0) continue;
      long long unclosed = h.count;
      Resolve(h, offset_);
      if (html_scan_bytes_ > limits_.html_scan_bytes)
        Fail(h.line, h.col,
             "'" + std::string(h.open) + "' is never closed by '" + std::string(h.close) +
                 "' in this paragraph, nor are " + Grouped(unclosed - 1) + " more after it; " +
                 kParser + " rescans the rest of the paragraph for each (over " +
                 Grouped(limits_.html_scan_bytes) +
                 " bytes in this file): close them, or write '\\<'");
    }
    brackets_.clear();
    images_ = 0;
    table_columns_ = 0;
    previous_cells_ = 0;
    offset_ = 0;
    paragraph_ = false;
  }

  struct Bracket {
    bool image = false;
    int line = 0, col = 0;
  };

  std::string_view text_;
  const MarkdownLimits& limits_;
  std::optional<MarkdownTooComplex> found_;
  std::vector<Container> open_;
  char fence_ = 0;
  size_t fence_length_ = 0, fence_depth_ = 0;
  bool paragraph_ = false;
  long long offset_ = 0;  ///< bytes into the paragraph
  HtmlOpeners html_[3] = {{"<?", "?>"}, {"<!", ">"}, {"<![CDATA[", "]]>"}};
  std::vector<Bracket> brackets_;
  long long images_ = 0;
  int previous_cells_ = 0, previous_col_ = 1;
  int table_columns_ = 0, table_line_ = 0, table_col_ = 0;
  long long nested_line_steps_ = 0, table_cells_ = 0, html_scan_bytes_ = 0,
            image_bracket_steps_ = 0;
};

}  // namespace

std::optional<MarkdownTooComplex> FindMarkdownTooComplex(std::string_view text,
                                                         const MarkdownLimits& limits) {
  return Scanner(text, limits).Run();
}

}  // namespace smsdoc
