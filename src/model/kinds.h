#pragma once
#include <climits>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

enum class FieldType {
  kId,
  kKind,
  kStatus,  // the common fields with their own rules
  kText,
  kLongText,
  kInteger,
  kNumber,
  kDate,
  kBool,
  kEnum,
  kRole,
  kRoles,
  kRef,
  kRefs,
  kList,
  kClause,
  kClauses,
  kControls,  ///< {framework: [numbers]}, kept as "framework:number"
  kScore,
  kLevel,
  kExceeds,  // computed, never written in a record
  kLookup,   // shown from the record a ref field names (a training's person)
};

/// True for the types smsdoc computes.
inline bool IsComputed(FieldType t) {
  return t == FieldType::kScore || t == FieldType::kLevel || t == FieldType::kExceeds ||
         t == FieldType::kLookup;
}

/// One field of a record kind, read from kinds.yaml.
struct FieldSpec {
  std::string name;
  std::string label;
  std::string description;  ///< for editors (`smsdoc schema`); optional
  FieldType type = FieldType::kText;
  bool required = false;
  std::vector<std::string> values;  ///< enum values
  long min = LONG_MIN, max = LONG_MAX;
  std::string ref_kind;         ///< for ref/refs: the kind the target must be
  std::string scale;            ///< integer on a risk_scoring scale ("likelihood")
  std::vector<std::string> of;  ///< computed from these fields
  std::string lookup;           ///< lookup: the field of the record `of` names
  bool last = false;            ///< a common field listed after the kind's own
  bool overdue = false;         ///< date: late when past the as-of date and not done
  /// The statuses that end this date's obligation: for an overdue date when
  /// not the kind's `done` (an accepted risk still has reviews due), for an
  /// expiry date the statuses that make it history (a training marked expired)
  std::vector<std::string> done;
  bool expiry = false;  ///< date: expired when past, expiring within 60 days
};

/// The schema name of a field type ("date", "refs", ...).
std::string FieldTypeName(FieldType type);
/// The field type of a schema name; false when there is none.
bool FieldTypeFromName(const std::string& name, FieldType& type);
/// The type names a schema may use (not the common fields' own id, kind
/// and status).
std::vector<std::string> FieldTypeNames();

/// A kind of record (risk, training, ...): its fields and listing columns.
struct KindSpec {
  std::string name;
  Pos name_pos;  ///< in smsdoc.yaml; line 0 for a built-in kind
  std::string title;
  std::string clause;
  std::vector<std::string> statuses;
  std::vector<std::string> done;  ///< statuses in which nothing is overdue
  std::vector<std::string> columns;
  std::vector<FieldSpec> fields;  ///< common fields, the kind's, then `last` ones

  const FieldSpec* Field(const std::string& field_name) const;
};

struct KindCatalogue {
  std::vector<FieldSpec> common;  ///< fields every kind has
  std::vector<KindSpec> kinds;    ///< built-in kinds in kinds.yaml order, then the SMS's
  const KindSpec* Find(const std::string& name) const;
  std::vector<std::string> Names() const;
};

}  // namespace smsdoc
