#pragma once
#include <string>

#include "link/graph.h"

namespace smsdoc {

/// Body text kept per document in the search index: the start of each
/// body, where its subject is named; headings are kept whole.
inline constexpr size_t kSearchTextChars = 2000;

/// assets/search-index.js: every document, process and record as
/// `window.smsdocSearch = {"docs": [[type, id, title, url, headings, text],
/// ...]}`, in graph order. A script, not JSON to fetch: browsers refuse
/// fetch() on file:// pages. Text is escaped for a script (JsonQuoteForScript).
std::string SearchIndexScript(const Graph& graph);

/// The text of an HTML fragment: tags dropped, the five entities the
/// renderers write decoded, white space collapsed.
std::string HtmlText(const std::string& html);

}  // namespace smsdoc
