#include "load/loader.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

TEST_CASE("the loader sorts files into documents, processes, records and assets") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/img/diagram.png", "png");
  disk.Add("records/r.yaml", "id: MR-1\nkind: review\ntitle: Review\nstatus: planned\n");
  disk.Add("records/minutes.pdf", "pdf");
  Diagnostics d;
  Corpus c = LoadCorpus(disk, 2, d);
  CHECK(d.items().empty());
  REQUIRE(c.documents.size() == 2);
  CHECK(c.documents[0].path == "policies/policy.md");
  CHECK(c.documents[1].is_process);
  REQUIRE(c.records.size() == 1);
  CHECK(c.assets == std::vector<std::string>{"policies/img/diagram.png", "records/minutes.pdf"});
  CHECK(c.unloaded.empty());
}

TEST_CASE("files that cannot load are remembered, so their IDs are not called unknown") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/broken.md", "no front matter\n");
  disk.Add("records/bad.yaml", "- id: X\n  kind: nonsense\n  title: T\n");
  Diagnostics d;
  Corpus c = LoadCorpus(disk, 1, d);
  CHECK(c.unloaded == std::vector<std::string>{"policies/broken.md", "records/bad.yaml"});
}

TEST_CASE("a process outside the processes folder, and a missing folder, are reported") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "folders: {records: recs}\n");
  disk.Add("policies/p.md", testing::Doc("PRC-X", "", "", "process"));
  Diagnostics d;
  LoadCorpus(disk, 1, d);
  d.Sort();
  REQUIRE(d.items().size() == 2);
  CHECK(FormatDiagnostic(d.items()[0]) ==
        "policies/p.md:4:7: error: 'type: process' is for process definitions, which live in "
        "'processes/' [field-enum]");
  CHECK(FormatDiagnostic(d.items()[1]) ==
        "smsdoc.yaml:6:20: warning: content folder 'recs' does not exist [config-folder]");
}

TEST_CASE("one records file holds one YAML document") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/r.yaml",
           "- {id: A, kind: review, title: T, status: planned}\n---\n"
           "- {id: B, kind: review, title: T, status: planned}\n");
  Diagnostics d;
  Corpus c = LoadCorpus(disk, 1, d);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].code == "yaml-documents");
  CHECK(d.items()[0].pos.line == 3);  // where the second document starts
  CHECK(c.records.empty());
}

}  // namespace smsdoc
