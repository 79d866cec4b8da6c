#include "analyse/register_rules.h"

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
  CHECK(rules.StateOf(open_action, due, "2026-11-20") == DateState::kOverdue);
  CHECK(rules.StateOf(open_action, due, "2026-11-21") == DateState::kNone);
  CHECK(rules.StateOf(closed_action, due, "2026-01-01") == DateState::kNone);  // done: never late
  CHECK(rules.StateOf(open_action, due, "") == DateState::kNone);
  CHECK(rules.StateOf(open_action, expires, "2026-11-01") == DateState::kExpired);
  CHECK(rules.StateOf(closed_action, expires, "2026-11-01") == DateState::kExpired);
  CHECK(rules.StateOf(open_action, expires, "2027-01-19") == DateState::kExpiring);  // 59 days
  CHECK(rules.StateOf(open_action, expires, "2027-01-20") == DateState::kNone);      // 60 days
  CHECK(DateStateName(DateState::kOverdue) == std::string("overdue"));
  CHECK(DateStateName(DateState::kExpiring) == std::string("expiring"));
  CHECK(DateStateName(DateState::kNone) == std::string(""));
  RegisterRules undated(scoring, "");
  CHECK(undated.StateOf(open_action, due, "2026-01-01") == DateState::kNone);
}

TEST_CASE("a date field's own done list outlives the kind's") {
  // A risk is done with treatment once accepted, but not with its reviews.
  KindSpec kind;
  kind.name = "risk";
  kind.statuses = {"open", "accepted", "closed"};
  kind.done = {"accepted", "closed"};
  FieldSpec due;
  due.type = FieldType::kDate;
  due.overdue = true;
  FieldSpec next_review = due;
  next_review.done = {"closed"};
  Record open, accepted, closed;
  open.kind = accepted.kind = closed.kind = &kind;
  open.status = "open";
  accepted.status = "accepted";
  closed.status = "closed";
  RiskScoring scoring;
  RegisterRules rules(scoring, "2026-11-21");
  CHECK(RegisterRules::DoneFor(kind, due) == kind.done);
  CHECK(RegisterRules::DoneFor(kind, next_review) == next_review.done);
  CHECK(rules.StateOf(accepted, next_review, "2026-06-01") == DateState::kOverdue);
  CHECK(rules.StateOf(closed, next_review, "2026-06-01") == DateState::kNone);
  CHECK(rules.StateOf(open, next_review, "2026-06-01") == DateState::kOverdue);
  CHECK(rules.StateOf(accepted, due, "2026-06-01") == DateState::kNone);
  CHECK(rules.StateOf(open, due, "2026-06-01") == DateState::kOverdue);
  CHECK(RegisterRules::IsDone(accepted));  // the record itself is finished
}

TEST_CASE("an expiry date ends only by its field's own done list") {
  KindSpec kind;
  kind.name = "training";
  kind.statuses = {"planned", "completed", "expired"};
  kind.done = {"completed", "expired"};
  FieldSpec expires;
  expires.type = FieldType::kDate;
  expires.expiry = true;
  FieldSpec history = expires;
  history.done = {"expired"};
  Record completed, expired;
  completed.kind = expired.kind = &kind;
  completed.status = "completed";
  expired.status = "expired";
  RiskScoring scoring;
  RegisterRules rules(scoring, "2026-11-21");
  // The kind's done does not end an expiry: a completed training expires.
  CHECK(rules.StateOf(completed, expires, "2026-11-01") == DateState::kExpired);
  CHECK(rules.StateOf(expired, expires, "2026-11-01") == DateState::kExpired);
  CHECK(rules.StateOf(completed, history, "2026-11-01") == DateState::kExpired);
  CHECK(rules.StateOf(completed, history, "2027-01-01") == DateState::kExpiring);
  CHECK(rules.StateOf(expired, history, "2026-11-01") == DateState::kNone);
  CHECK(rules.StateOf(expired, history, "2027-01-01") == DateState::kNone);
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
