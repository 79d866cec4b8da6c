#include "model/field_filter.h"

#include <algorithm>

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

}  // namespace smsdoc
