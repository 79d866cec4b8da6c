#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// What smsdoc.yaml's `rules:` name (docs/rules.md): a known kind, fields
/// of that kind (dates for a time limit), and a process or document that
/// exists; each problem at its position, with a suggestion.
void CheckRules(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
