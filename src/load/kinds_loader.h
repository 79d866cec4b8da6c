#pragma once
#include <string>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/kinds.h"

namespace smsdoc {

/// Reads a kinds schema; problems in it are reported against `path`.
KindCatalogue ParseKinds(const YamlNode& root, const std::string& path, Diagnostics& diags);

/// The kinds built into smsdoc (src/model/kinds.yaml).
const KindCatalogue& BuiltinKinds();

}  // namespace smsdoc
