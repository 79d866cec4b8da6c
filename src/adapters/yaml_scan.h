#pragma once
#include <string_view>

#include "base/diagnostics.h"

namespace smsdoc {

/// What a quick lexical pass over YAML text finds, before (and instead of)
/// yaml-cpp: yaml-cpp recurses once per nesting level, and its messages for
/// common slips ("end of map not found") do not point at the slip.
/// Positions are 1-based within the text; line 0 means "none found".
struct YamlScan {
  Pos too_deep;      ///< where nesting first exceeds the limit
  Pos tab_indent;    ///< first tab in a line's indentation
  Pos open_quote;    ///< first quoted value not closed on its own line
  Pos open_bracket;  ///< first '[' or '{' never closed
  char bracket = 0;  ///< which one
};

/// Scans `text`; nesting counts block indentation levels, compact "- "
/// entries and open flow brackets. Approximate by design: it is used only to
/// refuse absurd nesting and to explain a parse that already failed.
YamlScan ScanYaml(std::string_view text, int max_depth);

}  // namespace smsdoc
