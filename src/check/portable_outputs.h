#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// Every name the site will hold (pages of records and documents, register
/// pages, copied files, smsdoc's own pages) must be one that Windows and
/// macOS can hold, and no two may be one file there (docs/security.md).
/// Names from record IDs and kind names are judged here, at the ID; source
/// paths were judged by the loader, so clashes it reported are not repeated.
void CheckPortableOutputs(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
