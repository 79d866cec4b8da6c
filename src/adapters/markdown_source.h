#pragma once
#include <string_view>
#include <vector>

namespace smsdoc {

/// Where each byte of a Markdown text node's literal (unescaped by cmark)
/// was written in its source line, and whether it was written as itself
/// or escaped (`\[`, an entity such as `&#91;`). The wiki-link scanner
/// needs both: `[[` is a link only when both brackets were typed as
/// brackets, and its column is the source's, however many escapes and
/// links come before it on the line.
struct SourceMap {
  std::vector<int> column;    ///< 0-based column in the line, -1 if not found
  std::vector<bool> escaped;  ///< written as `\X` or an entity
};

/// Maps `literal` onto `line` from byte `from` on (cmark's start column,
/// which may fall short: source bytes that match nothing are skipped).
SourceMap MapToSource(std::string_view literal, std::string_view line, size_t from);

}  // namespace smsdoc
