#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/dates.h"
#include "model/measurement.h"

namespace smsdoc {

/// Periods as consecutive numbers, so that the next period is one more:
/// months since year 0 (monthly), quarters (quarterly), years (yearly).
/// `text` is the frequency's form (YYYY-MM, YYYY-Qn, YYYY) or a date
/// YYYY-MM-DD, which counts in the period it falls in; nullopt otherwise.
std::optional<int> PeriodIndex(std::string_view text, Frequency frequency);
/// The period a date falls in.
int PeriodOfDate(const Date& date, Frequency frequency);
/// The period's name in the frequency's form: "2026-03", "2026-Q1", "2026".
std::string PeriodName(int index, Frequency frequency);
/// The last day of a period (YYYY-MM, YYYY-Qn, YYYY, or a date: itself),
/// "" when it is none of these.
std::string PeriodEnd(std::string_view period);
/// The latest period ended by `date`: the one it falls in when it is that
/// period's last day, else the one before.
int LastEndedPeriod(const Date& date, Frequency frequency);
/// The form a period of `frequency` takes, for messages: "YYYY-MM".
const char* PeriodForm(Frequency frequency);

/// How `value` stands against the KPI's target: met on the target or the
/// better side of it, near between the target and the warning threshold
/// (inclusive), else missed.
KpiState JudgeValue(const Kpi& kpi, double value);
/// "met", "near" or "missed": CSS classes, JSON and CSV words.
const char* KpiStateName(KpiState state);

}  // namespace smsdoc
