#pragma once
#include <optional>
#include <string>

#include "model/analysis.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// How a register judges values: risk bands, and dates that are overdue,
/// expired or expiring as of the build's date. One place for the rules:
/// the analysis applies them once; the workbooks' conditional formats
/// express the same rules as formulas.
class RegisterRules {
 public:
  static constexpr const char* kLate = "#FFC7CE";  ///< overdue, expired
  static constexpr const char* kSoon = "#FFEB9C";  ///< expiring

  RegisterRules(const RiskScoring& scoring, std::string as_of)
      : scoring_(scoring), as_of_(std::move(as_of)) {}

  /// The state of a date field of a record.
  DateState StateOf(const Record& record, const FieldSpec& spec, const std::string& date) const;
  /// The band of a score or level field's value, or nullptr.
  const ScoreBand* Band(const FieldSpec& spec, const std::string& value) const;
  /// True when the record's status is one of its kind's finished ones.
  static bool IsDone(const Record& record);
  /// The statuses that end a date's obligation: the field's `done`, else
  /// for an overdue date the kind's (an accepted risk still has reviews
  /// due); an expiry date ends only by its field's `done`.
  static const std::vector<std::string>& DoneFor(const KindSpec& kind, const FieldSpec& spec);

  const RiskScoring& scoring() const { return scoring_; }
  /// The end of the expiring window (exclusive), or nullopt when it runs
  /// past kLastDate: then every later date is within it.
  std::optional<std::string> expiring_until() const;

 private:
  const RiskScoring& scoring_;
  std::string as_of_;
};

/// "overdue", "expired", "expiring" or "".
const char* DateStateName(DateState state);

}  // namespace smsdoc
