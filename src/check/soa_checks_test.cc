#include "check/soa_checks.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

std::string Entry(const std::string& control, const std::string& title, const std::string& rest) {
  return "- id: SOA-" + control + "\n  kind: applicability\n  control: iso27001:" + control +
         "\n  title: " + title + "\n  status: approved\n" + rest;
}

MemoryDisk SmsWith(const std::string& records) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + "frameworks: [iso27001]\n");
  disk.Add("records/soa.yaml", records);
  return disk;
}

const Diagnostic* Find(const Diagnostics& diags, const std::string& code) {
  for (const Diagnostic& d : diags.items())
    if (d.code == code) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("SoA entries: justification, implementation, title, control and duplicates") {
  auto sms = testing::RunSms(SmsWith(
      Entry("A.8.30", "Outsourced development", "  applicable: false\n") +
      Entry("A.5.15", "Access control", "  applicable: true\n") +
      Entry("A.5.1", "Policies", "  applicable: true\n  implementation: planned\n") +
      "- id: SOA-X\n  kind: applicability\n  control: iso27001:A.5\n  title: Organizational "
      "controls\n  status: draft\n  applicable: true\n  implementation: planned\n" +
      "- id: SOA-A.8.30-again\n  kind: applicability\n  control: iso27001:A.8.30\n"
      "  title: Outsourced development\n  status: approved\n  applicable: false\n"
      "  justification: None outsourced.\n"));
  const Diagnostic* justification = Find(sms->diags, "soa-justification");
  REQUIRE(justification);
  CHECK(justification->path == "records/soa.yaml");
  CHECK(justification->pos.line == 6);  // the `applicable: false` of SOA-A.8.30
  CHECK(justification->pos.col == 15);
  CHECK(Find(sms->diags, "soa-implementation")->message.find("'SOA-A.5.15'") == 0);
  const Diagnostic* title = Find(sms->diags, "soa-title");
  REQUIRE(title);
  CHECK(title->message.find("'Policies for information security'") != std::string::npos);
  const Diagnostic* control = Find(sms->diags, "soa-control");
  REQUIRE(control);
  CHECK(control->message.find("'iso27001:A.5' is not a control") != std::string::npos);
  const Diagnostic* duplicate = Find(sms->diags, "soa-duplicate");
  REQUIRE(duplicate);
  CHECK(duplicate->message.find("already has an entry, 'SOA-A.8.30'") != std::string::npos);
  // Begun: every other control of ISO/IEC 27001 is reported once, on its
  // `frameworks:` entry.
  const Diagnostic* missing = Find(sms->diags, "soa-missing");
  REQUIRE(missing);
  CHECK(missing->path == "smsdoc.yaml");
  CHECK(missing->pos.line == 6);
  CHECK(missing->message.find("no entry for 90 controls of ISO/IEC 27001:2022: A.5.2, A.5.3") !=
        std::string::npos);
}

TEST_CASE("no SoA entry: no SoA errors; a 20000-1 clause is no control") {
  auto none = testing::RunSms(SmsWith(""));
  CHECK_FALSE(Find(none->diags, "soa-missing"));
  auto clause = testing::RunSms(
      SmsWith("- id: SOA-1\n  kind: applicability\n  control: \"8.7.3\"\n  title: T\n"
              "  status: draft\n  applicable: true\n  implementation: planned\n"));
  REQUIRE(Find(clause->diags, "soa-control"));
  CHECK(Find(clause->diags, "soa-control")->pos.line == 3);
}

}  // namespace smsdoc
