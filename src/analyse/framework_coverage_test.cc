#include "analyse/framework_coverage.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

using State = ClauseCoverage::State;

// A small catalogue of an invented framework: two groups, one with parts.
const char* kAcme =
    "id: acme\nname: ACME Security\nedition: \"1\"\nitems:\n"
    "  - {number: S1, title: Governance}\n"
    "  - {number: S1.1, title: Policy, parent: S1}\n"
    "  - {number: S1.2, title: Roles, parent: S1}\n"
    "  - {number: S2, title: Operations}\n"
    "  - {number: S2.1, title: Backups, parent: S2}\n";
const char* kAcmeMapping =
    "from: iso27001\nto: acme\npairs:\n"
    "  - {iso27001: A.8.13, acme: S2.1}\n";

// The base SMS with ISO/IEC 27001, ACME and both mappings, plus `files`.
std::unique_ptr<testing::Sms> Run(const std::vector<std::pair<std::string, std::string>>& files) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) +
                              "frameworks: [iso27001, frameworks/acme.yaml]\n"
                              "mappings: [iso20000-1-iso27001, frameworks/acme-map.yaml]\n");
  disk.Add("frameworks/acme.yaml", kAcme);
  disk.Add("frameworks/acme-map.yaml", kAcmeMapping);
  for (const auto& [path, text] : files) disk.Add(path, text);
  auto sms = testing::RunSms(disk);
  std::string messages;
  for (const auto& d : sms->diags.items()) messages += d.path + ": " + d.message + "\n";
  CAPTURE(messages);
  REQUIRE_FALSE(sms->diags.HasErrors());
  return sms;
}

const ItemCoverage& Cov(const testing::Sms& sms, const std::string& fw, const std::string& id) {
  const FrameworkCoverage* f = sms.analysis().FrameworkOf(fw);
  REQUIRE(f);
  const ItemCoverage* cov = f->Find(id);
  REQUIRE(cov);
  return *cov;
}

std::string Draft(const std::string& id, const std::string& extra) {
  return "---\nid: " + id +
         "\ntitle: Draft\ntype: policy\nowner: sms-manager\n"
         "approver: sms-manager\nversion: \"0.1\"\nstatus: draft\neffective: 2026-01-15\n"
         "review_months: 12\n" +
         extra + "---\nBody.\n";
}

}  // namespace

TEST_CASE("every framework but ISO/IEC 20000-1 has its items' coverage, leaves marked") {
  auto sms = Run({});
  const auto& frameworks = sms->analysis().frameworks;
  REQUIRE(frameworks.size() == 2);
  CHECK(frameworks[0].framework->id == "iso27001");
  CHECK(frameworks[1].framework->id == "acme");
  CHECK(frameworks[1].items.size() == 5);
  CHECK_FALSE(Cov(*sms, "acme", "S1").leaf);
  CHECK(Cov(*sms, "acme", "S1.1").leaf);
  CHECK(Cov(*sms, "iso27001", "A.5.15").leaf);
  CHECK(Cov(*sms, "iso27001", "A.5.15").state == State::kNotCovered);
  auto counts = CountByState(frameworks[1]);
  CHECK(counts[4] == std::pair<std::string, int>{"not covered", 5});
  CHECK(counts.back() == std::pair<std::string, int>{"excluded", 0});
  CHECK(sms->analysis().mapped.size() == sms->graph().nodes.size());
}

TEST_CASE("a document naming an item documents it, its ancestors in part") {
  auto sms = Run({{"policies/access.md", testing::Doc("POL-9", "controls: {acme: [S1.1]}\n")}});
  int doc = sms->Node("POL-9");
  CHECK(Cov(*sms, "acme", "S1.1").documents == std::vector<int>{doc});
  CHECK(Cov(*sms, "acme", "S1.1").state == State::kDocumentedOnly);
  CHECK(Cov(*sms, "acme", "S1").documents == std::vector<int>{doc});  // a part of it
  CHECK(Cov(*sms, "acme", "S1").state == State::kPartlyCovered);      // S1.2 is not
  CHECK(Cov(*sms, "acme", "S1.2").documents.empty());
  auto counts = CountByState(sms->analysis().frameworks[1]);
  CHECK(counts[1] == std::pair<std::string, int>{"partly covered", 1});
  CHECK(counts[2] == std::pair<std::string, int>{"documented only", 1});
}

