#include "base/dates.h"

#include <cstdio>
#include <vector>

#include "base/text.h"

namespace smsdoc {

namespace {
int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}
// The numbers of "1/2/2026"-like text split at one kind of separator.
std::vector<int> DateParts(std::string_view text) {
  std::vector<int> parts;
  char sep = 0;
  int value = -1, digits = 0;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      if (++digits > 4) return {};
      value = (value < 0 ? 0 : value * 10) + (c - '0');
    } else if ((c == '-' || c == '/' || c == '.') && value >= 0 && (!sep || c == sep)) {
      sep = c;
      parts.push_back(value);
      value = -1, digits = 0;
    } else {
      return {};
    }
  }
  if (value < 0) return {};
  parts.push_back(value);
  return parts.size() == 3 ? parts : std::vector<int>{};
}
}  // namespace

std::string DateHint(std::string_view text) {
  std::vector<int> p = DateParts(text);
  if (p.empty()) return "";
  Date d;
  if (p[0] >= 1000) {
    d = {p[0], p[1], p[2]};  // year first: 2026-1-5, 2026/01/05
  } else if (p[2] >= 1000 && (p[0] > 12 || p[0] == p[1])) {
    d = {p[2], p[1], p[0]};  // day first, unambiguously: 21/11/2026
  } else if (p[2] >= 1000 && p[1] > 12) {
    d = {p[2], p[0], p[1]};  // month first, unambiguously: 11/21/2026
  } else if (p[2] >= 1000 && p[0] >= 1 && p[1] >= 1) {
    // 05/11/2026: the 5th of November or May the 11th? Offer both.
    std::string day_first = FormatDate({p[2], p[1], p[0]});
    std::string month_first = FormatDate({p[2], p[0], p[1]});
    return std::string(" (did you mean '")
        .append(day_first)
        .append("' or '")
        .append(month_first)
        .append("'?)");
  } else {
    return "";
  }
  if (d.month < 1 || d.month > 12)
    return std::string(" (there is no month ").append(std::to_string(d.month)).append(")");
  if (d.day < 1 || d.day > DaysInMonth(d.year, d.month)) {
    char month[24];  // room for any int year: GCC checks snprintf truncation
    std::snprintf(month, sizeof month, "%04d-%02d", d.year, d.month);
    return std::string(" (") + month + " has " + std::to_string(DaysInMonth(d.year, d.month)) +
           " days)";
  }
  std::string iso = FormatDate(d);
  return iso == text ? "" : std::string(" (did you mean '").append(iso).append("'?)");
}

std::optional<Date> ParseDate(std::string_view text) {
  if (!IsValidDate(text)) return std::nullopt;
  return Date{std::stoi(std::string(text.substr(0, 4))), std::stoi(std::string(text.substr(5, 2))),
              std::stoi(std::string(text.substr(8, 2)))};
}

std::string FormatDate(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// Howard Hinnant's days_from_civil and civil_from_days.
long DaysSinceEpoch(const Date& d) {
  int y = d.year - (d.month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date DateFromDays(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(y + (m <= 2)), m, d};
}

namespace {
// Only four-digit years have a YYYY-MM-DD form: "10000-12-31" would sort
// before "2026-01-01" as text.
bool InRange(const Date& d) { return d.year >= 0 && d.year <= 9999; }
}  // namespace

std::optional<std::string> AddDays(const std::string& date, long days) {
  auto d = ParseDate(date);
  if (!d) return std::nullopt;
  Date out = DateFromDays(DaysSinceEpoch(*d) + days);
  return InRange(out) ? std::optional(FormatDate(out)) : std::nullopt;
}

std::optional<std::string> AddMonths(const std::string& date, int months) {
  auto d = ParseDate(date);
  if (!d) return std::nullopt;
  long index = d->year * 12L + (d->month - 1) + months;
  if (index < 0 || index >= 10000 * 12L) return std::nullopt;
  Date out{static_cast<int>(index / 12), static_cast<int>(index % 12) + 1, 0};
  out.day = std::min(d->day, DaysInMonth(out.year, out.month));
  return FormatDate(out);
}

}  // namespace smsdoc
