#pragma once
#include <string>

#include "base/diagnostics.h"
#include "check/changes.h"
#include "model/output.h"
#include "render/theme.h"

namespace smsdoc {

/// The two ends of a comparison, as shown: "stage2-2025 (main@1a2b3c4d5e6f)".
struct ChangesRange {
  std::string from, to;
  size_t commits = 0;
};

/// The "changes since" page (template `changes`, a page of its own
/// outside the site's layout) and the theme's assets it uses.
OutputFiles RenderChanges(const Changes& changes, const ChangesRange& range, const Theme& theme,
                          Diagnostics& diags);

}  // namespace smsdoc
