#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"
#include "model/config.h"
#include "model/framework.h"

namespace smsdoc {

const char* ReadinessStateName(ReadinessItem::State state);

/// A framework's Stage 1 checklist (Framework::readiness: documented
/// information a certification body asks for), judged from the analysis'
/// document states, coverage and KPI series (which must be filled) as of
/// its date.
std::vector<ReadinessItem> EvaluateReadiness(const Graph& graph, const Analysis& analysis,
                                             const Framework& framework);

/// The checklists of the frameworks beside ISO/IEC 20000-1 that have one,
/// in smsdoc.yaml's order.
std::vector<FrameworkReadiness> EvaluateOtherReadiness(const Graph& graph,
                                                       const Analysis& analysis);

/// The keys smsdoc.yaml's `not_applicable:` may name, for checks and
/// suggestions: ISO/IEC 20000-1's bare, another framework's as
/// "iso27001:scope".
std::vector<std::string> ReadinessKeys(const Config& config);

/// Every framework's checklist as one: ISO/IEC 20000-1's items, then each
/// other framework's with its key as smsdoc.yaml names it ("iso27001:scope",
/// the id of its row on readiness.html) and its title followed by the
/// framework's ("Scope of the ISMS (ISO/IEC 27001:2022)"). The Stage 1
/// documents' items index into it.
std::vector<ReadinessItem> CombinedChecklist(const Analysis& analysis);

/// The Stage 1 documents, by ID: every document that is not a process
/// definition, and every document or process that is evidence for an item
/// of `checklist` (EvaluateReadiness).
std::vector<Stage1Document> Stage1Documents(const Graph& graph,
                                            const std::vector<ReadinessItem>& checklist);

}  // namespace smsdoc
