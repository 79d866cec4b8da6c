#pragma once
#include <string>

#include "adapters/yaml.h"
#include "import/mapping.h"
#include "model/config.h"

namespace smsdoc {

/// A source value made into one smsdoc field's YAML, or why it cannot be.
struct ConvertedValue {
  std::string yaml;   ///< as written after "field: "; "" when refused
  std::string plain;  ///< the value itself, for the report
  std::string note;   ///< how it changed ("mapped from 'published'"), or why refused
};

/// One source value for `field`: `values:` applied, then checked the way
/// the loader checks that field (an enum value, a role of smsdoc.yaml after
/// `owners:`, a date (a date-time is cut to its date), 1..60 months, an ID
/// (made ASCII if need be), one text, or a list for clauses and related).
/// A value the loader would refuse is refused here, so an import checks
/// clean; clause numbers are left to `smsdoc check`.
ConvertedValue ConvertValue(const std::string& field, const YamlNode& value,
                            const ImportMapping& mapping, const Config& config);

/// A value on one line for the report: scalars as they are, lists as
/// [a, b], mappings as {k: v}.
std::string ShowYaml(const YamlNode& node);

}  // namespace smsdoc
