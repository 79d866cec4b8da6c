#pragma once
#include <string>

#include "link/graph.h"

namespace smsdoc {

/// The whole model for other tools: nodes (documents, processes, records,
/// clauses) and typed edges, sorted, as JSON or as a Graphviz dot graph.
std::string GraphJson(const Graph& graph);
std::string GraphDot(const Graph& graph);

}  // namespace smsdoc
