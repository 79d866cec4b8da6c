#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/body.h"

namespace smsdoc {

struct MarkdownOptions {
  int first_line = 1;           ///< file line of the body's first line
  bool allow_raw_html = false;  ///< pass raw HTML through instead of showing it as text
  std::string path;             ///< the file, for diagnostics
};

/// Parses and renders GitHub-flavoured Markdown (tables, strikethrough,
/// autolinks, tagfilter, task lists) into a Body whose HTML holds link
/// placeholders (see model/body.h). Safe to call from any thread: the
/// library is not thread-safe, so calls are serialised inside.
///
/// Nothing in the body becomes script: raw HTML is shown as text unless
/// allowed (HTML comments are dropped), and links and images to
/// javascript:, vbscript:, data: and file: URLs keep only their text;
/// images from other hosts become links, since pages load nothing from
/// outside. Each is a warning in `diags`, if given (see docs/security.md).
Body RenderMarkdown(std::string_view text, const MarkdownOptions& options,
                    Diagnostics* diags = nullptr);

}  // namespace smsdoc
