#include "link/graph.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {
// Through the one pipeline, with the Stage 1 checklist off: these tests
// are about links, and the checklist would warn about what the small SMSs
// lack.
std::unique_ptr<testing::Sms> LoadAndLink(MemoryDisk disk) {
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "readiness: {check: false}\n");
  auto out = testing::RunSms(disk);
  return out;
}
}  // namespace

TEST_CASE("references resolve to page URLs and produce backlinks") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/b.md",
           testing::Doc("POL-2", "related: [POL-1]\n",
                        "See [[PRC-CHG]], [[POL-1#roles]] and [p](policy.md#scope).\n"));
  auto m = LoadAndLink(disk);
  CHECK(m->diags.items().empty());
  int b = m->graph().by_id.at("POL-2");
  REQUIRE(m->graph().links[b].size() == 4);
  CHECK(m->graph().links[b][0].url == "policies/policy.html");
  CHECK(m->graph().links[b][1].url == "processes/change.html");
  CHECK(m->graph().links[b][2].url == "policies/policy.html");
  CHECK(m->graph().links[b][2].anchor == "roles");
  CHECK(m->graph().links[b][3].anchor == "scope");
  int pol1 = m->graph().by_id.at("POL-1");
  REQUIRE(m->graph().backlinks[pol1].size() == 2);  // related + body, one entry each
  CHECK(m->graph().backlinks[pol1][0].relation == "body");
  CHECK(m->graph().backlinks[pol1][1].relation == "related");
}

TEST_CASE("unknown IDs, anchors and paths are errors with suggestions") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/b.md",
           testing::Doc("POL-2", "", "[[PRC-CHNG]]\n\n[[POL-1#scpe]]\n\n[x](polcy.md)\n"));
  auto m = LoadAndLink(disk);
  REQUIRE(m->diags.items().size() == 3);
  CHECK(FormatDiagnostic(m->diags.items()[0]) ==
        "policies/b.md:12:1: error: unknown reference 'PRC-CHNG' (did you mean 'PRC-CHG'?) "
        "[ref-unknown]");
  CHECK(FormatDiagnostic(m->diags.items()[1]) ==
        "policies/b.md:14:1: error: unknown anchor '#scpe' in 'POL-1' (did you mean 'scope'?) "
        "[anchor-unknown]");
  CHECK(FormatDiagnostic(m->diags.items()[2]) ==
        "policies/b.md:16:1: error: link to 'policies/polcy.md' matches no document or file in "
        "the content folders (did you mean 'policies/policy.md'?) [link-unknown]");
}

TEST_CASE("orphans are warned about once the SMS has no errors") {
  MemoryDisk disk = testing::BaseSms();  // POL-1 and PRC-CHG, unlinked
  disk.Add("policies/b.md", testing::Doc("POL-2", "related: [POL-1]\n"));
  auto m = LoadAndLink(disk);
  REQUIRE(m->diags.items().size() == 1);
  CHECK(FormatDiagnostic(m->diags.items()[0]) ==
        "processes/change.md:2:5: warning: 'PRC-CHG' references nothing and nothing "
        "references it (an orphan) [orphan]");

  disk.Add("policies/c.md", testing::Doc("POL-3", "related: [NOPE]\n"));
  auto broken = LoadAndLink(disk);
  for (const auto& d : broken->diags.items()) CHECK(d.code != "orphan");
}

TEST_CASE("a link to a folder says so") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/b.md", testing::Doc("POL-2", "", "[all](../processes) [root](../)\n"));
  auto m = LoadAndLink(disk);
  REQUIRE(m->diags.items().size() == 2);
  CHECK(m->diags.items()[0].message ==
        "link to the folder 'processes': a folder has a page only when it holds a README.md (or "
        "readme.md, index.md) document; link to a document or file in it, or add one");
  CHECK(m->diags.items()[1].message ==
        "link to the SMS root folder: link to a document or file in it");
}

TEST_CASE("a link to a folder with a README.md or index.md leads to that document") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/en/README.md", testing::Doc("POL-EN", "", "English set.\n"));
  disk.Add("policies/de/index.md", testing::Doc("POL-DE", "", "Deutsch.\n"));
  disk.Add("policies/b.md", testing::Doc("POL-2", "", "[en/](en/) [de](de) [Scope](en#Scope)\n"));
  auto m = LoadAndLink(disk);
  std::vector<std::string> errors;
  for (const auto& d : m->diags.items())
    if (d.severity == Severity::kError) errors.push_back(FormatDiagnostic(d));
  // The folder's document is the target, its headings the anchors.
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].find(": error: unknown anchor '#Scope' in 'POL-EN' [anchor-unknown]") !=
        std::string::npos);
  std::vector<std::string> targets;
  for (const auto& link : m->graph().links[m->graph().by_id.at("POL-2")])
    if (link.target >= 0) targets.push_back(m->graph().nodes[link.target].id);
  CHECK(targets == std::vector<std::string>{"POL-EN", "POL-DE", "POL-EN"});
}

