#include "analyse/register_rules.h"

#include <algorithm>

#include "base/dates.h"

namespace smsdoc {

bool RegisterRules::IsDone(const Record& record) {
  const auto& done = record.kind->done;
  return std::find(done.begin(), done.end(), record.status) != done.end();
}

const std::vector<std::string>& RegisterRules::DoneFor(const KindSpec& kind,
                                                       const FieldSpec& spec) {
  return spec.done.empty() ? kind.done : spec.done;
}

std::optional<std::string> RegisterRules::expiring_until() const {
  return AddDays(as_of_, kExpiringDays);
}

DateState RegisterRules::StateOf(const Record& record, const FieldSpec& spec,
                                 const std::string& date) const {
  if (date.empty() || as_of_.empty()) return DateState::kNone;
  // ISO dates compare as text.
  const auto& done = DoneFor(*record.kind, spec);
  bool is_done = std::find(done.begin(), done.end(), record.status) != done.end();
  if (spec.overdue && date < as_of_ && !is_done) return DateState::kOverdue;
  // An expiry stays live unless the field names statuses that end it (a
  // training marked expired has been dealt with: its date is history).
  if (spec.expiry && !(is_done && !spec.done.empty())) {
    if (date < as_of_) return DateState::kExpired;
    if (auto until = expiring_until(); !until || date < *until) return DateState::kExpiring;
  }
  return DateState::kNone;
}

const ScoreBand* RegisterRules::Band(const FieldSpec& spec, const std::string& value) const {
  if (value.empty()) return nullptr;
  if (spec.type == FieldType::kScore) return scoring_.BandOf(std::stol(value));
  if (spec.type == FieldType::kLevel)
    for (const auto& band : scoring_.bands)
      if (band.name == value) return &band;
  return nullptr;
}

const char* DateStateName(DateState state) {
  switch (state) {
    case DateState::kNone: return "";
    case DateState::kOverdue: return "overdue";
    case DateState::kExpired: return "expired";
    case DateState::kExpiring: return "expiring";
  }
  return "";
}

}  // namespace smsdoc
