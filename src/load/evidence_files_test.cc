#include "load/evidence_files.h"

#include <doctest/doctest.h>

#include "adapters/sha256.h"
#include "load/loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

// BaseSms with `records/reviews/mr.yaml` listing `files` (YAML list lines)
// and a few files beside it; the diagnostics, sorted and formatted.
std::vector<std::string> Load(const std::string& files, Corpus* out = nullptr) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/reviews/mr.yaml",
           "id: MR-1\nkind: review\ntitle: Review\nstatus: completed\nevidence_files:\n" + files);
  disk.Add("records/evidence/minutes.pdf", "%PDF-1.4 minutes");
  disk.Add("records/evidence/notes.txt", "notes");
  disk.Add("records/risks.yaml", "[]\n");
  disk.Add("evidence/outside.pdf", "not in a content folder");
  Diagnostics d;
  Corpus c = LoadCorpus(disk, 2, d);
  d.Sort();
  std::vector<std::string> lines;
  for (const auto& item : d.items()) lines.push_back(FormatDiagnostic(item));
  if (out) *out = std::move(c);
  return lines;
}

}  // namespace

TEST_CASE("evidence files are found relative to the record's file, with size and SHA-256") {
  Corpus c;
  CHECK(Load("  - ../evidence/minutes.pdf\n  - ./../evidence/notes.txt\n", &c).empty());
  REQUIRE(c.records.size() == 1);
  const auto& files = c.records[0].evidence_files;
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == "records/evidence/minutes.pdf");
  CHECK(files[0].written == "../evidence/minutes.pdf");
  CHECK(files[0].pos.line == 6);
  CHECK(files[0].pos.col == 5);
  CHECK(files[0].size == 16);
  CHECK(files[0].sha256 == Sha256Hex("%PDF-1.4 minutes"));
  CHECK(files[1].path == "records/evidence/notes.txt");
}

TEST_CASE("every bad evidence path is reported at its item, all in one run") {
  std::vector<std::string> lines = Load(
      "  - ../evidence/minuts.pdf\n"      // misspelt
      "  - /etc/passwd\n"                 // absolute
      "  - ../../../etc/passwd\n"         // climbs out of the root
      "  - ../evidence/minutes.pdf\n"     // fine
      "  - ../evidence/./minutes.pdf\n"   // the same file again
      "  - ../../evidence/outside.pdf\n"  // not in a content folder
      "  - ../risks.yaml\n"               // content, not a copied file
      "  - ../evidence\n");               // a folder
  REQUIRE(lines.size() == 7);
  CHECK(lines[0] ==
        "records/reviews/mr.yaml:6:5: error: no file '../evidence/minuts.pdf' "
        "(records/evidence/minuts.pdf from the SMS root) in the content folders (did you mean "
        "'../evidence/minutes.pdf'?) [evidence-unknown]");
  CHECK(lines[1] ==
        "records/reviews/mr.yaml:7:5: error: '/etc/passwd' is not a relative path: write it "
        "relative to this file, with '/' [evidence-path]");
  CHECK(lines[2] ==
        "records/reviews/mr.yaml:8:5: error: '../../../etc/passwd' points outside the SMS root "
        "[evidence-path]");
  CHECK(lines[3] ==
        "records/reviews/mr.yaml:10:5: error: '../evidence/./minutes.pdf' is listed twice in "
        "this record (first at line 9) [evidence-duplicate]");
  CHECK(lines[4].find("records/reviews/mr.yaml:11:5: error: '../../evidence/outside.pdf' is "
                      "not a file the site copies") == 0);
  CHECK(lines[5].find("records/reviews/mr.yaml:12:5: error: '../risks.yaml' is not a file the "
                      "site copies") == 0);
  CHECK(lines[6] ==
        "records/reviews/mr.yaml:13:5: error: '../evidence' is a folder; list the files in it "
        "[evidence-unknown]");
}

TEST_CASE("evidence_files must be a list of paths") {
  std::vector<std::string> lines = Load("    minutes.pdf\n");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("error: 'evidence_files' must be a list of paths, got") != std::string::npos);
  CHECK(lines[0].find("[evidence-path]") != std::string::npos);
  lines = Load("  - {a: b}\n");
  REQUIRE(lines.size() == 1);
  CHECK(lines[0].find("records/reviews/mr.yaml:6:5: error: items of 'evidence_files' must be "
                      "file paths") == 0);
}

TEST_CASE("a file in a folder that could not be read is not called missing") {
  Corpus c;
  c.unloaded = {"records/locked"};
  c.records.push_back({});
  c.records[0].path = "records/r.yaml";
  c.records[0].evidence_files.push_back({"locked/a.pdf", "records/locked/a.pdf", {3, 5}, 0, ""});
  MemoryDisk disk;
  Diagnostics d;
  FindEvidenceFiles(c, disk, 1, d);
  CHECK(d.items().empty());
  CHECK(c.records[0].evidence_files.empty());
}

}  // namespace smsdoc
