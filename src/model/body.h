#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

struct Heading {
  int level = 0;
  std::string text;
  std::string anchor;  ///< unique within the page
};

/// A link in a Markdown body that smsdoc resolves: `[[ID...]]`, or a
/// relative link or image to a file. External URLs are left alone.
struct BodyLink {
  enum class Kind { kId, kPath };
  Kind kind = Kind::kId;
  std::string target;  ///< ID, or a decoded relative path ("" = this page)
  std::string anchor;  ///< without '#'
  /// A relative link's "?query#fragment" exactly as written: a link to a
  /// copied file keeps it (`manual.pdf#page=3`); pages need only `anchor`.
  std::string suffix;
  bool show_title = false;  ///< `[[ID]]` without text: show the target's title
  Pos pos;
};

/// A rendered Markdown body. Only the link stage knows where links lead,
/// so links[N] is rendered with the URL LinkUrlPlaceholder(N), which
/// appears in the HTML as `href="%3Csmsdoc:N%3E"` (or `src=`); a link with
/// show_title is rendered empty, `<a href="...">` directly followed by
/// `</a>`, for the title to go in between.
struct Body {
  std::string html;
  std::vector<Heading> headings;
  std::vector<BodyLink> links;
};

inline std::string LinkUrlPlaceholder(size_t n) { return "<smsdoc:" + std::to_string(n) + ">"; }

}  // namespace smsdoc
