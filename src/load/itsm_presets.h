#pragma once
#include <string>
#include <utility>
#include <vector>

namespace smsdoc {

/// What a preset says for one kind: column header by field (and the JSON
/// export's dotted path where it differs), and export values by field
/// (src/load/itsm_presets.yaml).
struct ItsmPreset {
  std::vector<std::pair<std::string, std::string>> columns;  ///< field -> header
  std::vector<std::pair<std::string, std::string>>
      json_columns;  ///< field -> JSON path, if not the header
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, std::string>>>> values;
};

/// The presets' names (servicenow, jira).
std::vector<std::string> ItsmPresetNames();
/// The kinds a preset covers.
std::vector<std::string> ItsmPresetKinds(const std::string& preset);
/// `preset`'s columns and values for `kind`, or nullptr.
const ItsmPreset* FindItsmPreset(const std::string& preset, const std::string& kind);

}  // namespace smsdoc
