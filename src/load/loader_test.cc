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

namespace smsdoc {

TEST_CASE("source paths Windows or macOS cannot hold are refused at the path") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/Policy.md", testing::Doc("POL-2"));  // case of policy.md
  disk.Add("policies/caf\u00e9.pdf", "pdf");              // NFC ...
  disk.Add("policies/cafe\u0301.pdf", "pdf");             // ... and NFD
  disk.Add("policies/aux/form.pdf", "pdf");               // a device folder
  disk.Add("policies/what?.pdf", "pdf");                  // a refused character
  disk.Add("policies/two\nlines.pdf", "pdf");             // a newline
  disk.Add("policies/notes.", "txt");                     // a trailing dot
  Diagnostics d;
  LoadCorpus(disk, 1, d);
  d.Sort();
  std::vector<std::string> m;
  for (const auto& item : d.items()) m.push_back(FormatDiagnostic(item));
  CHECK(m == std::vector<std::string>{
                 "policies/aux/form.pdf:1:1: error: the folder name 'aux' is a device name on "
                 "Windows, not a file; rename it [path-portable]",
                 "policies/caf\u00e9.pdf:1:1: error: 'policies/caf\u00e9.pdf' and "
                 "'policies/cafe\u0301.pdf' differ only in Unicode normalisation (an accented "
                 "letter written as one character or as a letter and an accent), so they are one "
                 "file on macOS: rename one [path-portable]",
                 "policies/notes.:1:1: error: the file name 'notes.' ends in a dot, which Windows "
                 "drops; rename it [path-portable]",
                 "policies/policy.md:1:1: error: 'policies/policy.md' and 'policies/Policy.md' "
                 "differ only in case, so they are one file on Windows and macOS: rename one "
                 "[path-portable]",
                 "policies/two\\nlines.pdf:1:1: error: the file name 'two\\nlines.pdf' holds the "
                 "control character \\n, which Windows refuses in file names; rename it "
                 "[path-portable]",
                 "policies/what?.pdf:1:1: error: the file name 'what?.pdf' holds '?', which "
                 "Windows refuses in file names; rename it [path-portable]"});
}

}  // namespace smsdoc
