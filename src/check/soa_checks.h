#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// The Statement of Applicability (kind `applicability`, docs/frameworks.md):
/// each entry names a control once, with the catalogue's title, a
/// justification when excluded and an implementation state when applicable;
/// a framework with any entry has one for every control.
void CheckSoa(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
