#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// The check stage: rules over the linked model. It only adds diagnostics;
/// orphans (items that reference nothing and nothing references) are
/// warned about only when `diags` holds no errors yet.
void CheckGraph(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
