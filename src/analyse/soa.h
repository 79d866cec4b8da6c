#pragma once
#include <optional>
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"
#include "model/framework.h"

namespace smsdoc {

/// The control an SoA entry's `control` names ("iso27001:A.5.15" split), or
/// nullopt when it names no control an SoA lists (Framework::SoaControls).
std::optional<FrameworkRef> SoaControlOf(const Config& config, const Record& entry);

/// The documents in force that name `control` in their `controls`, by ID:
/// what implements it.
std::vector<int> ImplementingDocuments(const Graph& graph, const Analysis& analysis,
                                       const FrameworkRef& control);

/// The records (other than SoA entries) that name `control` in their
/// `controls`, by ID: its evidence.
std::vector<int> EvidenceRecords(const Graph& graph, const FrameworkRef& control);

/// SoA entry nodes in catalogue order (A.5.2 before A.5.10): by framework
/// in smsdoc.yaml's order, then by item; entries naming no control last, by
/// ID.
void SortByControl(const Graph& graph, std::vector<int>& nodes);

}  // namespace smsdoc
