#include "base/dates.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("date arithmetic crosses months, years and leap days") {
  CHECK(DaysSinceEpoch({1970, 1, 1}) == 0);
  CHECK(FormatDate(DateFromDays(DaysSinceEpoch({2024, 2, 28}) + 1)) == "2024-02-29");
  CHECK(AddDays("2026-11-21", 60) == "2027-01-20");
  CHECK(AddDays("2026-03-01", -1) == "2026-02-28");
  CHECK(AddMonths("2026-01-31", 1) == "2026-02-28");
  CHECK(AddMonths("2025-11-15", 12) == "2026-11-15");
  CHECK(AddMonths("not a date", 1).empty());
}

}  // namespace smsdoc
