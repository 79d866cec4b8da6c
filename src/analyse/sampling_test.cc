#include "analyse/sampling.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "test_support.h"

namespace smsdoc {

namespace {

// 30 actions (A01..A30), a third of them raised by an incident.
std::unique_ptr<testing::Sms> ActionsSms(const std::string& config_extra = "") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + config_extra);
  std::string actions;
  for (int i = 1; i <= 30; ++i) {
    char id[8];
    std::snprintf(id, sizeof id, "A%02d", i);
    actions += std::string("- {id: ") + id + ", kind: action, title: T, status: open, " +
               "source_type: " + (i % 3 ? "other" : "incident") + ", raised: 2026-01-01}\n";
  }
  disk.Add("records/actions.yaml", actions);
  disk.Add("records/people.yaml",
           "- {id: P1, kind: person, title: Ann, status: active, role: sms-manager}\n"
           "- {id: P2, kind: person, title: Bob, status: active, role: sms-manager}\n"
           "- {id: T1, kind: training, title: T, status: completed, person: P1}\n"
           "- {id: T2, kind: training, title: T, status: completed, person: P2}\n"
           "- {id: T3, kind: training, title: T, status: completed, person: P2}\n");
  return testing::RunSms(disk);
}

std::vector<std::string> Ids(const testing::Sms& sms, const std::vector<int>& nodes) {
  std::vector<std::string> out;
  for (int n : nodes) out.push_back(sms.graph().nodes[n].id);
  return out;
}

const Population& Find(const std::vector<Population>& all, const std::string& key) {
  for (const Population& p : all)
    if (p.key == key) return p;
  throw std::runtime_error("no population " + key);
}

}  // namespace

TEST_CASE("the sample size grows with the population, all of a small one") {
  CHECK(SampleSize(0) == 0);
  CHECK(SampleSize(5) == 5);
  CHECK(SampleSize(6) == 5);
  CHECK(SampleSize(25) == 5);
  CHECK(SampleSize(26) == 8);
  CHECK(SampleSize(100) == 8);
  CHECK(SampleSize(101) == 10);
  CHECK(SampleSize(250) == 10);
  CHECK(SampleSize(251) == 15);
  CHECK(SampleSize(1000) == 15);
  CHECK(SampleSize(1001) == 20);
}

TEST_CASE("the random sequence is splitmix64, so a draw can be repeated elsewhere") {
  uint64_t state = 0;
  CHECK(NextRandom(state) == 0xE220A8397B1DCDAFull);
  CHECK(NextRandom(state) == 0x6E789E6AA1B965F4ull);
}

TEST_CASE("a seed draws the same sample every time, another seed another") {
  auto sms = ActionsSms();
  REQUIRE_FALSE(sms->diags.HasErrors());
  const Population& actions = Find(sms->analysis().samples, "actions");
  CHECK(actions.members.size() == 30);
  REQUIRE(actions.sample.size() == 8);
  std::vector<std::string> drawn = Ids(*sms, actions.sample);
  CHECK(std::is_sorted(drawn.begin(), drawn.end()));
  CHECK(std::set<std::string>(drawn.begin(), drawn.end()).size() == 8);
  CHECK(sms->analysis().sample_seed == 1);  // the default
  std::vector<Population> again = DrawSamples(sms->graph(), 1);
  CHECK(Ids(*sms, Find(again, "actions").sample) == drawn);
  std::vector<Population> other = DrawSamples(sms->graph(), 2);
  CHECK(Ids(*sms, Find(other, "actions").sample) != drawn);
  // smsdoc.yaml's seed is the default one.
  auto seeded = ActionsSms("sampling: {seed: 2}\n");
  CHECK(Ids(*seeded, Find(seeded->analysis().samples, "actions").sample) ==
        Ids(*sms, Find(other, "actions").sample));
}

TEST_CASE("trainings are those of the people to interview, when smsdoc.yaml lists them") {
  auto all = ActionsSms();
  CHECK(Ids(*all, Find(all->analysis().samples, "trainings").members) ==
        std::vector<std::string>{"T1", "T2", "T3"});
  auto listed = ActionsSms("sampling: {people: [P2]}\n");
  CHECK(Ids(*listed, Find(listed->analysis().samples, "trainings").members) ==
        std::vector<std::string>{"T2", "T3"});
  auto wrong = ActionsSms("sampling: {people: [P3]}\n");
  std::vector<std::string> errors;
  for (const Diagnostic& d : wrong->diags.items())
    if (d.severity == Severity::kError) errors.push_back(d.code + ": " + d.message);
  CHECK(errors == std::vector<std::string>{"config-sampling: 'sampling: people' names 'P3', which "
                                           "is no person record (did you mean 'P1'?)"});
}

}  // namespace smsdoc
