#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/body.h"

namespace smsdoc {

struct MarkdownOptions {
  int first_line = 1;  ///< file line of the body's first line
  bool allow_raw_html = false;
};

/// Parses and renders GitHub-flavoured Markdown (tables, strikethrough,
/// autolinks, tagfilter, task lists) into a Body whose HTML holds link
/// placeholders (see model/body.h). Safe to call from any thread: the
/// library is not thread-safe, so calls are serialised inside.
Body RenderMarkdown(std::string_view text, const MarkdownOptions& options);

}  // namespace smsdoc
