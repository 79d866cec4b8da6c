#include "analyse/kpi_periods.h"

#include <cctype>

namespace smsdoc {

namespace {

// Digits only, all of them; -1 otherwise.
int Digits(std::string_view s) {
  if (s.empty()) return -1;
  int n = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
    n = n * 10 + (c - '0');
  }
  return n;
}

}  // namespace

int PeriodOfDate(const Date& date, Frequency frequency) {
  switch (frequency) {
    case Frequency::kMonthly: return date.year * 12 + date.month - 1;
    case Frequency::kQuarterly: return date.year * 4 + (date.month - 1) / 3;
    case Frequency::kYearly: return date.year;
  }
  return 0;
}

std::optional<int> PeriodIndex(std::string_view text, Frequency frequency) {
  if (std::optional<Date> date = ParseDate(text)) return PeriodOfDate(*date, frequency);
  if (text.size() < 4 || Digits(text.substr(0, 4)) < 0) return std::nullopt;
  int year = Digits(text.substr(0, 4));
  std::string_view rest = text.substr(4);
  switch (frequency) {
    case Frequency::kMonthly: {
      if (rest.size() != 3 || rest[0] != '-') return std::nullopt;
      int month = Digits(rest.substr(1));
      if (month < 1 || month > 12) return std::nullopt;
      return year * 12 + month - 1;
    }
    case Frequency::kQuarterly: {
      if (rest.size() != 3 || rest[0] != '-' || rest[1] != 'Q') return std::nullopt;
      int quarter = Digits(rest.substr(2));
      if (quarter < 1 || quarter > 4) return std::nullopt;
      return year * 4 + quarter - 1;
    }
    case Frequency::kYearly:
      if (!rest.empty()) return std::nullopt;
      return year;
  }
  return std::nullopt;
}

std::string PeriodName(int index, Frequency frequency) {
  auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
  auto year = [](int y) {
    std::string s = std::to_string(y);
    return std::string(s.size() < 4 ? 4 - s.size() : 0, '0') + s;
  };
  switch (frequency) {
    case Frequency::kMonthly: return year(index / 12) + "-" + two(index % 12 + 1);
    case Frequency::kQuarterly: return year(index / 4) + "-Q" + std::to_string(index % 4 + 1);
    case Frequency::kYearly: return year(index);
  }
  return "";
}

std::string PeriodEnd(std::string_view period) {
  if (ParseDate(period)) return std::string(period);
  for (Frequency f : {Frequency::kMonthly, Frequency::kQuarterly, Frequency::kYearly}) {
    std::optional<int> index = PeriodIndex(period, f);
    if (!index) continue;
    // The day before the next period's first.
    int next = *index + 1;
    Date first = f == Frequency::kMonthly     ? Date{next / 12, next % 12 + 1, 1}
                 : f == Frequency::kQuarterly ? Date{next / 4, next % 4 * 3 + 1, 1}
                                              : Date{next, 1, 1};
    return FormatDate(DateFromDays(DaysSinceEpoch(first) - 1));
  }
  return "";
}

int LastEndedPeriod(const Date& date, Frequency frequency) {
  int index = PeriodOfDate(date, frequency);
  return PeriodEnd(PeriodName(index, frequency)) == FormatDate(date) ? index : index - 1;
}

const char* PeriodForm(Frequency frequency) {
  switch (frequency) {
    case Frequency::kMonthly: return "YYYY-MM";
    case Frequency::kQuarterly: return "YYYY-Qn";
    case Frequency::kYearly: return "YYYY";
  }
  return "";
}

const char* KpiStateName(KpiState state) {
  switch (state) {
    case KpiState::kMet: return "met";
    case KpiState::kNear: return "near";
    case KpiState::kMissed: return "missed";
  }
  return "";
}

KpiState JudgeValue(const Kpi& kpi, double value) {
  bool higher = kpi.direction == KpiDirection::kHigher;
  auto at_least_as_good = [&](double bound) { return higher ? value >= bound : value <= bound; };
  if (at_least_as_good(kpi.target_value)) return KpiState::kMet;
  if (kpi.warning && at_least_as_good(*kpi.warning)) return KpiState::kNear;
  return KpiState::kMissed;
}

}  // namespace smsdoc
