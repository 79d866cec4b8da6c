#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

struct Heading {
  int level = 0;
  std::string text;
  std::string anchor;  ///< unique within the page
  int line = 0;
};

/// A link found in a Markdown body that smsdoc resolves: `[[ID...]]`, or a
/// relative link/image to a file. External URLs are left alone.
struct MarkdownLink {
  enum class Kind { kId, kPath };
  Kind kind = Kind::kId;
  std::string target;  ///< ID, or a decoded relative path ("" = this page)
  std::string anchor;  ///< without '#'
  bool has_text = true;  ///< false for `[[ID]]`: the target's title is shown
  Pos pos;
};

/// HTML of a body plus what the link stage needs. The HTML holds
/// placeholders for what only the link stage knows: `smsdoc-link:N` for
/// the URL of links[N], and LinkTitlePlaceholder(N) for its title.
struct MarkdownResult {
  std::string html;
  std::vector<Heading> headings;
  std::vector<MarkdownLink> links;
};

struct MarkdownOptions {
  int first_line = 1;  ///< file line of the body's first line
  bool allow_raw_html = false;
};

/// Parses and renders GitHub-flavoured Markdown (tables, strikethrough,
/// autolinks, tagfilter, task lists). Safe to call from any thread: the
/// library is not thread-safe, so calls are serialised inside.
MarkdownResult RenderMarkdown(std::string_view text,
                              const MarkdownOptions& options);

/// The text that stands in the HTML for link N's title.
std::string LinkTitlePlaceholder(size_t n);
inline constexpr std::string_view kLinkUrlPrefix = "smsdoc-link:";
/// Brackets the title placeholder: U+E000, a private-use character.
inline constexpr std::string_view kLinkTitleMark = "\xEE\x80\x80";

}  // namespace smsdoc
