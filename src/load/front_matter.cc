#include "load/front_matter.h"

#include "base/text.h"

namespace smsdoc {

namespace {
bool IsFence(std::string_view line, bool closing) {
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  line = Trim(line);
  return line == "---" || (closing && line == "...");
}
}  // namespace

FrontMatter SplitFrontMatter(std::string_view text, const std::string& path, Diagnostics& diags) {
  FrontMatter fm;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  if (Trim(text).empty()) {
    diags.Error(path, {1, 1},
                "the file is empty; a document starts with front matter: a '---' line, "
                "its fields (id, title, ...), then '---'",
                "frontmatter-missing");
    return fm;
  }
  size_t eol = text.find('\n');
  if (!IsFence(text.substr(0, eol), false)) {
    diags.Error(path, {1, 1},
                "missing front matter: the file must start with a '---' line, "
                "then YAML fields (id, title, ...), then '---'",
                "frontmatter-missing");
    return fm;
  }
  size_t yaml_start = eol == std::string_view::npos ? text.size() : eol + 1;
  size_t pos = yaml_start;
  int line = 2;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string_view current = text.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (IsFence(current, true)) {
      fm.ok = true;
      fm.yaml = text.substr(yaml_start, pos - yaml_start);
      fm.body = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      fm.body_first_line = line + 1;
      return fm;
    }
    if (end == std::string_view::npos) break;
    pos = end + 1;
    ++line;
  }
  diags.Error(path, {1, 1}, "front matter opened here is never closed with '---'",
              "frontmatter-unclosed");
  return fm;
}

}  // namespace smsdoc
