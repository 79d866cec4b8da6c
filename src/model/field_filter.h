#pragma once
#include <string>
#include <utility>
#include <vector>

namespace smsdoc {

struct Record;

/// A `where:` filter over a record's fields (docs/rules.md), shared by
/// process rules and KPIs computed from records: field -> the values that
/// select a record.
using FieldFilter = std::vector<std::pair<std::string, std::vector<std::string>>>;

/// True when every field the filter names holds one of its values (a list
/// field when one of its items does); an empty filter selects every record.
bool MatchesFilter(const FieldFilter& filter, const Record& record);

}  // namespace smsdoc
