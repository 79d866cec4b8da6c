#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "load/markdown_bodies.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// The front matter fields smsdoc knows, a process's too for `is_process`.
std::vector<std::string> DocumentFieldNames(bool is_process);
/// The values `status` may take.
const std::vector<std::string>& DocumentStatuses();
/// The values `type` may take.
const std::vector<std::string>& DocumentTypes();
/// The values `classification` may take (who may read the document).
const std::vector<std::string>& DocumentClassifications();

/// Loads one Markdown document or process definition from its text.
/// Returns nullopt when the file is unusable (no front matter, bad YAML).
std::optional<Document> LoadDocument(const std::string& path, std::string_view text,
                                     bool is_process, const Config& config, Diagnostics& diags);

/// LoadDocument without its body, which is left in `body` to be rendered
/// with the others (RenderBodies) and then given to AttachBody.
std::optional<Document> LoadDocumentFields(const std::string& path, std::string_view text,
                                           bool is_process, const Config& config,
                                           Diagnostics& diags, PendingBody& body);

/// Gives `doc` its rendered body and the references of the body's links.
void AttachBody(Document& doc, Body body, Diagnostics& diags);

/// The references of the links of `body`, the body of file `path`: paths
/// made relative to the SMS root (errors for absolute ones and ones
/// leaving the root).
std::vector<Reference> BodyReferences(const std::string& path, const Body& body,
                                      Diagnostics& diags);

}  // namespace smsdoc
