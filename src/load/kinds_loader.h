#pragma once
#include <string>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"
#include "model/kinds.h"

namespace smsdoc {

/// Reads a kinds schema (`common:` and `kinds:`); problems are reported
/// against `path`.
KindCatalogue ParseKinds(const YamlNode& root, const std::string& path, Diagnostics& diags);

/// Adds the `kinds:` of smsdoc.yaml to `catalogue`: new fields for a
/// built-in kind (and optionally its title, statuses or columns), or whole
/// new kinds.
void ExtendKinds(KindCatalogue& catalogue, const YamlNode& kinds, const Config& config,
                 Diagnostics& diags);

/// The field types a document field may have: a record field's, without
/// the computed ones.
std::vector<std::string> DocumentFieldTypeNames();

/// Reads smsdoc.yaml's `document_fields:`, declared as a kind's `fields:`
/// are; a name that is a built-in front matter field is an error.
std::vector<FieldSpec> ParseDocumentFields(const YamlNode& node, const Config& config,
                                           Diagnostics& diags);

/// The field keys a kind's field definition may hold, and a document
/// field's (for `smsdoc schema`).
const std::vector<std::string>& FieldDefinitionKeys(bool document_field);
/// The keys a kind definition may hold.
const std::vector<std::string>& KindDefinitionKeys();

/// The kinds built into smsdoc (src/model/kinds.yaml).
const KindCatalogue& BuiltinKinds();

}  // namespace smsdoc
