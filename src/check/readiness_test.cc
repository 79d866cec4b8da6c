#include "check/readiness.h"

#include <doctest/doctest.h>

#include "load/loader.h"
#include "test_support.h"

namespace smsdoc {

TEST_CASE("Stage 1 documents: every non-process document and the evidence of items") {
  MemoryDisk disk = testing::BaseSms();  // POL-1 (policy), PRC-CHG (process)
  disk.Add("processes/other.md", testing::Doc("PRC-OTHER", "", "Body.\n", "process"));
  disk.Add("policies/a-plan.md", testing::Doc("PLN-9", "", "Body.\n", "plan"));
  disk.Add("records/r.yaml",
           "id: RSK-1\nkind: risk\ntype: risk\ntitle: Outage\nstatus: open\nlikelihood: 2\n"
           "impact: 3\n");
  Diagnostics diags;
  Corpus corpus = LoadCorpus(disk, 1, diags);
  Graph graph = LinkCorpus(corpus, diags);
  REQUIRE(diags.items().empty());
  int pol = graph.by_id.at("POL-1"), chg = graph.by_id.at("PRC-CHG");
  int plan = graph.by_id.at("PLN-9"), risk = graph.by_id.at("RSK-1");

  std::vector<ReadinessItem> checklist(2);
  checklist[0].evidence = {chg, risk};  // a record is not a document
  checklist[1].evidence = {pol, chg};
  std::vector<Stage1Document> docs = Stage1Documents(graph, checklist);
  REQUIRE(docs.size() == 3);  // by ID; PRC-OTHER is evidence for nothing
  CHECK(docs[0].node == plan);
  CHECK(docs[0].items.empty());
  CHECK(docs[1].node == pol);
  CHECK(docs[1].items == std::vector<size_t>{1});
  CHECK(docs[2].node == chg);
  CHECK(docs[2].items == std::vector<size_t>{0, 1});
}

}  // namespace smsdoc
