#include "adapters/yaml_scan.h"

#include <vector>

namespace smsdoc {

namespace {

bool IsBlank(char c) { return c == ' ' || c == '\t'; }

// The end of a token such as '-' or ':': end of line or a blank follows.
bool EndsToken(std::string_view line, size_t i) {
  return i + 1 >= line.size() || IsBlank(line[i + 1]);
}

}  // namespace

YamlScan ScanYaml(std::string_view text, int max_depth) {
  YamlScan out;
  std::vector<size_t> indents;  // open block levels, by indentation
  std::vector<Pos> flow;        // open '[' and '{'
  std::vector<char> flow_chars;
  char quote = 0;  // inside a quoted value
  Pos quote_pos;
  long block_scalar = -1;   // inside a '|' or '>' block: its parent's indent
  bool value_start = true;  // a quote or bracket here opens a value
  int line_no = 0;
  auto note_depth = [&](size_t depth, Pos pos) {
    if (depth > static_cast<size_t>(max_depth) && !out.too_deep.line) out.too_deep = pos;
  };

  for (size_t start = 0; start <= text.size(); ++line_no) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    start = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    const int ln = line_no + 1;
    size_t i = 0;
    size_t compact = 0;  // "- " entries opened on this line

    if (!quote && flow.empty()) {
      size_t first = line.find_first_not_of(" \t");
      size_t spaces = line.find_first_not_of(' ');
      if (spaces == std::string_view::npos) spaces = line.size();
      if (block_scalar >= 0) {
        if (first == std::string_view::npos || static_cast<long>(spaces) > block_scalar) continue;
        block_scalar = -1;
      }
      if (first == std::string_view::npos || line[first] == '#') continue;
      if (first == 0 && (line.substr(0, 3) == "---" || line.substr(0, 3) == "...") &&
          EndsToken(line, 2)) {
        indents.clear();
        continue;
      }
      if (spaces < first && !out.tab_indent.line)
        out.tab_indent = {ln, static_cast<int>(spaces) + 1};
      while (!indents.empty() && indents.back() > first) indents.pop_back();
      if (indents.empty() || indents.back() < first) indents.push_back(first);
      note_depth(indents.size(), {ln, static_cast<int>(first) + 1});
      i = first;
      value_start = true;
    }

    for (; i < line.size(); ++i) {
      char c = line[i];
      Pos here{ln, static_cast<int>(i) + 1};
      if (quote) {
        if (quote == '"' && c == '\\') {
          ++i;
        } else if (c == quote && quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
          ++i;  // '' is an escaped quote
        } else if (c == quote) {
          quote = 0;
          value_start = false;
        }
        continue;
      }
      if (IsBlank(c)) continue;
      if (c == '#' && (i == 0 || IsBlank(line[i - 1]))) break;
      if (value_start) {
        if (c == '"' || c == '\'') {
          quote = c;
          quote_pos = here;
          continue;
        }
        if (c == '[' || c == '{') {
          flow.push_back(here);
          flow_chars.push_back(c);
          note_depth(indents.size() + compact + flow.size(), here);
          continue;
        }
        if (flow.empty() && (c == '-' || c == '?') && EndsToken(line, i)) {
          if (c == '-') note_depth(indents.size() + ++compact, here);
          continue;
        }
        if (flow.empty() && (c == '|' || c == '>')) {
          block_scalar = static_cast<long>(indents.empty() ? 0 : indents.back());
          break;
        }
        if (c == '&' || c == '!') {  // an anchor or tag comes before the value
          while (i + 1 < line.size() && !IsBlank(line[i + 1])) ++i;
          continue;
        }
      }
      if (!flow.empty() && (c == ']' || c == '}')) {
        flow.pop_back();
        flow_chars.pop_back();
        value_start = false;
      } else if (!flow.empty() && c == ',') {
        value_start = true;
      } else if (c == ':' && (EndsToken(line, i) || !flow.empty())) {
        value_start = true;
      } else {
        value_start = false;  // inside a plain value
      }
    }
    if (quote && quote_pos.line == ln && !out.open_quote.line) out.open_quote = quote_pos;
  }
  if (!flow.empty()) {
    out.open_bracket = flow.front();
    out.bracket = flow_chars.front();
  }
  return out;
}

}  // namespace smsdoc