TEST_CASE("naming a parent names all of it") {
  auto sms = Run({{"policies/gov.md", testing::Doc("POL-9", "clauses: [\"acme:S1\"]\n")}});
  int doc = sms->Node("POL-9");
  CHECK(Cov(*sms, "acme", "S1.1").documents == std::vector<int>{doc});
  CHECK(Cov(*sms, "acme", "S1.2").documents == std::vector<int>{doc});
  CHECK(Cov(*sms, "acme", "S1").state == State::kDocumentedOnly);
  CHECK(Cov(*sms, "acme", "S2.1").documents.empty());
}

TEST_CASE("evidence records evidence an item; external audits and plans do not") {
  std::string records =
      testing::Audit("AUD-1", "internal", "completed", "2026-06-10", "[\"iso27001:A.5.15\"]") +
      testing::Audit("AUD-2", "external", "completed", "2026-06-10", "[\"iso27001:A.5.16\"]") +
      testing::Audit("AUD-3", "internal", "planned", "", "[\"iso27001:A.5.17\"]");
  auto sms =
      Run({{"records/audits.yaml", records},
           {"policies/access.md", testing::Doc("POL-9", "controls: {iso27001: [A.5.15]}\n")}});
  const ItemCoverage& c = Cov(*sms, "iso27001", "A.5.15");
  CHECK(c.records == std::vector<int>{sms->Node("AUD-1")});
  CHECK(c.documents == std::vector<int>{sms->Node("POL-9")});
  CHECK(c.state == State::kCovered);
  CHECK(Cov(*sms, "iso27001", "A.5.16").records.empty());
  CHECK(Cov(*sms, "iso27001", "A.5.17").records.empty());
  CHECK(Cov(*sms, "iso27001", "A.5.17").state == State::kNotCovered);
}

TEST_CASE("a document addresses items through a mapping, both ways") {
  auto sms =
      Run({{"policies/release.md", testing::Doc("POL-9", "clauses: [\"8.5.1\"]\n")},
           {"policies/backup.md", testing::Doc("POL-8", "controls: {iso27001: [A.8.13]}\n")}});
  int release = sms->Node("POL-9"), backup = sms->Node("POL-8");
  // 20000-1 8.5.1 is paired with 27001 A.8.32: POL-9 addresses it.
  const ItemCoverage& c = Cov(*sms, "iso27001", "A.8.32");
  CHECK(c.documents.empty());
  REQUIRE(c.mapped_documents.size() == 1);
  CHECK(c.mapped_documents[0].node == release);
  CHECK(c.mapped_documents[0].through == std::vector<FrameworkRef>{{"iso20000-1", "8.5.1"}});
  CHECK(c.state == State::kDocumentedOnly);
  // ...and the other way: POL-8 names A.8.13, paired with ACME's S2.1.
  CHECK(Cov(*sms, "acme", "S2.1").mapped_documents.size() == 1);
  CHECK(Cov(*sms, "acme", "S2.1").state == State::kDocumentedOnly);
  const auto& mapped = sms->analysis().mapped[backup];
  CHECK(std::find(mapped.begin(), mapped.end(),
                  MappedRef{{"acme", "S2.1"}, {"iso27001", "A.8.13"}}) != mapped.end());
  const auto& reverse = sms->analysis().mapped[release];
  CHECK(std::find(reverse.begin(), reverse.end(),
                  MappedRef{{"iso27001", "A.8.32"}, {"iso20000-1", "8.5.1"}}) != reverse.end());
  // A document naming an item directly is not listed again as mapped.
  CHECK(Cov(*sms, "iso27001", "A.8.13").mapped_documents.empty());
}

TEST_CASE("documents not in force document nothing, directly or through a mapping") {
  auto sms = Run({{"policies/d1.md", Draft("POL-D", "controls: {acme: [S1.1]}\n")},
                  {"policies/d2.md", Draft("POL-E", "clauses: [\"8.5.1\"]\n")}});
  const ItemCoverage& c = Cov(*sms, "acme", "S1.1");
  CHECK(c.not_in_force == std::vector<int>{sms->Node("POL-D")});
  CHECK(c.documents.empty());
  CHECK(c.state == State::kNotCovered);
  CHECK(Cov(*sms, "iso27001", "A.8.32").mapped_documents.empty());
  CHECK(Cov(*sms, "iso27001", "A.8.32").state == State::kNotCovered);
}

TEST_CASE("without other frameworks there is no framework coverage") {
  auto sms = testing::RunSms(testing::BaseSms());
  CHECK(sms->analysis().frameworks.empty());
  CHECK(sms->analysis().mapped.empty());
}

