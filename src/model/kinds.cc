#include "model/kinds.h"

#include <map>

namespace smsdoc {

namespace {

const std::map<std::string, FieldType>& TypeNames() {
  static const std::map<std::string, FieldType> kNames = {
      {"id", FieldType::kId},
      {"kind", FieldType::kKind},
      {"status", FieldType::kStatus},
      {"text", FieldType::kText},
      {"longtext", FieldType::kLongText},
      {"integer", FieldType::kInteger},
      {"number", FieldType::kNumber},
      {"date", FieldType::kDate},
      {"bool", FieldType::kBool},
      {"enum", FieldType::kEnum},
      {"role", FieldType::kRole},
      {"roles", FieldType::kRoles},
      {"ref", FieldType::kRef},
      {"refs", FieldType::kRefs},
      {"list", FieldType::kList},
      {"clause", FieldType::kClause},
      {"clauses", FieldType::kClauses},
      {"controls", FieldType::kControls},
      {"score", FieldType::kScore},
      {"level", FieldType::kLevel},
      {"exceeds", FieldType::kExceeds},
      {"lookup", FieldType::kLookup},
  };
  return kNames;
}

}  // namespace

std::string FieldTypeName(FieldType type) {
  for (const auto& [name, t] : TypeNames())
    if (t == type) return name;
  return "";
}

bool FieldTypeFromName(const std::string& name, FieldType& type) {
  auto it = TypeNames().find(name);
  if (it == TypeNames().end()) return false;
  type = it->second;
  return true;
}

std::vector<std::string> FieldTypeNames() {
  std::vector<std::string> out;
  for (const auto& [name, type] : TypeNames())
    if (type != FieldType::kId && type != FieldType::kKind && type != FieldType::kStatus)
      out.push_back(name);
  return out;
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

}  // namespace smsdoc
