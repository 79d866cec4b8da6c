#pragma once
#include "link/graph.h"
#include "model/analysis.h"
#include "model/framework.h"

namespace smsdoc {

// The readiness items named by a catalogue's `judge:` beside the
// agreements' (agreement_readiness.h), and the audit coverage readiness.cc
// asks of another framework: docs/frameworks.md#readiness-per-framework.

/// The Statement of Applicability of `framework`: met when every control
/// has an entry and each applicable one is implemented by a document in
/// force naming it; at risk naming the controls without an entry or without
/// such a document; missing without any entry. Evidence: the entries.
ReadinessItem JudgeSoa(const Graph& graph, const Analysis& analysis, const Framework& framework,
                       ReadinessItem item);

/// Monitoring and measurement results (9.1), from the typed KPIs' series
/// (analysis.kpis, which must be filled): met when KPIs are measured and
/// every measured KPI has a measurement for its latest period ended by the
/// as-of date; at risk naming the KPIs that lack it; missing without any
/// measurement. Evidence: the
/// processes whose KPIs are measured.
ReadinessItem JudgeMeasurements(const Graph& graph, const Analysis& analysis, ReadinessItem item);

/// The requirements of `framework` (its management system clauses; the
/// controls are the SoA's) that none of `audits` names, itself or through
/// an item it belongs to: its leaves in catalogue order, a top-level item
/// standing for all its leaves when none was audited.
std::vector<std::string> UnauditedRequirements(const Graph& graph, const Framework& framework,
                                               const std::vector<int>& audits);

}  // namespace smsdoc
