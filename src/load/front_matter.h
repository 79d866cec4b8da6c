#pragma once
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace smsdoc {

/// A Markdown file cut at its `---` fences.
struct FrontMatter {
  bool ok = false;
  std::string_view yaml;
  int yaml_first_line = 2;
  std::string_view body;
  int body_first_line = 1;
};

/// Splits `text` (a byte-order mark is skipped, CRLF accepted); reports a
/// missing or unclosed front matter against `path`.
FrontMatter SplitFrontMatter(std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace smsdoc
