#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The analysis' findings as diagnostics: the warning items of attention
/// (reviews overdue, changes after approval, approvals that do not count,
/// overdue and expired records), readiness items missing (errors when
/// `strict`; judged only when `diags` holds no errors yet), and unknown keys under `readiness:
/// not_applicable:`.
void CheckAnalysis(const Graph& graph, const Analysis& analysis, bool strict, Diagnostics& diags);

}  // namespace smsdoc
