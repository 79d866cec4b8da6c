#pragma once
#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"

namespace smsdoc {

/// The keys of a rule under `rules:` in smsdoc.yaml (and of its `within:`).
const std::vector<std::string>& RuleKeys();
const std::vector<std::string>& WithinKeys();

/// Reads `rules:` (rule ID -> definition) into config.rules, reporting
/// every malformed one at its position. Which kinds, fields and documents
/// a rule names is checked once they are loaded (check/rule_checks).
void ReadRules(const YamlNode& node, Config& config, Diagnostics& diags);

}  // namespace smsdoc
