#pragma once
#include <string>

#include "link/graph.h"

namespace smsdoc {

/// The clause 8 processes as an SVG drawn by smsdoc itself (no Graphviz,
/// no script): one column per group 8.2 to 8.7, a box per process linking
/// to its page (relative to `page_url`), an arrow per `interfaces` entry.
/// Text is escaped; the result is XML that can stand inline in HTML.
std::string ProcessMapSvg(const Graph& graph, const std::string& page_url);

inline constexpr const char* kProcessMapUrl = "processes/map.html";

}  // namespace smsdoc
