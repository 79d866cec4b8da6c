#pragma once
#include <string>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

// The readiness items judged from the registers of 8.3.3 and 8.3.4
// (docs/readiness.md): agreements in force and reviewed as of a date,
// not documents describing them.

/// Met when every active customer has a signed SLA, signed by `as_of`, not
/// expired and whose next review is not before `as_of`; at risk naming each
/// customer that has none and why; missing without active customers or
/// signed SLAs. Evidence: the SLAs that count.
ReadinessItem JudgeSlas(const Graph& graph, const std::string& as_of, ReadinessItem item);

/// Met when every active external or lead supplier has a contract not
/// ended before `as_of` and a next review not before it; at risk naming
/// each supplier that fails and why; missing without such suppliers.
/// Evidence: the suppliers that pass.
ReadinessItem JudgeSuppliers(const Graph& graph, const std::string& as_of, ReadinessItem item);

}  // namespace smsdoc
