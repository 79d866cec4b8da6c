#pragma once
#include <optional>
#include <string>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/config.h"
#include "model/framework.h"

namespace smsdoc {

/// Reads a framework catalogue (docs/frameworks.md): every problem goes to
/// `diags` with its position; nullopt when the file is no usable catalogue.
std::optional<Framework> ParseFramework(const YamlNode& root, const std::string& path,
                                        Diagnostics& diags);

/// Reads a mapping file between two of `frameworks`.
std::optional<Mapping> ParseMapping(const YamlNode& root, const std::string& path,
                                    const std::vector<Framework>& frameworks, Diagnostics& diags);

/// The catalogues compiled into smsdoc, by ID, and their IDs.
const Framework* BuiltinFramework(std::string_view id);
std::vector<std::string> BuiltinFrameworkIds();
/// The built-in mappings' names ("iso20000-1-iso27001").
std::vector<std::string> BuiltinMappingNames();

/// Fills config.frameworks (ISO/IEC 20000-1 first, then smsdoc.yaml's
/// `frameworks:` in order) and config.mappings from built-in names and
/// files, and checks `primary:`.
void LoadFrameworks(const Disk& disk, Config& config, Diagnostics& diags);

/// The framework with ID `id` among config.frameworks, or nullptr.
const Framework* FindFramework(const Config& config, std::string_view id);

}  // namespace smsdoc
