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
  CHECK_FALSE(AddMonths("not a date", 1).has_value());
  CHECK_FALSE(AddDays("not a date", 1).has_value());
}

TEST_CASE("date arithmetic never leaves four-digit years") {
  CHECK(AddMonths("9999-01-31", 11) == "9999-12-31");
  CHECK_FALSE(AddMonths("9999-12-31", 1).has_value());  // would be 10000-01-31
  CHECK_FALSE(AddMonths("9999-12-31", 12).has_value());
  CHECK(AddDays("9999-12-01", 30) == kLastDate);
  CHECK_FALSE(AddDays("9999-12-31", 1).has_value());
  CHECK(AddMonths("0000-12-15", -11) == "0000-01-15");
  CHECK_FALSE(AddMonths("0000-06-01", -12).has_value());  // no month before year 0000
  CHECK_FALSE(AddDays("0000-01-01", -1).has_value());
}

TEST_CASE("a date that is not YYYY-MM-DD gets a hint when one is clear") {
  CHECK(DateHint("21/11/2026") == " (did you mean '2026-11-21'?)");
  CHECK(DateHint("11/21/2026") == " (did you mean '2026-11-21'?)");
  CHECK(DateHint("2026-1-5") == " (did you mean '2026-01-05'?)");
  CHECK(DateHint("21.11.2026") == " (did you mean '2026-11-21'?)");
  CHECK(DateHint("2026-02-30") == " (2026-02 has 28 days)");
  CHECK(DateHint("2028-02-30") == " (2028-02 has 29 days)");
  CHECK(DateHint("2026-13-01") == " (there is no month 13)");
  CHECK(DateHint("05/11/2026") == " (did you mean '2026-11-05' or '2026-05-11'?)");
  CHECK(DateHint("2026-11-21") == "");
  CHECK(DateHint("next week") == "");
  CHECK(DateHint("2026-11/21") == "");
  CHECK(DateHint("99999999999-1-1") == "");
}

}  // namespace smsdoc
