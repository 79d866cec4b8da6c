#include "model/field_filter.h"

#include <algorithm>

#include "base/text.h"
#include "model/corpus.h"

namespace smsdoc {

bool MatchesFilter(const FieldFilter& filter, const Record& record) {
  for (const auto& condition : filter) {
    const std::vector<std::string>& values = condition.second;
    const FieldValue* f = record.Field(condition.first);
    if (!f) return false;
    auto in = [&](const std::string& v) {
      return std::find(values.begin(), values.end(), v) != values.end();
    };
    if (!in(f->text) && std::none_of(f->items.begin(), f->items.end(), in)) return false;
  }
  return true;
}

std::string FilterProblem(const KindSpec& kind, const FieldSpec& spec,
                          const std::vector<std::string>& values) {
  if (spec.type == FieldType::kId || spec.type == FieldType::kKind)
    return "'" + spec.name + "' is no field a record can be selected by";
  std::vector<std::string> allowed = spec.type == FieldType::kEnum     ? spec.values
                                     : spec.type == FieldType::kStatus ? kind.statuses
                                     : spec.type == FieldType::kBool
                                         ? std::vector<std::string>{"true", "false"}
                                         : std::vector<std::string>{};
  if (allowed.empty()) return "";
  for (const std::string& v : values)
    if (std::find(allowed.begin(), allowed.end(), v) == allowed.end())
      return "'" + spec.name + "' of kind '" + kind.name + "' is never '" + v + "'" +
             DidYouMean(v, allowed) + "; it takes " + Join(allowed, ", ");
  return "";
}

}  // namespace smsdoc
