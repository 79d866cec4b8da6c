#pragma once
#include <string>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"

namespace smsdoc {

/// Reads smsdoc.yaml; unknown keys and bad values go to `diags`.
Config ParseConfig(const YamlNode& root, Diagnostics& diags);

/// The top-level keys smsdoc.yaml may hold, and those of its `folders:`.
const std::vector<std::string>& ConfigKeys();
const std::vector<std::string>& FolderKeys();
/// The values `unknown_fields:` may take: error, warn, keep.
const std::vector<std::string>& UnknownFieldsModes();
/// The values `audit: purpose:` may take.
const std::vector<std::string>& AuditPurposes();

}  // namespace smsdoc
