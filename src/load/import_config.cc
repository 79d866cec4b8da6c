#include "load/import_config.h"

#include "load/field_reader.h"
#include "load/itsm_presets.h"

namespace smsdoc {

namespace {

bool IsScalarMap(const YamlNode* node, const std::string& what, Diagnostics& diags) {
  if (!node) return false;
  bool ok = node->IsMap();
  for (const auto& e : node->entries) ok &= e.value.IsScalar();
  if (!ok)
    diags.Error(kConfigFile, node->pos, "'" + what + "' must map names to text", "config-type");
  return ok;
}

ImportSpec ReadOne(const YamlNode& node, const Config& config, Diagnostics& diags) {
  ImportSpec spec;
  spec.pos = node.pos;
  FieldReader reader(node, node.pos, kConfigFile, config, diags);
  reader.RejectUnknown({"files", "kind", "preset", "columns", "values"});
  spec.files = reader.Text("files", true);
  spec.files_pos = reader.PosOf("files");
  spec.kind = reader.Text("kind", true);
  spec.kind_pos = reader.PosOf("kind");
  spec.preset = reader.Enum("preset", false, ItsmPresetNames());
  spec.preset_pos = reader.PosOf("preset");
  if (const YamlNode* columns = node.Find("columns"); IsScalarMap(columns, "columns", diags))
    for (const auto& e : columns->entries)
      spec.columns.push_back({e.key, e.value.scalar, e.key_pos});
  if (const YamlNode* values = node.Find("values"); values && !values->IsMap()) {
    diags.Error(kConfigFile, values->pos,
                "'values' must map fields to {export value: smsdoc value}", "config-type");
  } else if (values) {
    for (const auto& e : values->entries) {
      if (!IsScalarMap(&e.value, "values: " + e.key, diags)) continue;
      ImportSpec::ValueMap map{e.key, {}, e.key_pos};
      for (const auto& v : e.value.entries) map.values.emplace_back(v.key, v.value.scalar);
      spec.values.push_back(std::move(map));
    }
  }
  return spec;
}

}  // namespace

std::vector<ImportSpec> ReadImports(const YamlNode& node, const Config& config,
                                    Diagnostics& diags) {
  std::vector<ImportSpec> out;
  if (node.IsNull()) return out;
  if (!node.IsSequence()) {
    diags.Error(kConfigFile, node.pos,
                "'imports' must be a list of {files, kind, preset, columns, values}",
                "config-type");
    return out;
  }
  for (const auto& item : node.items) {
    if (!item.IsMap()) {
      diags.Error(kConfigFile, item.pos, "an import must be a mapping with 'files' and 'kind'",
                  "config-type");
      continue;
    }
    out.push_back(ReadOne(item, config, diags));
  }
  return out;
}

}  // namespace smsdoc
