#include "load/document_control.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {

Revision Rev(std::string commit, std::string date, std::string version, size_t body,
             std::string approved_by = "", std::string approved_on = "") {
  return {.commit = std::move(commit), .date = std::move(date), .approved_by = std::move(approved_by),
          .version = std::move(version), .approved_on = std::move(approved_on), .body_hash = body};
}

Document Doc(std::vector<Revision> newest_first) {
  Document d;
  d.approver = "ceo";
  d.status = "approved";
  d.effective = "2026-01-01";
  d.review_months = 12;
  d.control.history = std::move(newest_first);
  return d;
}

}  // namespace

TEST_CASE("versions compare part by part, numbers as numbers") {
  CHECK(CompareVersions("1.9", "1.10") < 0);
  CHECK(CompareVersions("2.0", "1.10") > 0);
  CHECK(CompareVersions("1.0", "1.0") == 0);
  CHECK(CompareVersions("1.0", "1.0.1") < 0);
  CHECK(CompareVersions("01.2", "1.2") == 0);
  CHECK(CompareVersions("1.0-rc1", "1.0-rc2") < 0);
}

TEST_CASE("body changes after the last approval are listed, front matter changes are not") {
  Document d = Doc({Rev("c4", "2026-04-01", "1.1", 3),   // body changed
                    Rev("c3", "2026-03-01", "1.1", 2),   // front matter only
                    Rev("c2", "2026-02-01", "1.1", 2, "ceo"),
                    Rev("c1", "2026-01-01", "1.0", 1)});
  DeriveControl(d);
  const DocumentControl& c = d.control;
  CHECK(c.approved_on == "2026-02-01");
  CHECK(c.approved_by == "ceo");
  CHECK(c.approval_commit == "c2");
  CHECK(c.changed_after_approval == std::vector<size_t>{0});
  CHECK_FALSE(c.history[1].body_changed);
  CHECK(c.history[3].body_changed);  // the first revision creates the body
  CHECK(c.version_problem.empty());
  CHECK(c.next_review == "2027-02-01");
}

TEST_CASE("a draft may change after an old approval") {
  Document d = Doc({Rev("c2", "2026-04-01", "1.1", 3), Rev("c1", "2026-02-01", "1.0", 2, "ceo")});
  d.status = "draft";
  DeriveControl(d);
  CHECK(d.control.approved_on == "2026-02-01");
  CHECK(d.control.changed_after_approval.empty());
}

TEST_CASE("the edge of a shallow clone is a state, not a change or a trailer's approval") {
  Revision edge = Rev("c1", "2026-01-01", "1.0", 1);
  edge.boundary = true;
  Document d = Doc({Rev("c2", "2026-02-01", "1.0", 2), edge});
  DeriveControl(d);
  CHECK_FALSE(d.control.history[1].body_changed);
  CHECK(d.control.approved_on.empty());  // no approval is visible in the clone
  CHECK(d.control.changed_after_approval.empty());

  Revision approved_edge = Rev("c1", "2026-01-01", "1.0", 1, "", "2025-12-01");
  approved_edge.boundary = true;
  Document e = Doc({Rev("c2", "2026-02-01", "1.0", 2, "", "2025-12-01"), approved_edge});
  DeriveControl(e);
  CHECK(e.control.approved_on == "2025-12-01");
  CHECK(e.control.changed_after_approval == std::vector<size_t>{0});
}

TEST_CASE("a new approved_on is an approval dated by the front matter") {
  Document d = Doc({Rev("c2", "2026-05-09", "2.0", 2, "", "2026-05-01"),
                    Rev("c1", "2026-01-01", "1.0", 1, "", "2026-01-01")});
  d.reviewed_on = "2026-06-01";
  DeriveControl(d);
  CHECK(d.control.approved_on == "2026-05-01");
  CHECK(d.control.approved_by == "ceo");  // the document's approver
  CHECK(d.control.last_review == "2026-06-01");
  CHECK(d.control.next_review == "2027-06-01");
  CHECK(d.control.changed_after_approval.empty());
}

TEST_CASE("a version that went backwards or repeats with another body is a problem") {
  Document back = Doc({Rev("c2", "2026-02-01", "1.9", 2, "ceo"),
                       Rev("c1", "2026-01-01", "2.0", 1, "ceo")});
  DeriveControl(back);
  CHECK(back.control.version_problem ==
        "version 1.9 approved on 2026-02-01 is lower than version 2.0 approved before it");

  Document repeat = Doc({Rev("c2", "2026-02-01", "1.0", 2, "ceo"),
                         Rev("c1", "2026-01-01", "1.0", 1, "ceo")});
  DeriveControl(repeat);
  CHECK(repeat.control.version_problem == "version 1.0 was approved twice with different bodies");

  Document same = Doc({Rev("c2", "2026-02-01", "1.0", 1, "ceo"),
                       Rev("c1", "2026-01-01", "1.0", 1, "ceo")});
  DeriveControl(same);
  CHECK(same.control.version_problem.empty());
}

TEST_CASE("outside git the front matter's approval and the effective date count") {
  Document d = Doc({});
  d.approved_on = "2026-03-01";
  DeriveControl(d);
  CHECK(d.control.approved_on == "2026-03-01");
  CHECK(d.control.next_review == "2027-03-01");
  Document none = Doc({});
  DeriveControl(none);
  CHECK(none.control.approved_on.empty());
  CHECK(none.control.last_review == "2026-01-01");
}

}  // namespace smsdoc
