#pragma once
#include <string>

#include "link/graph.h"

namespace smsdoc {

/// Replaces the link placeholders of a rendered Markdown body with relative
/// URLs from `page_url` and, for `[[ID]]`, the target's title.
std::string ResolveBodyLinks(const std::string& html, const Graph& graph, int node,
                             const std::string& page_url);

}  // namespace smsdoc
