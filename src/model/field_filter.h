#pragma once
#include <string>
#include <utility>
#include <vector>

namespace smsdoc {

struct FieldSpec;
struct KindSpec;
struct Record;

/// A `where:` filter over a record's fields (docs/rules.md), shared by
/// process rules and KPIs computed from records: field -> the values that
/// select a record.
using FieldFilter = std::vector<std::pair<std::string, std::vector<std::string>>>;

/// True when every field the filter names holds one of its values (a list
/// field when one of its items does); an empty filter selects every record.
bool MatchesFilter(const FieldFilter& filter, const Record& record);

/// Why a filter on `spec`, a field of `kind`, can never select a record:
/// the ID or kind (not record fields), a value an enum or the status cannot
/// hold (with a suggestion), a yes/no field's value other than true or
/// false; "" when it can.
std::string FilterProblem(const KindSpec& kind, const FieldSpec& spec,
                          const std::vector<std::string>& values);

}  // namespace smsdoc
