#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"
#include "model/analysis.h"
#include "model/build_info.h"
#include "model/output.h"
#include "render/theme.h"

namespace smsdoc {

/// The render stage: every page of the site, plus theme assets and copied
/// content files, as bytes in memory. Pages render on `jobs` threads; the
/// result is sorted by path and independent of the thread count.
OutputFiles RenderSite(const Graph& graph, const Analysis& analysis, const Theme& theme,
                       const BuildInfo& info, int jobs, Diagnostics& diags);

}  // namespace smsdoc
