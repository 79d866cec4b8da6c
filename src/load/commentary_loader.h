#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "load/markdown_bodies.h"
#include "model/corpus.h"

namespace smsdoc {

/// Loads a service report's commentary, `path` in the `service_reports`
/// folder `folder`: its period and service slug from the path
/// FOLDER/PERIOD/SERVICE.md, its Markdown left in `body` to be rendered
/// with the others (RenderBodies) and then given to AttachCommentaryBody.
/// Nullopt, with an error, when the path has another shape or the file
/// starts with front matter (the path says all a commentary needs).
std::optional<Commentary> LoadCommentary(const std::string& path, const std::string& folder,
                                         std::string_view text, Diagnostics& diags,
                                         PendingBody& body);

/// Gives `commentary` its rendered body and the references of its links.
void AttachCommentaryBody(Commentary& commentary, Body body, Diagnostics& diags);

}  // namespace smsdoc
