#include "load/import_plan.h"

#include "base/text.h"
#include "load/itsm_presets.h"

namespace smsdoc {

namespace {

// The fields an export can fill: all but the kind and the computed ones.
bool Importable(const FieldSpec& f) { return f.type != FieldType::kKind && !IsComputed(f.type); }

std::vector<std::string> ImportableNames(const KindSpec& kind) {
  std::vector<std::string> names;
  for (const auto& f : kind.fields)
    if (Importable(f)) names.push_back(f.name);
  return names;
}

std::optional<ImportPlan> PlanOne(const ImportSpec& spec, const KindCatalogue& kinds,
                                  Diagnostics& diags) {
  ImportPlan plan;
  plan.spec = &spec;
  plan.kind = kinds.Find(spec.kind);
  if (!plan.kind) {
    if (!spec.kind.empty())
      diags.Error(
          kConfigFile, spec.kind_pos,
          "unknown kind '" + spec.kind + "' in an import" + DidYouMean(spec.kind, kinds.Names()),
          "import-mapping");
    return std::nullopt;
  }
  const ItsmPreset* preset = nullptr;
  if (!spec.preset.empty()) {
    preset = FindItsmPreset(spec.preset, spec.kind);
    if (!preset) {
      diags.Error(kConfigFile, spec.preset_pos,
                  "preset '" + spec.preset + "' has no columns for kind '" + spec.kind +
                      "'; it has: " + Join(ItsmPresetKinds(spec.preset), ", ") +
                      "; name the columns under 'columns:' instead",
                  "import-mapping");
      return std::nullopt;
    }
  }
  std::map<std::string, ImportPlan::Column> by_field;
  if (preset) {
    for (const auto& [field, header] : preset->columns) by_field[field].header = header;
    // JSON names what the CSV names, unless the preset says otherwise.
    for (auto& [field, column] : by_field) column.path = column.header;
    for (const auto& [field, path] : preset->json_columns) by_field[field].path = path;
    for (const auto& [field, values] : preset->values)
      for (const auto& [from, to] : values) by_field[field].values[from] = to;
  }
  bool ok = true;
  auto check_field = [&](const std::string& field, Pos pos) {
    const FieldSpec* f = plan.kind->Field(field);
    if (f && Importable(*f)) return true;
    diags.Error(kConfigFile, pos,
                "kind '" + spec.kind + "' has no field '" + field + "' to import" +
                    DidYouMean(field, ImportableNames(*plan.kind)),
                "import-mapping");
    return ok = false;
  };
  for (const auto& c : spec.columns)
    if (check_field(c.field, c.pos)) by_field[c.field].header = by_field[c.field].path = c.header;
  for (const auto& v : spec.values)
    if (check_field(v.field, v.pos))
      for (const auto& [from, to] : v.values) by_field[v.field].values[from] = to;
  for (const auto& f : plan.kind->fields) {
    auto it = by_field.find(f.name);
    bool has_column = it != by_field.end() && !it->second.header.empty();
    if (f.required && Importable(f) && !has_column) {
      diags.Error(kConfigFile, spec.pos,
                  "the import of '" + spec.files + "' reads no column for the required field '" +
                      f.name + "' of kind '" + spec.kind + "'; name it under 'columns:'",
                  "import-mapping");
      ok = false;
    }
    if (!has_column) continue;
    it->second.field = &f;
    plan.columns.push_back(std::move(it->second));
  }
  if (!ok) return std::nullopt;
  return plan;
}

}  // namespace

std::vector<ImportPlan> PlanImports(const Config& config, const KindCatalogue& kinds,
                                    Diagnostics& diags) {
  std::vector<ImportPlan> plans;
  for (const auto& spec : config.imports)
    if (auto plan = PlanOne(spec, kinds, diags)) plans.push_back(std::move(*plan));
  return plans;
}

}  // namespace smsdoc
