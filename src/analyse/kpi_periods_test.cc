#include "analyse/kpi_periods.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("periods are numbered so that the next one is one more") {
  CHECK(*PeriodIndex("2026-01", Frequency::kMonthly) ==
        *PeriodIndex("2025-12", Frequency::kMonthly) + 1);
  CHECK(*PeriodIndex("2026-Q1", Frequency::kQuarterly) ==
        *PeriodIndex("2025-Q4", Frequency::kQuarterly) + 1);
  CHECK(*PeriodIndex("2026", Frequency::kYearly) == 2026);
  CHECK(PeriodName(*PeriodIndex("2026-09", Frequency::kMonthly), Frequency::kMonthly) == "2026-09");
  CHECK(PeriodName(*PeriodIndex("2026-Q3", Frequency::kQuarterly), Frequency::kQuarterly) ==
        "2026-Q3");
}

TEST_CASE("a date counts in the period it falls in; other forms are refused") {
  CHECK(*PeriodIndex("2026-08-15", Frequency::kMonthly) ==
        *PeriodIndex("2026-08", Frequency::kMonthly));
  CHECK(*PeriodIndex("2026-08-15", Frequency::kQuarterly) ==
        *PeriodIndex("2026-Q3", Frequency::kQuarterly));
  CHECK(*PeriodIndex("2026-12-31", Frequency::kYearly) == 2026);
  CHECK(!PeriodIndex("2026-Q1", Frequency::kMonthly));
  CHECK(!PeriodIndex("2026-13", Frequency::kMonthly));
  CHECK(!PeriodIndex("2026-3", Frequency::kMonthly));
  CHECK(!PeriodIndex("2026-02", Frequency::kQuarterly));
  CHECK(!PeriodIndex("2026-Q5", Frequency::kQuarterly));
  CHECK(!PeriodIndex("2026-01", Frequency::kYearly));
  CHECK(!PeriodIndex("2026-02-30", Frequency::kMonthly));
  CHECK(PeriodOfDate({2026, 11, 21}, Frequency::kQuarterly) ==
        *PeriodIndex("2026-Q4", Frequency::kQuarterly));
}

TEST_CASE("JudgeValue follows the direction, the target and the warning band") {
  Kpi higher;
  higher.direction = KpiDirection::kHigher;
  higher.target_value = 95;
  higher.warning = 90;
  CHECK(JudgeValue(higher, 95) == KpiState::kMet);
  CHECK(JudgeValue(higher, 99) == KpiState::kMet);
  CHECK(JudgeValue(higher, 92) == KpiState::kNear);
  CHECK(JudgeValue(higher, 90) == KpiState::kNear);
  CHECK(JudgeValue(higher, 89.9) == KpiState::kMissed);
  Kpi lower;
  lower.direction = KpiDirection::kLower;
  lower.target_value = 240;
  lower.warning = 300;
  CHECK(JudgeValue(lower, 200) == KpiState::kMet);
  CHECK(JudgeValue(lower, 240) == KpiState::kMet);
  CHECK(JudgeValue(lower, 280) == KpiState::kNear);
  CHECK(JudgeValue(lower, 301) == KpiState::kMissed);
  lower.warning.reset();  // no band: either met or missed
  CHECK(JudgeValue(lower, 241) == KpiState::kMissed);
  CHECK(std::string(KpiStateName(KpiState::kNear)) == "near");
}

TEST_CASE("measurement periods end on their last day") {
  CHECK(PeriodEnd("2026-02") == "2026-02-28");
  CHECK(PeriodEnd("2024-02") == "2024-02-29");
  CHECK(PeriodEnd("2026-12") == "2026-12-31");
  CHECK(PeriodEnd("2026-Q1") == "2026-03-31");
  CHECK(PeriodEnd("2026-Q4") == "2026-12-31");
  CHECK(PeriodEnd("2026") == "2026-12-31");
  CHECK(PeriodEnd("2026-04-22") == "2026-04-22");
  CHECK(PeriodEnd("2026-13") == "");
  CHECK(PeriodEnd("2026-Q5") == "");
  CHECK(PeriodEnd("spring") == "");
  Frequency m = Frequency::kMonthly;
  CHECK(PeriodName(LastEndedPeriod(*ParseDate("2026-11-30"), m), m) == "2026-11");
  CHECK(PeriodName(LastEndedPeriod(*ParseDate("2026-11-29"), m), m) == "2026-10");
  CHECK(PeriodName(LastEndedPeriod(*ParseDate("2026-12-31"), Frequency::kQuarterly),
                   Frequency::kQuarterly) == "2026-Q4");
}

}  // namespace smsdoc
