#include "analyse/attention.h"

#include <doctest/doctest.h>

#include "analyse/analysis.h"
#include "test_support.h"

namespace smsdoc {

namespace {

using Kind = AttentionItem::Kind;

// The attention items about `node`.
std::vector<AttentionItem> About(const testing::Sms& sms, int node) {
  std::vector<AttentionItem> out;
  for (const AttentionItem& item : sms.analysis().attention)
    if (item.node == node) out.push_back(item);
  return out;
}

std::vector<std::string> CodesAbout(const testing::Sms& sms, const std::string& id) {
  std::vector<std::string> codes;
  for (const AttentionItem& item : About(sms, sms.Node(id))) codes.push_back(item.code);
  return codes;
}

bool Warned(const testing::Sms& sms, const std::string& code, const std::string& part) {
  for (const Diagnostic& d : sms.diags.items())
    if (d.code == code && d.message.find(part) != std::string::npos) return true;
  return false;
}

bool Same(Pos a, Pos b) { return a.line == b.line && a.col == b.col && a.line > 0; }

Revision Rev(std::string commit, std::string date, std::string version, size_t body,
             std::vector<std::string> approved_by = {}) {
  return {.commit = std::move(commit),
          .date = std::move(date),
          .approved_by = std::move(approved_by),
          .version = std::move(version),
          .body_hash = body};
}

const char* kRisks =
    "- id: RSK-1\n  kind: risk\n  type: risk\n  title: Accepted\n  status: accepted\n"
    "  likelihood: 2\n  impact: 3\n  due: 2026-03-01\n  next_review: 2026-06-01\n"
    "- id: RSK-2\n  kind: risk\n  type: risk\n  title: Closed\n  status: closed\n"
    "  likelihood: 2\n  impact: 3\n  due: 2026-03-01\n  next_review: 2026-06-01\n"
    "- id: RSK-3\n  kind: risk\n  type: risk\n  title: Open\n  status: open\n"
    "  likelihood: 2\n  impact: 3\n  due: 2026-03-01\n  next_review: 2027-06-01\n";

}  // namespace

TEST_CASE("a review is overdue by the one rule, never from an old approval") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/continuity.md",
           testing::Doc("PLN-1",
                        "clauses: [\"8.7.2\"]\napproved_on: 2024-03-16\nreviewed_on: 2026-06-01\n",
                        "Body.\n", "plan"));
  auto now = testing::RunSms(disk, "2026-11-21");
  REQUIRE_FALSE(now->diags.HasErrors());
  CHECK(now->StateOf("PLN-1").review == ReviewState::kNone);
  CHECK(About(*now, now->Node("PLN-1")).empty());
  CHECK_FALSE(Warned(*now, "review-overdue", "PLN-1"));

  auto soon = testing::RunSms(disk, "2027-05-15");
  std::vector<AttentionItem> due = About(*soon, soon->Node("PLN-1"));
  REQUIRE(due.size() == 1);
  CHECK(due[0].kind == Kind::kReviewDue);
  CHECK(due[0].code == "review-due");
  CHECK(due[0].what == "review due on 2027-06-01");
  CHECK_FALSE(due[0].IsWarning());
  CHECK_FALSE(Warned(*soon, "review-due", "PLN-1"));

  auto later = testing::RunSms(disk, "2027-07-01");
  const DocumentState& s = later->StateOf("PLN-1");
  CHECK(s.review == ReviewState::kOverdue);
  CHECK(s.next_review == "2027-06-01");
  std::vector<AttentionItem> items = About(*later, later->Node("PLN-1"));
  REQUIRE(items.size() == 1);
  CHECK(items[0].kind == Kind::kReviewOverdue);
  CHECK(items[0].code == "review-overdue");
  CHECK(items[0].date == "2027-06-01");
  CHECK(items[0].what ==
        "review overdue since 2027-06-01 (last review 2026-06-01, every 12 months)");
  CHECK(Same(items[0].pos, later->DocumentOf("PLN-1").review_pos));
  CHECK(items[0].IsWarning());
  CHECK(Warned(*later, "review-overdue", "'PLN-1': review overdue since 2027-06-01"));
}

