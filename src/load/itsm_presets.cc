#include "load/itsm_presets.h"

#include <map>
#include <stdexcept>

#include "adapters/yaml.h"
#include "base/embedded.h"

namespace smsdoc {

namespace {

constexpr const char* kPresetsFile = "src/load/itsm_presets.yaml";

using Presets = std::map<std::string, std::map<std::string, ItsmPreset>>;

std::vector<std::pair<std::string, std::string>> Pairs(const YamlNode* map) {
  std::vector<std::pair<std::string, std::string>> out;
  if (map)
    for (const auto& e : map->entries) out.emplace_back(e.key, e.value.scalar);
  return out;
}

const Presets& AllPresets() {
  static const Presets presets = [] {
    Diagnostics diags;
    YamlNode root = ParseYaml(EmbeddedFile(kPresetsFile), kPresetsFile, 1, diags);
    // The file ships inside the binary; a unit test keeps it valid.
    if (diags.HasErrors() || !root.IsMap()) throw std::logic_error("bad itsm_presets.yaml");
    Presets out;
    for (const auto& tool : root.entries)
      for (const auto& kind : tool.value.entries) {
        ItsmPreset& p = out[tool.key][kind.key];
        p.columns = Pairs(kind.value.Find("columns"));
        p.json_columns = Pairs(kind.value.Find("json_columns"));
        if (const YamlNode* values = kind.value.Find("values"))
          for (const auto& e : values->entries) p.values.emplace_back(e.key, Pairs(&e.value));
      }
    return out;
  }();
  return presets;
}

}  // namespace

std::vector<std::string> ItsmPresetNames() {
  std::vector<std::string> names;
  for (const auto& [name, kinds] : AllPresets()) names.push_back(name);
  return names;
}

std::vector<std::string> ItsmPresetKinds(const std::string& preset) {
  std::vector<std::string> kinds;
  auto it = AllPresets().find(preset);
  if (it != AllPresets().end())
    for (const auto& [kind, p] : it->second) kinds.push_back(kind);
  return kinds;
}

const ItsmPreset* FindItsmPreset(const std::string& preset, const std::string& kind) {
  auto it = AllPresets().find(preset);
  if (it == AllPresets().end()) return nullptr;
  auto k = it->second.find(kind);
  return k == it->second.end() ? nullptr : &k->second;
}

}  // namespace smsdoc
