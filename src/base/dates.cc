#include "base/dates.h"

#include <cstdio>

#include "base/text.h"

namespace smsdoc {

namespace {
int DaysInMonth(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return kDays[month - 1] + (month == 2 && leap ? 1 : 0);
}
}  // namespace

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

std::string AddDays(const std::string& date, long days) {
  auto d = ParseDate(date);
  return d ? FormatDate(DateFromDays(DaysSinceEpoch(*d) + days)) : "";
}

std::string AddMonths(const std::string& date, int months) {
  auto d = ParseDate(date);
  if (!d) return "";
  int index = d->year * 12 + (d->month - 1) + months;
  Date out{index / 12, index % 12 + 1, 0};
  out.day = std::min(d->day, DaysInMonth(out.year, out.month));
  return FormatDate(out);
}

}  // namespace smsdoc
