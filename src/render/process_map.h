#pragma once
#include <string>
#include <utility>
#include <vector>

#include "link/graph.h"
#include "model/labels.h"
#include "model/urls.h"

namespace smsdoc {

/// The clause 8 processes as an SVG drawn by smsdoc itself (no Graphviz,
/// no script): one column per group 8.2 to 8.7, a box per process linking
/// to its page (relative to `page_url`), an arrow per `interfaces` entry,
/// routed between the boxes, never across one.
/// Text is escaped; the result is XML that can stand inline in HTML.
std::string ProcessMapSvg(const Graph& graph, const std::string& page_url, const Labels& labels);

/// One process and its direct interfaces: the processes that name it on
/// the left, those it names on the right, arrows between; "" when it has
/// none. Links relative to `page_url`.
std::string ProcessNeighbourhoodSvg(const Graph& graph, int process, const std::string& page_url,
                                    const Labels& labels);

/// The `interfaces` between processes as (from, to) nodes: each once, none
/// to itself, sorted by the processes' IDs. The map and its text agree.
std::vector<std::pair<int, int>> ProcessInterfaces(const Graph& graph);

}  // namespace smsdoc
