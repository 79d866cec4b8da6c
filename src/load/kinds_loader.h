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

/// The kinds built into smsdoc (src/model/kinds.yaml).
const KindCatalogue& BuiltinKinds();

}  // namespace smsdoc
