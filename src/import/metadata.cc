#include "import/metadata.h"

#include <cctype>

#include "base/text.h"

namespace smsdoc {

namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// The line starting at `pos`, without its line end; `next` is the start of
// the following line.
std::string_view LineAt(std::string_view text, size_t pos, size_t& next) {
  size_t end = text.find('\n', pos);
  next = end == std::string_view::npos ? text.size() : end + 1;
  std::string_view line =
      text.substr(pos, (end == std::string_view::npos ? text.size() : end) - pos);
  if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
  return line;
}

bool IsFence(std::string_view line, std::string_view fence) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
  return line == fence;
}

// "key:" followed by a space or the line end, the key a plain name: what
// a metadata line looks like, and prose rarely does at the very top.
bool IsKeyLine(std::string_view line) {
  size_t i = 0;
  if (line.empty() || !(std::isalpha(static_cast<unsigned char>(line[0])) || line[0] == '_'))
    return false;
  while (i < line.size() && (std::isalnum(static_cast<unsigned char>(line[i])) || line[i] == '_' ||
                             line[i] == '-' || line[i] == '.'))
    ++i;
  return i < line.size() && line[i] == ':' && (i + 1 == line.size() || line[i + 1] == ' ');
}

bool IsBlank(std::string_view line) { return Trim(line).empty(); }

}  // namespace

SourceParts WithoutMetadata(std::string_view text) {
  SourceParts parts;
  parts.body = StartsWith(text, kBom) ? text.substr(kBom.size()) : text;
  return parts;
}

SourceParts SplitSource(std::string_view text) {
  SourceParts parts = WithoutMetadata(text);
  std::string_view t = parts.body;
  size_t next = 0;
  std::string_view first = LineAt(t, 0, next);
  if (IsFence(first, "---")) {
    size_t yaml_start = next;
    for (size_t pos = next; pos < t.size();) {
      size_t after = 0;
      std::string_view line = LineAt(t, pos, after);
      if (IsFence(line, "---") || IsFence(line, "...")) {
        parts.kind = SourceParts::Kind::kFrontMatter;
        parts.yaml = t.substr(yaml_start, pos - yaml_start);
        parts.yaml_first_line = 2;
        parts.body = t.substr(after);
        return parts;
      }
      pos = after;
    }
    parts.unclosed = true;
    return parts;
  }
  if (!IsKeyLine(first)) return parts;
  size_t pos = next;
  while (pos < t.size()) {
    size_t after = 0;
    std::string_view line = LineAt(t, pos, after);
    if (IsBlank(line)) {
      parts.kind = SourceParts::Kind::kLeadingYaml;
      parts.yaml = t.substr(0, pos);
      parts.body = t.substr(after);
      return parts;
    }
    // Continuation lines (indented, list items) or further keys only.
    if (!IsKeyLine(line) && line[0] != ' ' && line[0] != '-' && line[0] != '\t') return parts;
    pos = after;
  }
  parts.kind = SourceParts::Kind::kLeadingYaml;
  parts.yaml = t;
  parts.body = t.substr(t.size());
  return parts;
}

std::string FirstHeading(std::string_view body) {
  std::string_view fence;
  for (size_t pos = 0, next = 0; pos < body.size(); pos = next) {
    std::string_view line = LineAt(body, pos, next);
    size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos || indent > 3) continue;
    std::string_view rest = line.substr(indent);
    if (!fence.empty()) {
      if (StartsWith(rest, fence)) fence = {};
      continue;
    }
    if (StartsWith(rest, "```") || StartsWith(rest, "~~~")) {
      fence = rest.substr(0, 3);
      continue;
    }
    if (rest == "#" || !(StartsWith(rest, "# ") || StartsWith(rest, "#\t"))) continue;
    std::string_view text = Trim(rest.substr(1));
    // A closing sequence of '#'s, after a space, is not part of the title.
    size_t hashes = text.find_last_not_of('#');
    if (hashes != std::string_view::npos && hashes + 1 < text.size() &&
        (text[hashes] == ' ' || text[hashes] == '\t'))
      text = Trim(text.substr(0, hashes));
    if (!text.empty()) return std::string(text);
  }
  return "";
}

}  // namespace smsdoc
