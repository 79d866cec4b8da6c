#pragma once
#include <string>

#include "link/graph.h"
#include "render/heading_ids.h"

namespace smsdoc {

/// Replaces the link placeholders of a rendered Markdown body with relative
/// URLs from `page_url` and, for `[[ID]]`, the target's title; anchors
/// lead to the heading's id on its page.
std::string ResolveBodyLinks(const std::string& html, const Graph& graph, int node,
                             const std::string& page_url, const HeadingIds& heading_ids);

/// The HTML of service report commentary `commentary` (Corpus::commentaries)
/// with its links resolved, for the page at `page_url`.
std::string ResolveCommentaryLinks(const Graph& graph, size_t commentary,
                                   const std::string& page_url, const HeadingIds& heading_ids);

}  // namespace smsdoc