TEST_CASE("a link to a folder with a README leads to it, as on GitHub") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/en/README.md", testing::Doc("POL-EN"));
  disk.Add("policies/b.md", testing::Doc("POL-2", "", "[English](en/) [also](en)\n"));
  auto m = LoadAndLink(disk);
  for (const auto& d : m->diags.items()) CHECK(d.code != "link-unknown");
  int node = m->Node("POL-2");
  REQUIRE(m->graph().links[node].size() == 2);
  for (const Link& link : m->graph().links[node]) CHECK(link.target == m->Node("POL-EN"));
}

TEST_CASE("duplicate IDs name both files") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/z.md", testing::Doc("POL-1"));
  auto m = LoadAndLink(disk);
  REQUIRE(m->diags.items().size() == 1);
  CHECK(FormatDiagnostic(m->diags.items()[0]) ==
        "policies/z.md:2:5: error: duplicate ID 'POL-1', also used by policies/policy.md "
        "[id-duplicate]");
}

TEST_CASE("typed references must name the right kind") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("processes/inc.md",
           testing::Doc("PRC-INC", "interfaces: [POL-1, PRC-CHG]\n", "", "process"));
  disk.Add("records/f.yaml",
           "id: F-1\nkind: finding\ntitle: Gap\nstatus: open\nclassification: minor\n"
           "raised: 2026-01-10\nclause: \"8.5.1\"\n"
           "audit: PRC-CHG\n");
  auto m = LoadAndLink(disk);
  REQUIRE(m->diags.items().size() == 2);
  CHECK(FormatDiagnostic(m->diags.items()[0]) ==
        "processes/inc.md:11:14: error: 'interfaces' must name a process, but 'POL-1' is a policy "
        "[ref-kind]");
  CHECK(FormatDiagnostic(m->diags.items()[1]) ==
        "records/f.yaml:8:8: error: 'audit' must name an audit record, but 'PRC-CHG' is a process "
        "[ref-kind]");
}

TEST_CASE("a link to a records file leads to its kind's page, or with #ID to the record") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/audits.yaml",
           testing::Audit("AUD-1", "internal", "completed", "2026-01-11", "[\"9.2\"]"));
  disk.Add("records/mixed.yaml",
           testing::Audit("AUD-2", "internal", "completed", "2026-01-11", "[\"9.2\"]") +
               "- id: F-1\n  kind: finding\n  title: Gap\n  status: open\n"
               "  classification: minor\n  raised: 2026-01-10\n  clause: \"8.5.1\"\n"
               "  audit: AUD-2\n");
  disk.Add("policies/b.md",
           testing::Doc("POL-2", "",
                        "[a](../records/audits.yaml)\n\n[b](../records/audits.yaml#AUD-1)\n\n"
                        "[c](../records/audits.yaml#AUD-9)\n\n[d](../records/mixed.yaml)\n"));
  auto m = LoadAndLink(disk);
  REQUIRE(m->diags.items().size() == 2);
  CHECK(FormatDiagnostic(m->diags.items()[0]) ==
        "policies/b.md:16:1: error: no record 'AUD-9' in 'records/audits.yaml' (did you mean "
        "'AUD-1'?): after '#' name the ID of one of its records [anchor-unknown]");
  CHECK(FormatDiagnostic(m->diags.items()[1]) ==
        "policies/b.md:18:1: error: link to 'records/mixed.yaml': it holds records of several "
        "kinds (audit, finding), so no one page lists them; link a record by its ID ([[AUD-2]]) "
        "or add '#AUD-2' to the link [link-records-file]");
  int b = m->graph().by_id.at("POL-2");
  const std::vector<Link>& links = m->graph().links[b];
  REQUIRE(links.size() == 4);
  CHECK(links[0].url == "records/audit.html");
  CHECK(links[0].target == -1);
  CHECK_FALSE(links[0].file);
  CHECK(links[1].url == "records/audit/AUD-1.html");
  CHECK(links[1].target == m->graph().by_id.at("AUD-1"));
  CHECK(links[1].anchor.empty());
}

TEST_CASE("a link to a copied file is marked as one") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/manual.pdf", "%PDF");
  disk.Add("policies/b.md", testing::Doc("POL-2", "", "[m](manual.pdf?x=1#page=3)\n"));
  auto m = LoadAndLink(disk);
  int b = m->graph().by_id.at("POL-2");
  REQUIRE(m->graph().links[b].size() == 1);
  CHECK(m->graph().links[b][0].file);
  CHECK(m->graph().links[b][0].url == "policies/manual.pdf");
}

}  // namespace smsdoc
