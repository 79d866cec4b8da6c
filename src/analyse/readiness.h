#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

const char* ReadinessStateName(ReadinessItem::State state);

/// The built-in checklist of documented information a certification body
/// asks for at Stage 1, judged from the analysis' document states and
/// coverage (which must be filled) as of its date.
std::vector<ReadinessItem> EvaluateReadiness(const Graph& graph, const Analysis& analysis);

/// The keys of the checklist, for smsdoc.yaml and suggestions.
std::vector<std::string> ReadinessKeys();

/// The Stage 1 documents, by ID: every document that is not a process
/// definition, and every document or process that is evidence for an item
/// of `checklist` (EvaluateReadiness).
std::vector<Stage1Document> Stage1Documents(const Graph& graph,
                                            const std::vector<ReadinessItem>& checklist);

}  // namespace smsdoc
