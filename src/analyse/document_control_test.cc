#include "analyse/document_control.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

Revision Rev(std::string commit, std::string date, std::string version, size_t body,
             std::vector<std::string> approved_by = {}, std::string approved_on = "") {
  return {.commit = std::move(commit),
          .date = std::move(date),
          .approved_by = std::move(approved_by),
          .version = std::move(version),
          .approved_on = std::move(approved_on),
          .body_hash = body};
}

Document Doc(std::vector<Revision> newest_first) {
  Document d;
  d.id = "POL-1";
  d.approver = "ceo";
  d.status = "approved";
  d.effective = "2026-01-01";
  d.review_months = 12;
  d.control.history = std::move(newest_first);
  return d;
}

// Who may approve: two roles, and a person holding each of them.
std::unique_ptr<testing::Sms> People() {
  MemoryDisk disk;
  disk.Add("smsdoc.yaml",
           "organization: Test Org\nscope: Everything.\nroles:\n"
           "  ceo: {title: Chief Executive Officer}\n"
           "  cfo: {title: Chief Financial Officer}\n");
  disk.Add("records/people.yaml",
           "- id: PER-1\n  kind: person\n  title: Alice Smith\n  status: active\n  role: ceo\n"
           "- id: PER-2\n  kind: person\n  title: Bob Jones\n  status: active\n  role: cfo\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  return sms;
}

DocumentState Analyse(const Document& d, const std::string& as_of = testing::kAsOf) {
  static const std::unique_ptr<testing::Sms> people = People();
  return AnalyseDocument(d, Directory(people->model.corpus), as_of);
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
  Document d = Doc({Rev("c4", "2026-04-01", "1.1", 3),  // body changed
                    Rev("c3", "2026-03-01", "1.1", 2),  // front matter only
                    Rev("c2", "2026-02-01", "1.1", 2, {"ceo"}), Rev("c1", "2026-01-01", "1.0", 1)});
  DocumentState s = Analyse(d);
  CHECK(s.in_force);
  CHECK(s.approved_on == "2026-02-01");
  CHECK(s.approved_by == "Chief Executive Officer");
  CHECK(s.approval_commit == "c2");
  CHECK(s.changed_after_approval == std::vector<size_t>{0});
  REQUIRE(s.revisions.size() == 4);
  CHECK(s.revisions[0].body_changed);
  CHECK_FALSE(s.revisions[1].body_changed);
  CHECK(s.revisions[2].approval);
  CHECK_FALSE(s.revisions[0].approval);
  CHECK(s.revisions[3].body_changed);  // the first revision creates the body
  CHECK(s.version_problem.empty());
  CHECK(s.approval_problems.empty());
  CHECK(s.next_review == "2027-02-01");
  CHECK(ChangesAfterApproval(d, s, true) == "c4 (2026-04-01)");
  CHECK(ChangesAfterApproval(d, s, false) == "c4");
}

TEST_CASE("a draft may change after an old approval") {
  Document d = Doc({Rev("c2", "2026-04-01", "1.1", 3), Rev("c1", "2026-02-01", "1.0", 2, {"ceo"})});
  d.status = "draft";
  DocumentState s = Analyse(d);
  CHECK_FALSE(s.in_force);
  CHECK(s.approved_on == "2026-02-01");
  CHECK(s.changed_after_approval.empty());
  CHECK(s.review == ReviewState::kNone);  // nothing to review before it is in force
}

TEST_CASE("the edge of a shallow clone is a state, not a change or a trailer's approval") {
  Revision edge = Rev("c1", "2026-01-01", "1.0", 1);
  edge.boundary = true;
  Document d = Doc({Rev("c2", "2026-02-01", "1.0", 2), edge});
  DocumentState s = Analyse(d);
  CHECK_FALSE(s.revisions[1].body_changed);
  CHECK(s.approved_on.empty());  // no approval is visible in the clone
  CHECK(s.changed_after_approval.empty());

  Revision approved_edge = Rev("c1", "2026-01-01", "1.0", 1, {}, "2025-12-01");
  approved_edge.boundary = true;
  Document e = Doc({Rev("c2", "2026-02-01", "1.0", 2, {}, "2025-12-01"), approved_edge});
  DocumentState t = Analyse(e);
  CHECK(t.approved_on == "2025-12-01");
  CHECK(t.changed_after_approval == std::vector<size_t>{0});
}

TEST_CASE("a new approved_on is an approval dated by the front matter") {
  Document d = Doc({Rev("c2", "2026-05-09", "2.0", 2, {}, "2026-05-01"),
                    Rev("c1", "2026-01-01", "1.0", 1, {}, "2026-01-01")});
  d.reviewed_on = "2026-06-01";
  DocumentState s = Analyse(d);
  CHECK(s.approved_on == "2026-05-01");
  CHECK(s.approved_by == "Chief Executive Officer");  // the document's approver
  CHECK(s.last_review == "2026-06-01");
  CHECK(s.next_review == "2027-06-01");
  CHECK(s.changed_after_approval.empty());
}

TEST_CASE("a version that went backwards or repeats with another body is a problem") {
  Document back =
      Doc({Rev("c2", "2026-02-01", "1.9", 2, {"ceo"}), Rev("c1", "2026-01-01", "2.0", 1, {"ceo"})});
  CHECK(Analyse(back).version_problem ==
        "version 1.9 approved on 2026-02-01 is lower than version 2.0 approved before it");

  Document repeat =
      Doc({Rev("c2", "2026-02-01", "1.0", 2, {"ceo"}), Rev("c1", "2026-01-01", "1.0", 1, {"ceo"})});
  CHECK(Analyse(repeat).version_problem == "version 1.0 was approved twice with different bodies");

  Document same =
      Doc({Rev("c2", "2026-02-01", "1.0", 1, {"ceo"}), Rev("c1", "2026-01-01", "1.0", 1, {"ceo"})});
  CHECK(Analyse(same).version_problem.empty());

  Document below =
      Doc({Rev("c2", "2026-03-01", "0.9", 1), Rev("c1", "2026-01-01", "1.0", 1, {"ceo"})});
  CHECK(Analyse(below).version_problem == "version 0.9 is lower than the approved version 1.0");
}

TEST_CASE("outside git the front matter's approval counts, the effective date starts the cycle") {
  Document d = Doc({});
  d.approved_on = "2026-03-01";
  DocumentState s = Analyse(d);
  CHECK(s.approved_on == "2026-03-01");
  CHECK(s.approved_by == "Chief Executive Officer");
  CHECK(s.next_review == "2027-03-01");
  Document none = Doc({});
  DocumentState n = Analyse(none);
  CHECK(n.approved_on.empty());
  CHECK(n.approved_by.empty());
  CHECK(n.last_review.empty());  // the effective date is not a review
  CHECK(n.next_review == "2027-01-01");
}

TEST_CASE("review dates: one rule, from the later of the review and the approval") {
  // Approved long ago, reviewed since: the review restarts the clock.
  Document d = Doc({});
  d.approved_on = "2024-03-16";
  d.reviewed_on = "2026-06-01";
  DocumentState s = Analyse(d, "2026-11-21");
  CHECK(s.last_review == "2026-06-01");
  CHECK(s.next_review == "2027-06-01");
  CHECK(s.review == ReviewState::kNone);
  CHECK(Analyse(d, "2027-05-15").review == ReviewState::kDue);  // within 30 days
  CHECK(Analyse(d, "2027-06-01").review == ReviewState::kDue);  // due on the day, not late
  DocumentState late = Analyse(d, "2027-07-01");
  CHECK(late.review == ReviewState::kOverdue);
  CHECK(late.next_review == "2027-06-01");
  CHECK(ReviewStateName(late.review) == std::string("overdue"));

  // An approval after the last review restarts it too.
  Document later = Doc({});
  later.approved_on = "2026-09-01";
  later.reviewed_on = "2026-02-01";
  CHECK(Analyse(later).next_review == "2027-09-01");

  // Drafts and retired documents are never due.
  d.status = "retired";
  DocumentState retired = Analyse(d, "2027-07-01");
  CHECK(retired.next_review == "2027-06-01");
  CHECK(retired.review == ReviewState::kNone);
}

TEST_CASE("an approval names the approver role by key, by title or through a person") {
  const std::string role = "Chief Executive Officer";
  const std::string person = "Alice Smith (Chief Executive Officer)";
  const std::pair<std::string, std::string> names[] = {
      {"ceo", role},     {"Chief Executive Officer", role}, {"chief EXECUTIVE officer", role},
      {"PER-1", person}, {"Alice Smith", person},           {"alice smith", person}};
  for (const auto& entry : names) {
    const std::string& name = entry.first;    // not a structured binding: CAPTURE's lambda
    const std::string& shown = entry.second;  // captures it, which clang 14 refuses
    CAPTURE(name);
    Document d =
        Doc({Rev("c2", "2026-02-01", "1.1", 2, {name}), Rev("c1", "2026-01-01", "1.0", 1)});
    DocumentState s = Analyse(d);
    REQUIRE(s.revisions.size() == 2);
    CHECK(s.revisions[0].approval);
    REQUIRE(s.revisions[0].approvers.size() == 1);
    CHECK(s.revisions[0].approvers[0].known);
    CHECK(s.revisions[0].approvers[0].role == "ceo");
    CHECK(s.revisions[0].approvers[0].written == name);
    CHECK(s.approved_on == "2026-02-01");
    CHECK(s.approved_by == shown);
    CHECK(s.approval_commit == "c2");
    CHECK(s.approval_problems.empty());
  }
}

TEST_CASE("an approval by a known role or person that is not the approver does not count") {
  // c2 changes the body after c1's approval; c3, approved by the CFO, is
  // no approval, so the change stays unapproved.
  Document d = Doc({Rev("c3", "2026-03-01", "1.1", 2, {"cfo"}), Rev("c2", "2026-02-15", "1.1", 2),
                    Rev("c1", "2026-02-01", "1.0", 1, {"ceo"})});
  DocumentState s = Analyse(d);
  CHECK_FALSE(s.revisions[0].approval);
  CHECK(s.revisions[2].approval);
  CHECK(s.approved_on == "2026-02-01");
  CHECK(s.approval_commit == "c1");
  CHECK(s.changed_after_approval == std::vector<size_t>{1});
  REQUIRE(s.approval_problems.size() == 1);
  CHECK(s.approval_problems[0].kind == ApprovalProblem::Kind::kMismatch);
  CHECK(s.approval_problems[0].revision == 0);
  CHECK(s.approval_problems[0].message ==
        "Approved-by 'cfo' in c3 (2026-03-01) is Chief Financial Officer, not the approver "
        "Chief Executive Officer; the approval does not count");

  Document by_person = Doc({Rev("c2", "2026-03-01", "1.1", 2, {"Bob Jones"}),
                            Rev("c1", "2026-02-01", "1.0", 1, {"ceo"})});
  DocumentState p = Analyse(by_person);
  CHECK(p.approved_on == "2026-02-01");
  CHECK(p.changed_after_approval == std::vector<size_t>{0});
  REQUIRE(p.approval_problems.size() == 1);
  CHECK(p.approval_problems[0].kind == ApprovalProblem::Kind::kMismatch);
  CHECK(p.approval_problems[0].message ==
        "Approved-by 'Bob Jones' in c2 (2026-03-01) is Bob Jones (Chief Financial Officer), "
        "not the approver Chief Executive Officer; the approval does not count");

  // One matching name among several is enough, and only it is shown.
  Document both = Doc({Rev("c2", "2026-03-01", "1.1", 2, {"cfo", "PER-1"}),
                       Rev("c1", "2026-02-01", "1.0", 1, {"ceo"})});
  DocumentState b = Analyse(both);
  CHECK(b.revisions[0].approval);
  CHECK(b.approved_on == "2026-03-01");
  CHECK(b.approved_by == "Alice Smith (Chief Executive Officer)");
  CHECK(b.changed_after_approval.empty());
}

TEST_CASE("an approved_on set by an approval that does not count is no approval") {
  // The commit that set approved_on named the CFO: the front matter's date
  // is not the approver's approval, so nothing is approved.
  Document d = Doc({Rev("c2", "2026-03-01", "1.1", 2, {"cfo"}, "2026-03-01"),
                    Rev("c1", "2026-02-01", "1.0", 1)});
  d.approved_on = "2026-03-01";
  DocumentState s = Analyse(d);
  CHECK(s.approved_on.empty());
  CHECK(s.approved_by.empty());
  REQUIRE(s.approval_problems.size() == 1);
  // No review recorded: none is shown, the cycle runs from the effective date.
  CHECK(s.last_review.empty());
  CHECK(s.review_from == "2026-01-01");
  CHECK(s.next_review == "2027-01-01");
}

TEST_CASE("an approval naming no role or person does not count and suggests a name") {
  Document d = Doc({Rev("c2", "2026-03-01", "1.1", 2, {"Alise Smith"}),
                    Rev("c1", "2026-02-01", "1.0", 1, {"ceo"})});
  DocumentState s = Analyse(d);
  CHECK_FALSE(s.revisions[0].approval);
  CHECK_FALSE(s.revisions[0].approvers[0].known);
  CHECK(s.revisions[0].approvers[0].shown == "Alise Smith");
  CHECK(s.approved_on == "2026-02-01");
  CHECK(s.changed_after_approval == std::vector<size_t>{0});
  REQUIRE(s.approval_problems.size() == 1);
  CHECK(s.approval_problems[0].kind == ApprovalProblem::Kind::kUnknown);
  CHECK(s.approval_problems[0].message ==
        "Approved-by 'Alise Smith' in c2 (2026-03-01) names no role or person (did you mean "
        "'Alice Smith'?); the approval does not count");

  // With no history approved at all, the front matter's date stands and
  // the problem is kept.
  Document never = Doc({Rev("c1", "2026-02-01", "1.0", 1, {"nobody"})});
  never.approved_on = "2026-01-20";
  DocumentState n = Analyse(never);
  CHECK(n.approved_on == "2026-01-20");
  REQUIRE(n.approval_problems.size() == 1);
  CHECK(n.approval_problems[0].kind == ApprovalProblem::Kind::kUnknown);
}

TEST_CASE("approval problems older than the last valid approval are dropped") {
  Document fixed = Doc({Rev("c3", "2026-04-01", "1.2", 3, {"ceo"}),
                        Rev("c2", "2026-03-01", "1.1", 2, {"nobody"}),
                        Rev("c1", "2026-02-01", "1.0", 1, {"cfo"})});
  DocumentState f = Analyse(fixed);
  CHECK(f.approved_on == "2026-04-01");
  CHECK(f.approval_problems.empty());
  CHECK(f.changed_after_approval.empty());

  Document open =
      Doc({Rev("c3", "2026-04-01", "1.2", 3, {"cfo"}), Rev("c2", "2026-03-01", "1.1", 2, {"ceo"}),
           Rev("c1", "2026-02-01", "1.0", 1, {"nobody"})});
  DocumentState o = Analyse(open);
  CHECK(o.approved_on == "2026-03-01");
  REQUIRE(o.approval_problems.size() == 1);
  CHECK(o.approval_problems[0].revision == 0);
  CHECK(o.approval_problems[0].kind == ApprovalProblem::Kind::kMismatch);

  // A draft has nothing to approve yet: no problems either.
  open.status = "draft";
  CHECK(Analyse(open).approval_problems.empty());
}

}  // namespace smsdoc
