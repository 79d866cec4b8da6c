#pragma once
#include <string>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The analyse stage: every fact that depends on the as-of date and the
/// rules (document control, record dates, coverage, readiness, Stage 1
/// documents, attention), computed once from the linked graph.
Analysis Analyse(const Graph& graph, const std::string& as_of);

}  // namespace smsdoc
