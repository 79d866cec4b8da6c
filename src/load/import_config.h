#pragma once
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"
#include "model/imports.h"

namespace smsdoc {

/// Reads smsdoc.yaml's `imports:` (a list of {files, kind, preset,
/// columns, values}); the kinds and fields are checked later, against the
/// catalogue (load/import_plan.h).
std::vector<ImportSpec> ReadImports(const YamlNode& node, const Config& config, Diagnostics& diags);

}  // namespace smsdoc
