#include "check/register_rules.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("dates are overdue, expired or expiring as of the build date") {
  KindSpec kind;
  kind.name = "action";
  kind.statuses = {"open", "closed"};
  kind.done = {"closed"};
  FieldSpec due;
  due.type = FieldType::kDate;
  due.overdue = true;
  FieldSpec expires;
  expires.type = FieldType::kDate;
  expires.expiry = true;
  Record open_action, closed_action;
  open_action.kind = closed_action.kind = &kind;
  open_action.status = "open";
  closed_action.status = "closed";
  RiskScoring scoring;
  RegisterRules rules(scoring, "2026-11-21");
  CHECK(rules.DateState(open_action, due, "2026-11-20") == "overdue");
  CHECK(rules.DateState(open_action, due, "2026-11-21") == "");
  CHECK(rules.DateState(closed_action, due, "2026-01-01") == "");  // done: never late
  CHECK(rules.DateState(open_action, expires, "2026-11-01") == "expired");
  CHECK(rules.DateState(open_action, expires, "2027-01-19") == "expiring");  // 59 days
  CHECK(rules.DateState(open_action, expires, "2027-01-20") == "");          // 60 days
}

TEST_CASE("scores and levels find their band") {
  RiskScoring scoring;
  RegisterRules rules(scoring, "2026-11-21");
  FieldSpec score, level;
  score.type = FieldType::kScore;
  level.type = FieldType::kLevel;
  CHECK(rules.Band(score, "7")->name == "Low");
  CHECK(rules.Band(score, "8")->name == "Medium");
  CHECK(rules.Band(score, "25")->name == "High");
  CHECK(rules.Band(level, "Medium")->colour == "#FFEB9C");
  CHECK(rules.Band(level, "") == nullptr);
}

}  // namespace smsdoc
