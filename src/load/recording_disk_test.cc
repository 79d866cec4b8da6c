#include "load/recording_disk.h"

#include <doctest/doctest.h>

#include <algorithm>

namespace smsdoc {

TEST_CASE("RecordingDisk: what was asked, asked again, tells a change") {
  auto recorder = std::make_shared<ReadRecorder>();
  auto memory = std::make_unique<MemoryDisk>();
  memory->Add("smsdoc.yaml", "organization: A\n");
  memory->Add("policies/a.md", "one");
  RecordingDisk disk(std::move(memory), "sms", recorder);
  CHECK(disk.ReadFile("policies/a.md") == "one");
  CHECK(disk.ListFiles("policies").files == std::vector<std::string>{"policies/a.md"});
  CHECK(disk.IsFolder("policies"));
  CHECK_FALSE(disk.ReadFile("missing.md"));
  disk.ReadFile("policies/a.md");  // asked twice, noted once
  std::vector<DiskRead> reads = recorder->Reads();
  REQUIRE(reads.size() == 4);
  CHECK(std::is_sorted(reads.begin(), reads.end()));

  MemoryDisk same;
  same.Add("smsdoc.yaml", "organization: B\n");  // never read: no matter
  same.Add("policies/a.md", "one");
  CHECK(SameAnswers(reads, {{"sms", &same}}));
  CHECK_FALSE(SameAnswers(reads, {{"theme", &same}}));  // no disk of that name

  MemoryDisk edited = same;
  edited.Add("policies/a.md", "two");
  CHECK_FALSE(SameAnswers(reads, {{"sms", &edited}}));
  MemoryDisk added = same;
  added.Add("policies/b.md", "new");
  CHECK_FALSE(SameAnswers(reads, {{"sms", &added}}));
  MemoryDisk appeared = same;
  appeared.Add("missing.md", "");
  CHECK_FALSE(SameAnswers(reads, {{"sms", &appeared}}));
}

}  // namespace smsdoc
