#pragma once
#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"

namespace smsdoc {

/// Reads smsdoc.yaml; unknown keys and bad values go to `diags`.
Config ParseConfig(const YamlNode& root, Diagnostics& diags);

}  // namespace smsdoc
