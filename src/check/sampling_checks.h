#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// smsdoc.yaml's `sampling: people:` names person records (docs/sampling.md).
void CheckSampling(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
