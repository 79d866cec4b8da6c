#include "model/kinds.h"

#include <map>
#include <stdexcept>

#include "base/text.h"
#include "base/embedded.h"

namespace smsdoc {

namespace {

const std::map<std::string, FieldType>& TypeNames() {
  static const std::map<std::string, FieldType> kNames = {
      {"id", FieldType::kId},         {"kind", FieldType::kKind},
      {"status", FieldType::kStatus}, {"text", FieldType::kText},
      {"longtext", FieldType::kLongText}, {"integer", FieldType::kInteger},
      {"date", FieldType::kDate},     {"enum", FieldType::kEnum},
      {"role", FieldType::kRole},     {"ref", FieldType::kRef},
      {"refs", FieldType::kRefs},     {"list", FieldType::kList},
      {"clause", FieldType::kClause}, {"clauses", FieldType::kClauses},
  };
  return kNames;
}

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
  std::vector<std::string> type_names;
  for (const auto& [name, type] : TypeNames()) type_names.push_back(name);
  for (const auto& entry : fields->entries) {
    FieldSpec spec;
    spec.name = entry.key;
    const YamlNode& v = entry.value;
    const YamlNode* type = v.Find("type");
    std::string type_name = type ? type->scalar : "text";
    auto it = TypeNames().find(type_name);
    if (it == TypeNames().end()) {
      diags.Error(path, type ? type->pos : entry.key_pos,
                  "unknown field type '" + type_name + "'" +
                      DidYouMean(type_name, type_names),
                  "schema-type");
      continue;
    }
    spec.type = it->second;
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

std::string FieldTypeName(FieldType type) {
  for (const auto& [name, t] : TypeNames())
    if (t == type) return name;
  return "";
}

const FieldSpec* KindSpec::Field(const std::string& field_name) const {
  for (const auto& f : fields)
    if (f.name == field_name) return &f;
  return nullptr;
}

const KindSpec* KindCatalogue::Find(const std::string& name) const {
  for (const auto& k : kinds)
    if (k.name == name) return &k;
  return nullptr;
}

std::vector<std::string> KindCatalogue::Names() const {
  std::vector<std::string> out;
  for (const auto& k : kinds) out.push_back(k.name);
  return out;
}

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
