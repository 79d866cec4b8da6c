#pragma once
#include <functional>

#include "base/diagnostics.h"
#include "link/graph.h"
#include "model/analysis.h"
#include "model/build_info.h"
#include "model/output.h"
#include "render/theme.h"

namespace smsdoc {

/// Takes one file of the site; false stops the rendering (a failed write).
using FileSink = std::function<bool(const OutputFile&)>;

/// The render stage: every page of the site, the register workbooks, theme
/// assets and copied content files, each handed to `sink` as soon as it is
/// made (pages on `jobs` threads, so `sink` must be thread-safe), then
/// dropped: memory holds a few pages at a time. The first template error
/// stops the rest (two outputs on one path are the check stage's
/// `output-clash`, found before rendering).
void RenderSite(const Graph& graph, const Analysis& analysis, const Theme& theme,
                const BuildInfo& info, int jobs, Diagnostics& diags, const FileSink& sink);

/// The same files in memory, sorted by path: for tests.
OutputFiles RenderSite(const Graph& graph, const Analysis& analysis, const Theme& theme,
                       const BuildInfo& info, int jobs, Diagnostics& diags);

}  // namespace smsdoc