TEST_CASE("drafts and retired documents have no reviews due") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/draft.md",
           "---\nid: POL-D\ntitle: Draft\ntype: policy\nowner: sms-manager\n"
           "approver: sms-manager\nversion: \"0.1\"\nstatus: draft\neffective: 2020-01-15\n"
           "review_months: 12\n---\nBody.\n");
  auto sms = testing::RunSms(disk);
  CHECK(sms->StateOf("POL-D").next_review == "2021-01-15");
  CHECK(About(*sms, sms->Node("POL-D")).empty());
}

TEST_CASE("accepted risks keep their review dates; treatment ends with acceptance") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/risks.yaml", kRisks);
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());

  CHECK(sms->DateOf("RSK-1", "next_review") == DateState::kOverdue);
  CHECK(sms->DateOf("RSK-1", "due") == DateState::kNone);  // accepted: treatment is done
  CHECK(sms->DateOf("RSK-2", "next_review") == DateState::kNone);
  CHECK(sms->DateOf("RSK-2", "due") == DateState::kNone);
  CHECK(sms->DateOf("RSK-3", "due") == DateState::kOverdue);
  CHECK(sms->DateOf("RSK-3", "next_review") == DateState::kNone);  // in the future

  std::vector<AttentionItem> accepted = About(*sms, sms->Node("RSK-1"));
  REQUIRE(accepted.size() == 1);
  CHECK(accepted[0].kind == Kind::kOverdue);
  CHECK(accepted[0].code == "overdue");
  CHECK(accepted[0].date == "2026-06-01");
  CHECK(accepted[0].what == "Next review 2026-06-01 is overdue");
  CHECK(About(*sms, sms->Node("RSK-2")).empty());
  std::vector<AttentionItem> open = About(*sms, sms->Node("RSK-3"));
  REQUIRE(open.size() == 1);
  CHECK(open[0].what == "Treatment due 2026-03-01 is overdue");
  CHECK(Warned(*sms, "overdue", "'RSK-1': Next review 2026-06-01 is overdue"));
  CHECK_FALSE(Warned(*sms, "overdue", "RSK-2"));
}

TEST_CASE("expired and expiring dates; a record marked expired is history") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/people.yaml",
           "- id: PER-1\n  kind: person\n  title: Alice\n  status: active\n  role: sms-manager\n"
           "- id: TRN-1\n  kind: training\n  title: Past\n  status: completed\n  person: PER-1\n"
           "  expires: 2026-11-01\n"
           "- id: TRN-2\n  kind: training\n  title: Soon\n  status: completed\n  person: PER-1\n"
           "  expires: 2027-01-01\n"
           "- id: TRN-3\n  kind: training\n  title: Dealt with\n  status: expired\n"
           "  person: PER-1\n  expires: 2026-11-01\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  CHECK(sms->DateOf("TRN-1", "expires") == DateState::kExpired);
  CHECK(sms->DateOf("TRN-2", "expires") == DateState::kExpiring);
  CHECK(CodesAbout(*sms, "TRN-1") == std::vector<std::string>{"expired"});
  CHECK(CodesAbout(*sms, "TRN-2") == std::vector<std::string>{"expiring"});
  CHECK_FALSE(About(*sms, sms->Node("TRN-2"))[0].IsWarning());
  // Marked expired, the training has been dealt with: its date is history.
  CHECK(sms->DateOf("TRN-3", "expires") == DateState::kNone);
  CHECK(CodesAbout(*sms, "TRN-3").empty());
}

