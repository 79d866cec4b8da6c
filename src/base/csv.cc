#include "base/csv.h"

#include <algorithm>

namespace smsdoc {

namespace {

class CsvParser {
 public:
  explicit CsvParser(std::string_view text) : text_(text) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") i_ = 3, line_start_ = 3;
  }

  CsvTable Parse() {
    // One allocation for the rows, and each row sized like the one before.
    table_.rows.reserve(static_cast<size_t>(std::count(text_.begin(), text_.end(), '\n')) + 1);
    while (i_ < text_.size()) ReadRow();
    return std::move(table_);
  }

 private:
  Pos Here() const { return {line_, static_cast<int>(i_ - line_start_) + 1}; }

  void NewLine(size_t next) {
    ++line_;
    line_start_ = next;
  }

  // At a line end (CRLF, LF or a lone CR): consumes it, returns true.
  bool AtLineEnd() {
    if (text_[i_] == '\n' || text_[i_] == '\r') {
      i_ += text_[i_] == '\r' && i_ + 1 < text_.size() && text_[i_ + 1] == '\n' ? 2 : 1;
      NewLine(i_);
      return true;
    }
    return false;
  }

  void ReadRow() {
    size_t width = table_.rows.empty() ? 0 : table_.rows.back().size();
    std::vector<CsvCell>& row = table_.rows.emplace_back();
    row.reserve(width);
    bool first_quoted = false;
    while (true) {
      bool quoted = false;
      row.push_back(ReadCell(quoted));
      if (row.size() == 1) first_quoted = quoted;
      if (i_ >= text_.size()) break;
      if (text_[i_] == ',') {
        ++i_;
        if (i_ < text_.size()) continue;
        row.push_back({"", Here()});  // "a,b," ends in an empty cell
        break;
      }
      if (AtLineEnd()) break;
    }
    if (row.size() == 1 && row[0].text.empty() && !first_quoted) table_.rows.pop_back();
  }

  CsvCell ReadCell(bool& quoted) {
    CsvCell cell{"", Here()};
    quoted = i_ < text_.size() && text_[i_] == '"';
    if (quoted) return ReadQuoted(cell);
    size_t start = i_;
    while ((i_ = text_.find_first_of(",\r\n\"", i_)) != std::string_view::npos &&
           text_[i_] == '"') {
      table_.problems.push_back({Here(),
                                 "a quote inside an unquoted field: quote the whole field "
                                 "and double the quote (\"\")"});
      ++i_;
    }
    if (i_ == std::string_view::npos) i_ = text_.size();
    cell.text.assign(text_.substr(start, i_ - start));
    return cell;
  }

  CsvCell ReadQuoted(CsvCell& cell) {
    ++i_;
    while (true) {
      if (i_ >= text_.size()) {
        table_.problems.push_back({cell.pos, "this quoted field is never closed"});
        return cell;
      }
      char c = text_[i_];
      if (c == '"') {
        if (i_ + 1 < text_.size() && text_[i_ + 1] == '"') {
          cell.text += '"';
          i_ += 2;
          continue;
        }
        ++i_;
        break;
      }
      if (c == '\r' || c == '\n') {
        size_t before = i_;
        AtLineEnd();
        cell.text.append(text_.substr(before, i_ - before));
        continue;
      }
      size_t end = text_.find_first_of("\"\r\n", i_);  // the plain run up to it
      if (end == std::string_view::npos) end = text_.size();
      cell.text.append(text_.substr(i_, end - i_));
      i_ = end;
    }
    if (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r') {
      table_.problems.push_back(
          {Here(), "text after the closing quote: put it inside the quotes or after a comma"});
      while (i_ < text_.size() && text_[i_] != ',' && text_[i_] != '\n' && text_[i_] != '\r')
        cell.text += text_[i_++];
    }
    return cell;
  }

  std::string_view text_;
  size_t i_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  CsvTable table_;
};

}  // namespace

CsvTable ParseCsv(std::string_view text) { return CsvParser(text).Parse(); }

}  // namespace smsdoc
