#pragma once
#include <string>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/kinds.h"

namespace smsdoc {

/// Puts a translation table's titles and labels on the built-in kinds of
/// `catalogue` (`common: {field: label}`, `kinds: {kind: {title, fields:
/// {field: label}}}`, see src/model/kinds.de.yaml). Every kind and field
/// needs an entry (a kind's own, else common's for a common field), so no
/// built-in word stays English; `common:` needs every common field, since
/// kinds an SMS defines take theirs from there. An entry naming no kind or
/// field is an error too, as is a label twice in one kind (an Excel Table
/// needs unique column names, and formulas name the columns by label).
void TranslateKinds(KindCatalogue& catalogue, const YamlNode& table, const std::string& path,
                    Diagnostics& diags);

/// The built-in kinds in `language`: src/model/kinds.<language>.yaml put on
/// them, or the English ones when smsdoc has no such table. Done before
/// smsdoc.yaml's `kinds:` extend them, so an SMS's own titles and labels
/// stay as written.
KindCatalogue BuiltinKindsIn(const std::string& language);

}  // namespace smsdoc
