#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// The check stage: rules over the linked model. It only adds diagnostics.
void CheckGraph(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
