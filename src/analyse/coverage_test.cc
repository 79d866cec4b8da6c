#include "analyse/coverage.h"

#include <doctest/doctest.h>

#include "load/clause_catalogue.h"
#include "test_support.h"

namespace smsdoc {

namespace {

using State = ClauseCoverage::State;

// The base SMS plus a policy POL-9 naming `clauses` (if any) and `records`.
std::unique_ptr<testing::Sms> Run(const std::string& clauses, const std::string& records,
                                  const std::string& as_of = testing::kAsOf) {
  MemoryDisk disk = testing::BaseSms();
  if (!clauses.empty())
    disk.Add("policies/nine.md", testing::Doc("POL-9", "clauses: " + clauses + "\n"));
  if (!records.empty()) disk.Add("records/records.yaml", records);
  auto sms = testing::RunSms(disk, as_of);
  REQUIRE_FALSE(sms->diags.HasErrors());
  return sms;
}

const ClauseCoverage& Cov(const testing::Sms& sms, const std::string& id) {
  const ClauseCoverage* cov = sms.analysis().CoverageOf(id);
  REQUIRE(cov);
  return *cov;
}

}  // namespace

TEST_CASE("coverage has every clause of the catalogue, leaves marked") {
  auto sms = Run("", "");
  REQUIRE(sms->analysis().coverage.size() == ClauseCatalogue().size());
  CHECK(Cov(*sms, "4.1").leaf);
  CHECK_FALSE(Cov(*sms, "4").leaf);
  CHECK_FALSE(Cov(*sms, "8.5.1").leaf);
  CHECK(Cov(*sms, "8.5.1.1").leaf);
  CHECK(Cov(*sms, "8.5.3").leaf);
  CHECK(sms->analysis().CoverageOf("4.5.2") == nullptr);
  CHECK(Cov(*sms, "9.1").state == State::kNotCovered);
  CHECK(StateName(State::kPartlyCovered) == std::string("partly covered"));
  CHECK(StateName(State::kDocumentedOnly) == std::string("documented only"));
}

TEST_CASE("external and certification audits are not internal audits") {
  for (const char* type : {"certification", "external", "surveillance"}) {
    CAPTURE(type);
    auto sms = Run("", testing::Audit("AUD-1", type, "completed", "2026-06-10", "[\"4.1\"]"));
    const ClauseCoverage& c = Cov(*sms, "4.1");
    int audit = sms->Node("AUD-1");
    CHECK(c.external_audits == std::vector<int>{audit});
    CHECK(c.last_external_audit == "2026-06-10");
    CHECK(c.internal_audits.empty());
    CHECK(c.last_internal_audit.empty());
    CHECK(c.records.empty());  // not the organisation's own evidence
    CHECK_FALSE(c.audited_in_cycle);
    CHECK(c.unaudited_leaves == std::vector<std::string>{"4.1"});
    CHECK(c.state == State::kNotCovered);
    CHECK_FALSE(IsInternalAudit(sms->model.corpus.records[0]));
  }

  auto sms = Run("", testing::Audit("AUD-2", "internal", "completed", "2026-06-10", "[\"4.1\"]"));
  const ClauseCoverage& c = Cov(*sms, "4.1");
  int audit = sms->Node("AUD-2");
  CHECK(IsInternalAudit(sms->model.corpus.records[0]));
  CHECK(c.internal_audits == std::vector<int>{audit});
  CHECK(c.records == std::vector<int>{audit});
  CHECK(c.external_audits.empty());
  CHECK(c.last_internal_audit == "2026-06-10");
  CHECK(c.last_external_audit.empty());
  CHECK(c.audited_in_cycle);
  CHECK(c.unaudited_leaves.empty());
  CHECK(c.state == State::kEvidencedOnly);
}

TEST_CASE("an audit of one sub-clause does not audit or cover its parent") {
  auto sms = Run("[\"8.5.1\"]",
                 testing::Audit("AUD-1", "internal", "completed", "2026-06-01", "[\"8.5.1\"]"));
  int doc = sms->Node("POL-9"), audit = sms->Node("AUD-1");
  for (const char* leaf : {"8.5.1.1", "8.5.1.2", "8.5.1.3"}) {
    CAPTURE(leaf);
    const ClauseCoverage& l = Cov(*sms, leaf);
    CHECK(l.state == State::kCovered);
    CHECK(l.audited_in_cycle);
    CHECK(l.documents == std::vector<int>{doc});
    CHECK(l.internal_audits == std::vector<int>{audit});
  }
  const ClauseCoverage& named = Cov(*sms, "8.5.1");
  CHECK(named.state == State::kCovered);
  CHECK(named.audited_in_cycle);
  CHECK(named.last_internal_audit == "2026-06-01");

  const ClauseCoverage& parent = Cov(*sms, "8.5");
  CHECK_FALSE(parent.audited_in_cycle);
  CHECK(parent.state == State::kPartlyCovered);
  CHECK(parent.last_internal_audit.empty());  // some leaves were never audited
  CHECK(parent.unaudited_leaves ==
        std::vector<std::string>{"8.5.2.1", "8.5.2.2", "8.5.2.3", "8.5.3"});
  // The parent's page still lists what names a part of it.
  CHECK(parent.documents == std::vector<int>{doc});
  CHECK(parent.internal_audits == std::vector<int>{audit});

  const ClauseCoverage& sibling = Cov(*sms, "8.5.3");
  CHECK(sibling.state == State::kNotCovered);
  CHECK_FALSE(sibling.audited_in_cycle);
  CHECK(sibling.documents.empty());
  CHECK(sibling.internal_audits.empty());
  CHECK(sibling.last_internal_audit.empty());
  CHECK(Cov(*sms, "8.5.2").state == State::kNotCovered);
}

TEST_CASE("naming a parent clause covers and audits all its leaves") {
  auto sms =
      Run("[\"8.5\"]", testing::Audit("AUD-1", "internal", "completed", "2026-06-01", "[\"8.5\"]"));
  for (const char* id : {"8.5.1.1", "8.5.1.3", "8.5.2.2", "8.5.3", "8.5.1", "8.5.2", "8.5"}) {
    CAPTURE(id);
    const ClauseCoverage& c = Cov(*sms, id);
    CHECK(c.state == State::kCovered);
    CHECK(c.audited_in_cycle);
    CHECK(c.unaudited_leaves.empty());
    CHECK(c.last_internal_audit == "2026-06-01");
  }
  // 8 has other parts, which nothing names.
  CHECK(Cov(*sms, "8").state == State::kPartlyCovered);
  CHECK_FALSE(Cov(*sms, "8").audited_in_cycle);
}

TEST_CASE("a parent is covered only when all its leaves are") {
  // Documented everywhere under 8.5, evidenced only in 8.5.3.
  auto sms = Run("[\"8.5\"]",
                 testing::Audit("AUD-1", "internal", "completed", "2026-06-01", "[\"8.5.3\"]"));
  CHECK(Cov(*sms, "8.5.3").state == State::kCovered);
  CHECK(Cov(*sms, "8.5.2.1").state == State::kDocumentedOnly);
  CHECK(Cov(*sms, "8.5.2").state == State::kDocumentedOnly);  // all its leaves alike
  CHECK(Cov(*sms, "8.5").state == State::kPartlyCovered);
  CHECK_FALSE(Cov(*sms, "8.5").audited_in_cycle);

  // Some leaves not covered at all, the rest covered: still partly.
  auto some = Run("[\"4.1\", \"4.2\"]", testing::Audit("AUD-1", "internal", "completed",
                                                       "2026-06-01", "[\"4.1\", \"4.2\"]"));
  CHECK(Cov(*some, "4.1").state == State::kCovered);
  CHECK(Cov(*some, "4.3").state == State::kNotCovered);
  CHECK(Cov(*some, "4").state == State::kPartlyCovered);
  CHECK(Cov(*some, "4").unaudited_leaves == std::vector<std::string>{"4.3", "4.4"});
}

TEST_CASE("audits not performed by the as-of date do not count") {
  for (const std::string& audit :
       {testing::Audit("AUD-1", "internal", "completed", "2026-12-01", "[\"4.1\"]"),  // after as-of
        testing::Audit("AUD-1", "internal", "planned", "2026-06-01", "[\"4.1\"]"),
        testing::Audit("AUD-1", "internal", "in-progress", "2026-06-01", "[\"4.1\"]"),
        testing::Audit("AUD-1", "internal", "cancelled", "2026-06-01", "[\"4.1\"]"),
        testing::Audit("AUD-1", "internal", "completed", "", "[\"4.1\"]"),
        testing::Audit("AUD-1", "external", "completed", "2026-12-01", "[\"4.1\"]")}) {
    CAPTURE(audit);
    auto sms = Run("", audit);
    const ClauseCoverage& c = Cov(*sms, "4.1");
    CHECK(c.internal_audits.empty());
    CHECK(c.external_audits.empty());
    CHECK(c.records.empty());
    CHECK(c.last_internal_audit.empty());
    CHECK(c.last_external_audit.empty());
    CHECK_FALSE(c.audited_in_cycle);
    CHECK(c.state == State::kNotCovered);
    CHECK(HeldBy(sms->model.corpus.records[0], testing::kAsOf).empty());
  }
  // The same audit counts once the as-of date has reached it.
  auto later = Run("", testing::Audit("AUD-1", "internal", "completed", "2026-12-01", "[\"4.1\"]"),
                   "2026-12-01");
  CHECK(Cov(*later, "4.1").last_internal_audit == "2026-12-01");
  CHECK(HeldBy(later->model.corpus.records[0], "2026-12-01") == "2026-12-01");
}

TEST_CASE("the audit cycle is the 12 months before the as-of date") {
  std::string records =
      testing::Audit("AUD-1", "internal", "completed", "2025-11-21", "[\"4.1\"]") +
      testing::Audit("AUD-2", "internal", "completed", "2025-11-20", "[\"4.2\"]");
  auto sms = Run("", records);
  CHECK(Cov(*sms, "4.1").audited_in_cycle);
  CHECK_FALSE(Cov(*sms, "4.2").audited_in_cycle);
  CHECK(Cov(*sms, "4.2").last_internal_audit == "2025-11-20");  // audited, but too long ago
  CHECK(Cov(*sms, "4.2").state == State::kEvidencedOnly);
}

TEST_CASE("only documents in force document a clause") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/draft.md",
           "---\nid: POL-D\ntitle: Draft\ntype: policy\nowner: sms-manager\n"
           "approver: sms-manager\nversion: \"0.1\"\nstatus: draft\neffective: 2026-01-15\n"
           "review_months: 12\nclauses: [\"9.1\"]\n---\nBody.\n");
  disk.Add("policies/old.md",
           "---\nid: POL-R\ntitle: Retired\ntype: policy\nowner: sms-manager\n"
           "approver: sms-manager\nversion: \"1.0\"\nstatus: retired\neffective: 2025-01-15\n"
           "review_months: 12\nclauses: [\"9\"]\n---\nBody.\n");
  auto sms = testing::RunSms(disk);
  REQUIRE_FALSE(sms->diags.HasErrors());
  const ClauseCoverage& c = Cov(*sms, "9.1");
  CHECK(c.documents.empty());
  CHECK(c.processes.empty());
  CHECK(c.not_in_force == std::vector<int>{sms->Node("POL-D"), sms->Node("POL-R")});
  CHECK(c.state == State::kNotCovered);
  CHECK(Cov(*sms, "9").state == State::kNotCovered);

  disk.Add("processes/monitor.md",
           testing::Doc("PRC-MON", "clauses: [\"9.1\"]\n", "Body.\n", "process"));
  auto with = testing::RunSms(disk);
  const ClauseCoverage& d = Cov(*with, "9.1");
  CHECK(d.processes == std::vector<int>{with->Node("PRC-MON")});
  CHECK(d.state == State::kDocumentedOnly);
}

TEST_CASE("records evidence the clauses they name; open findings are listed") {
  std::string records =
      testing::Audit("AUD-1", "internal", "completed", "2026-06-01", "[\"9.2\"]") +
      "- id: F-1\n  kind: finding\n  title: Gap\n  status: open\n  classification: minor\n"
      "  raised: 2026-06-01\n  clause: \"8.5.3\"\n  audit: AUD-1\n"
      "- id: F-2\n  kind: finding\n  title: Fixed\n  status: closed\n  classification: minor\n"
      "  raised: 2026-06-01\n  clause: \"8.5.3\"\n  audit: AUD-1\n";
  auto sms = Run("", records);
  const ClauseCoverage& c = Cov(*sms, "8.5.3");
  CHECK(c.open_findings == std::vector<int>{sms->Node("F-1")});
  CHECK(c.records == std::vector<int>{sms->Node("F-1"), sms->Node("F-2")});
  CHECK(c.state == State::kEvidencedOnly);
  CHECK(ClausesOf(sms->graph(), sms->Node("F-1")) == std::vector<std::string>{"8.5.3"});
}

}  // namespace smsdoc
