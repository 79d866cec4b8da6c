#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// smsdoc.yaml's `audit: id:` names an audit record (docs/evidence.md).
void CheckAudit(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
