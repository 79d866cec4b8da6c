#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/body.h"

namespace smsdoc {

/// A document's Markdown body, waiting to be rendered.
struct PendingBody {
  std::string path;
  std::string markdown;
  int first_line = 1;  ///< file line of the body's first line
};

/// Renders every body (adapters/markdown) with its diagnostics, by index,
/// on `jobs` processes: cmark-gfm cannot parse on two threads at once, so
/// the load stage's threads leave their bodies to this. The same bodies
/// and diagnostics whatever `jobs` is. Call it with no other thread
/// rendering Markdown.
std::vector<Body> RenderBodies(const std::vector<PendingBody>& bodies, bool allow_raw_html,
                               int jobs, std::vector<Diagnostics>& diags);

}  // namespace smsdoc