TEST_CASE("approvals that do not count need attention, with their own codes") {
  MemoryDisk disk = testing::BaseSms();  // POL-1's approver is sms-manager
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  // The history git would give: approved by the SMS manager, then changed
  // and "approved" by the change manager and by a name nobody has.
  Document& doc = sms->DocumentOf("POL-1");
  doc.control.history = {Rev("c4", "2026-05-01", "1.2", 3, {"change-manager"}),
                         Rev("c3", "2026-04-01", "1.1", 2, {"sms-managr"}),
                         Rev("c2", "2026-03-01", "1.0", 1, {"SMS Manager"}),
                         Rev("c1", "2026-02-01", "1.0", 1)};
  sms->model.analysis = Analyse(sms->graph(), testing::kAsOf);
  const DocumentState& s = sms->StateOf("POL-1");
  CHECK(s.approved_on == "2026-03-01");
  CHECK(s.changed_after_approval == std::vector<size_t>{0, 1});

  std::vector<AttentionItem> items = About(*sms, sms->Node("POL-1"));
  REQUIRE(items.size() == 3);
  CHECK(items[0].kind == Kind::kChangedAfterApproval);
  CHECK(items[0].what ==
        "changed after approval on 2026-03-01: c4 (2026-05-01), c3 (2026-04-01) (raise 'version' "
        "and record a new approval)");
  CHECK(items[1].kind == Kind::kApproval);
  CHECK(items[1].code == "approval-mismatch");
  CHECK(items[1].date == "2026-05-01");
  CHECK(Same(items[1].pos, doc.approver_pos));
  CHECK(items[1].what ==
        "Approved-by 'change-manager' in c4 (2026-05-01) is Change Manager, not the approver SMS "
        "Manager; the approval does not count");
  CHECK(items[1].IsWarning());
  CHECK(items[2].kind == Kind::kApproval);
  CHECK(items[2].code == "approval-unknown");
  CHECK(items[2].date == "2026-04-01");
  CHECK(items[2].what ==
        "Approved-by 'sms-managr' in c3 (2026-04-01) names no role or person (did you mean "
        "'sms-manager'?); the approval does not count");

  // Approved again by the approver: the old problems are history.
  doc.control.history.insert(doc.control.history.begin(),
                             Rev("c5", "2026-06-01", "2.0", 3, {"sms-manager"}));
  sms->model.analysis = Analyse(sms->graph(), testing::kAsOf);
  CHECK(About(*sms, sms->Node("POL-1")).empty());
}

TEST_CASE("a version that went backwards needs attention") {
  auto sms = testing::RunSms(testing::BaseSms());
  Document& doc = sms->DocumentOf("POL-1");
  doc.control.history = {Rev("c2", "2026-03-01", "0.9", 2, {"sms-manager"}),
                         Rev("c1", "2026-02-01", "1.0", 1, {"sms-manager"})};
  sms->model.analysis = Analyse(sms->graph(), testing::kAsOf);
  std::vector<AttentionItem> items = About(*sms, sms->Node("POL-1"));
  REQUIRE(items.size() == 1);
  CHECK(items[0].kind == Kind::kVersion);
  CHECK(items[0].code == "version-order");
  CHECK(Same(items[0].pos, doc.version_pos));
  CHECK(items[0].what ==
        "version 0.9 approved on 2026-03-01 is lower than version 1.0 approved before it");
}

TEST_CASE("attention items come by node, then kind") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/risks.yaml", kRisks);
  auto sms = testing::RunSms(disk, "2027-07-01");  // every review is overdue by then
  const std::vector<AttentionItem>& items = sms->analysis().attention;
  REQUIRE(items.size() > 2);
  for (size_t i = 1; i < items.size(); ++i) {
    CAPTURE(i);
    CHECK((items[i - 1].node < items[i].node ||
           (items[i - 1].node == items[i].node && items[i - 1].kind <= items[i].kind)));
  }
  CHECK(AttentionCode(Kind::kExpiring) == std::string("expiring"));
}

}  // namespace smsdoc
