#pragma once
#include <string>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The whole model for other tools: nodes (documents, processes, records,
/// clauses) and typed edges, sorted, as JSON or as a Graphviz dot graph.
/// The JSON nodes carry the analysis' state: a document's status, version,
/// approval and review; a clause's coverage and last internal audit.
std::string GraphJson(const Graph& graph, const Analysis& analysis);
std::string GraphDot(const Graph& graph);

}  // namespace smsdoc