TEST_CASE("NamesPartOfItem follows parents, not number prefixes") {
  Framework fw{.id = "x", .items = {{.id = "A"}, {.id = "A1", .parent = "A"}, {.id = "AB"}}};
  CHECK(NamesPartOfItem(fw, "A", "A1"));
  CHECK(NamesPartOfItem(fw, "A1", "A"));
  CHECK_FALSE(NamesPartOfItem(fw, "A", "AB"));
  CHECK_FALSE(NamesPartOfItem(fw, "Z", "A"));
}

TEST_CASE("the matrix has each pair once, in catalogue order, with both states") {
  auto sms = Run({{"policies/backup.md", testing::Doc("POL-8", "controls: {acme: [S2.1]}\n")},
                  {"policies/ops.md", testing::Doc("POL-7", "controls: {iso27001: [A.8.13]}\n")}});
  std::vector<MatrixRow> rows = FrameworkMatrix(sms->graph(), sms->analysis());
  const auto& mappings = sms->model.corpus.config.mappings;
  REQUIRE(mappings.size() == 2);
  std::vector<const MatrixRow*> acme;
  for (const MatrixRow& r : rows)
    if (r.mapping == 1) acme.push_back(&r);
  REQUIRE(acme.size() == 1);
  CHECK(acme[0]->from->id == "A.8.13");
  CHECK(acme[0]->to->id == "S2.1");
  CHECK(acme[0]->from_state == State::kDocumentedOnly);
  CHECK(acme[0]->to_state == State::kDocumentedOnly);
  // The documents naming either side directly, by ID.
  CHECK(acme[0]->documents == std::vector<int>{sms->Node("POL-7"), sms->Node("POL-8")});
  // The built-in mapping's rows first, its 20000-1 clauses in catalogue order
  // ("4.1" before "10.1", unlike the text order the mapping keeps).
  REQUIRE(rows.size() > 2);
  CHECK(rows.front().mapping == 0);
  CHECK(rows.front().from->id == "4.1");
  CHECK(rows[rows.size() - 2].from->id == "10.2");
}

TEST_CASE("a control the Statement of Applicability excludes is excluded, not a gap") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "frameworks: [frameworks/ctl.yaml]\n");
  disk.Add("frameworks/ctl.yaml",
           "id: ctl\nname: Controls\nitems:\n"
           "  - {number: C, title: All, kind: control}\n"
           "  - {number: C.1, title: Masking, kind: control}\n"
           "  - {number: C.2, title: Backup, kind: control}\n"
           "  - {number: D, title: Other, kind: control}\n"
           "  - {number: D.1, title: Dev, kind: control}\n");
  disk.Add("policies/backup.md", testing::Doc("POL-BAK", "controls: {ctl: [C.2]}\n"));
  auto entry = [](const std::string& id, const std::string& title, bool applicable) {
    return "- {id: SOA-" + id + ", kind: applicability, control: \"ctl:" + id +
           "\", title: " + title +
           ", status: approved, applicable: " + (applicable ? "true" : "false") +
           (applicable ? ", implementation: implemented" : "") + ", justification: Why.}\n";
  };
  disk.Add("records/soa.yaml", entry("C.1", "Masking", false) + entry("C.2", "Backup", true) +
                                   entry("D.1", "Dev", false));
  auto sms = testing::RunSms(disk);
  std::string messages;
  for (const auto& d : sms->diags.items()) messages += d.path + ": " + d.message + "\n";
  CAPTURE(messages);
  REQUIRE_FALSE(sms->diags.HasErrors());
  // Naming a control ties an entry into the SMS as naming a clause does.
  CHECK(messages.find("'SOA-C.1' references nothing") == std::string::npos);
  CHECK(Cov(*sms, "ctl", "C.1").state == State::kExcluded);
  CHECK(Cov(*sms, "ctl", "C.1").excluded_by == sms->Node("SOA-C.1"));
  CHECK(Cov(*sms, "ctl", "C.2").state ==
        State::kCovered);                                  // documented, and its entry evidences it
  CHECK(Cov(*sms, "ctl", "C").state == State::kCovered);   // judged from C.2 alone
  CHECK(Cov(*sms, "ctl", "D").state == State::kExcluded);  // all its controls excluded
  const auto counts = CountByState(*sms->analysis().FrameworkOf("ctl"));
  CHECK(counts.back() == std::pair<std::string, int>{"excluded", 3});
}

}  // namespace smsdoc
