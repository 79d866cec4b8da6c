#pragma once
#include <string>

#include "link/graph.h"

namespace smsdoc {

/// The relation an edge carries, from the field a reference was written
/// in: a finding is "raised-in" its audit, an action "addresses" its
/// source, a risk is "treated-by" its actions, a body link "mentions".
std::string RelationName(const Graph& graph, int source, const std::string& field);

/// The whole model for other tools: nodes (documents, processes, records,
/// clauses) and typed edges, sorted, as JSON or as a Graphviz dot graph.
std::string GraphJson(const Graph& graph);
std::string GraphDot(const Graph& graph);

}  // namespace smsdoc
