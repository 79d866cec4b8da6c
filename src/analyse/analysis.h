#pragma once
#include <optional>
#include <string>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The analyse stage: every fact that depends on the as-of date and the
/// rules (document control, record dates, coverage, readiness, Stage 1
/// documents, attention), computed once from the linked graph.
/// `sample_seed`: the Stage 2 samples' seed, nullopt for smsdoc.yaml's.
Analysis Analyse(const Graph& graph, const std::string& as_of,
                 std::optional<uint64_t> sample_seed = std::nullopt);

}  // namespace smsdoc
