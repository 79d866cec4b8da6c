#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace smsdoc {

/// A calendar date; dates in smsdoc are ISO strings "YYYY-MM-DD" elsewhere.
struct Date {
  int year = 0, month = 0, day = 0;
};

/// The date of a valid "YYYY-MM-DD", else nullopt.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(const Date& date);

/// Why `text` is not a valid "YYYY-MM-DD", as a parenthesised hint for a
/// message, or "": " (did you mean '2026-11-21'?)" for 21/11/2026 or
/// 2026-1-5, both readings for 05/11/2026, " (2026-02 has 28 days)" for
/// 2026-02-30.
std::string DateHint(std::string_view text);

/// Days since 1970-01-01 (negative before), for arithmetic and comparison.
long DaysSinceEpoch(const Date& date);
Date DateFromDays(long days);

/// The last date with a four-digit year: later dates cannot be written
/// YYYY-MM-DD (nor held by Excel), so arithmetic never produces them.
inline constexpr const char* kLastDate = "9999-12-31";

/// `date` plus `days`, or nullopt when `date` is not a date or the result
/// falls outside 0000-01-01..9999-12-31.
std::optional<std::string> AddDays(const std::string& date, long days);
/// Adds months, clamping the day to the month's end (Jan 31 + 1 = Feb 28);
/// nullopt as for AddDays.
std::optional<std::string> AddMonths(const std::string& date, int months);

}  // namespace smsdoc
