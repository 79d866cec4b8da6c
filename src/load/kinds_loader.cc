#include "load/kinds_loader.h"

#include <stdexcept>

#include "base/embedded.h"
#include "base/text.h"

namespace smsdoc {

namespace {

std::string DefaultLabel(const std::string& name) {
  std::string label = name;
  for (char& c : label)
    if (c == '_') c = ' ';
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
  return label;
}

std::vector<std::string> Strings(const YamlNode* node) {
  std::vector<std::string> out;
  if (node)
    for (const auto& item : node->items) out.push_back(item.scalar);
  return out;
}

std::vector<FieldSpec> ParseFields(const YamlNode* fields,
                                   const std::string& path,
                                   Diagnostics& diags) {
  std::vector<FieldSpec> out;
  if (!fields) return out;
  for (const auto& entry : fields->entries) {
    FieldSpec spec;
    spec.name = entry.key;
    const YamlNode& v = entry.value;
    const YamlNode* type = v.Find("type");
    std::string type_name = type ? type->scalar : "text";
    if (!FieldTypeFromName(type_name, spec.type)) {
      diags.Error(path, type ? type->pos : entry.key_pos,
                  "unknown field type '" + type_name + "'" +
                      DidYouMean(type_name, FieldTypeNames()),
                  "schema-type");
      continue;
    }
    const YamlNode* label = v.Find("label");
    spec.label = label ? label->scalar : DefaultLabel(spec.name);
    const YamlNode* required = v.Find("required");
    spec.required = required && required->scalar == "true";
    spec.values = Strings(v.Find("values"));
    if (const YamlNode* min = v.Find("min")) spec.min = std::stol(min->scalar);
    if (const YamlNode* max = v.Find("max")) spec.max = std::stol(max->scalar);
    if (const YamlNode* kind = v.Find("kind")) spec.ref_kind = kind->scalar;
    const YamlNode* last = v.Find("last");
    spec.last = last && last->scalar == "true";
    out.push_back(std::move(spec));
  }
  return out;
}

}  // namespace

KindCatalogue ParseKinds(const YamlNode& root, const std::string& path,
                         Diagnostics& diags) {
  KindCatalogue catalogue;
  std::vector<FieldSpec> common = ParseFields(root.Find("common"), path, diags);
  const YamlNode* kinds = root.Find("kinds");
  if (!kinds) return catalogue;
  for (const auto& entry : kinds->entries) {
    KindSpec kind;
    kind.name = entry.key;
    const YamlNode& v = entry.value;
    if (const YamlNode* t = v.Find("title")) kind.title = t->scalar;
    if (const YamlNode* c = v.Find("clause")) kind.clause = c->scalar;
    kind.statuses = Strings(v.Find("statuses"));
    kind.columns = Strings(v.Find("columns"));
    for (const auto& f : common)
      if (!f.last) kind.fields.push_back(f);
    for (auto& f : ParseFields(v.Find("fields"), path, diags))
      kind.fields.push_back(std::move(f));
    for (const auto& f : common)
      if (f.last) kind.fields.push_back(f);
    for (const auto& column : kind.columns) {
      if (!kind.Field(column))
        diags.Error(path, v.Find("columns")->pos,
                    "kind '" + kind.name + "' lists unknown column '" + column + "'",
                    "schema-column");
    }
    catalogue.kinds.push_back(std::move(kind));
  }
  return catalogue;
}

const KindCatalogue& BuiltinKinds() {
  static const KindCatalogue catalogue = [] {
    Diagnostics diags;
    YamlNode root = ParseYaml(EmbeddedFile("src/model/kinds.yaml"),
                              "src/model/kinds.yaml", 1, diags);
    KindCatalogue out = ParseKinds(root, "src/model/kinds.yaml", diags);
    // kinds.yaml ships inside the binary; a test keeps it valid.
    if (diags.HasErrors())
      throw std::logic_error(FormatDiagnostic(diags.items().front()));
    return out;
  }();
  return catalogue;
}

}  // namespace smsdoc
