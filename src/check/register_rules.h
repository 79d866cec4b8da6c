#pragma once
#include <string>

#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// What the build knows beyond the SMS files: the date registers are
/// judged against, and where the SMS came from.
struct BuildInfo {
  std::string as_of;     ///< YYYY-MM-DD
  std::string revision;  ///< source commit, "" outside git
  std::string version;   ///< smsdoc's
};

/// How a register colours values: risk bands, and dates that are overdue,
/// expired or expiring as of the build's date. One place for the rules, so
/// the site pages and the workbooks agree.
class RegisterRules {
 public:
  static constexpr int kExpiringDays = 60;
  static constexpr const char* kLate = "#FFC7CE";  ///< overdue, expired
  static constexpr const char* kSoon = "#FFEB9C";  ///< expiring

  RegisterRules(const RiskScoring& scoring, std::string as_of)
      : scoring_(scoring), as_of_(std::move(as_of)) {}

  /// "overdue", "expired", "expiring" or "" for a date field of a record.
  std::string DateState(const Record& record, const FieldSpec& spec,
                        const std::string& date) const;
  /// The band of a score or level field's value, or nullptr.
  const ScoreBand* Band(const FieldSpec& spec, const std::string& value) const;
  /// True when the record's status is one of its kind's finished ones.
  static bool IsDone(const Record& record);

  const RiskScoring& scoring() const { return scoring_; }
  std::string expiring_until() const;

 private:
  const RiskScoring& scoring_;
  std::string as_of_;
};

}  // namespace smsdoc
