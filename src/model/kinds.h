#pragma once
#include <climits>
#include <string>
#include <vector>


namespace smsdoc {

enum class FieldType {
  kId, kKind, kStatus,  // the common fields with their own rules
  kText, kLongText, kInteger, kDate, kEnum, kRole, kRef, kRefs, kList,
  kClause, kClauses,
};

/// One field of a record kind, read from kinds.yaml.
struct FieldSpec {
  std::string name;
  std::string label;
  FieldType type = FieldType::kText;
  bool required = false;
  std::vector<std::string> values;  ///< enum values
  long min = LONG_MIN, max = LONG_MAX;
  std::string ref_kind;  ///< for ref/refs: the kind the target must be
  bool last = false;     ///< a common field listed after the kind's own
};

/// The schema name of a field type ("date", "refs", ...).
std::string FieldTypeName(FieldType type);
/// The field type of a schema name; false when there is none.
bool FieldTypeFromName(const std::string& name, FieldType& type);
/// Every schema type name, for suggestions.
std::vector<std::string> FieldTypeNames();

/// A kind of record (risk, training, ...): its fields and listing columns.
struct KindSpec {
  std::string name;
  std::string title;
  std::string clause;
  std::vector<std::string> statuses;
  std::vector<std::string> columns;
  std::vector<FieldSpec> fields;  ///< common fields, the kind's, then `last` ones

  const FieldSpec* Field(const std::string& field_name) const;
};

struct KindCatalogue {
  std::vector<KindSpec> kinds;  ///< in kinds.yaml order
  const KindSpec* Find(const std::string& name) const;
  std::vector<std::string> Names() const;
};


}  // namespace smsdoc
