#include "check/diagnostic_levels.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

std::string Action(const std::string& id, const std::string& due, const std::string& accept) {
  return "- id: " + id + "\n  kind: action\n  title: Action " + id +
         "\n  owner: sms-manager\n  status: open\n  source: PRC-CHG\n  due: " + due + "\n" + accept;
}

}  // namespace

TEST_CASE("an accepted warning is not reported, but listed with its reason for review") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/actions.yaml",
           Action("ACT-1", "2026-10-01", "  accept: {overdue: \"New date agreed\"}\n") +
               Action("ACT-2", "2026-10-02", ""));
  auto sms = testing::RunSms(disk);
  // ACT-2's overdue date is reported; ACT-1's, accepted on its own lines, is not.
  std::vector<std::string> overdue;
  for (const Diagnostic& d : sms->diags.items())
    if (d.code == "overdue") overdue.push_back(d.message);
  CHECK(overdue == std::vector<std::string>{"'ACT-2': Due 2026-10-02 is overdue"});
  CHECK(sms->diags.IgnoredCount() == 1);
  const auto& accepted = sms->analysis().accepted;
  REQUIRE(accepted.size() == 1);
  CHECK(accepted[0].id == "ACT-1");
  CHECK(accepted[0].code == "overdue");
  CHECK(accepted[0].message == "'ACT-1': Due 2026-10-01 is overdue");
  CHECK(accepted[0].reason == "New date agreed");
  CHECK(accepted[0].path == "records/actions.yaml");
  CHECK(accepted[0].pos.line == 7);
}

}  // namespace smsdoc
