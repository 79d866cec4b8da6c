#include "check/register_rules.h"

#include <algorithm>

#include "base/dates.h"

namespace smsdoc {

bool RegisterRules::IsDone(const Record& record) {
  const auto& done = record.kind->done;
  return std::find(done.begin(), done.end(), record.status) != done.end();
}

std::string RegisterRules::expiring_until() const { return AddDays(as_of_, kExpiringDays); }

std::string RegisterRules::DateState(const Record& record, const FieldSpec& spec,
                                     const std::string& date) const {
  if (date.empty() || as_of_.empty()) return "";
  // ISO dates compare as text.
  if (spec.overdue && date < as_of_ && !IsDone(record)) return "overdue";
  if (spec.expiry) {
    if (date < as_of_) return "expired";
    if (date < expiring_until()) return "expiring";
  }
  return "";
}

const ScoreBand* RegisterRules::Band(const FieldSpec& spec, const std::string& value) const {
  if (value.empty()) return nullptr;
  if (spec.type == FieldType::kScore) return scoring_.BandOf(std::stol(value));
  if (spec.type == FieldType::kLevel)
    for (const auto& band : scoring_.bands)
      if (band.name == value) return &band;
  return nullptr;
}

}  // namespace smsdoc
