#include "check/portable_outputs.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

std::vector<std::string> PortableMessages(const Disk& disk) {
  auto sms = testing::RunSms(disk);
  std::vector<std::string> out;
  for (const Diagnostic& d : sms->diags.items())
    if (d.code == "path-portable") out.push_back(FormatDiagnostic(d));
  return out;
}

std::string Risk(const std::string& id) {
  return "- id: " + id +
         "\n  kind: risk\n  title: Risk\n  owner: sms-manager\n  status: open\n"
         "  likelihood: 2\n  impact: 3\n  treatment: modify\n";
}

}  // namespace

TEST_CASE("record IDs whose pages differ only in case clash, named at both IDs") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/a.yaml", Risk("RSK-001"));
  disk.Add("records/b.yaml", Risk("rsk-002") + Risk("rsk-001"));
  CHECK(PortableMessages(disk) ==
        std::vector<std::string>{
            "records/b.yaml:9:7: error: 'records/risk/rsk-001.html', the page of 'rsk-001', and "
            "'records/risk/RSK-001.html', the page of 'RSK-001' (records/a.yaml:1:7), differ only "
            "in case, so they are one file on Windows and macOS: choose another ID "
            "[path-portable]"});
}

TEST_CASE("a record ID that is a device name on Windows is refused at the ID") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/a.yaml", Risk("Con") + Risk("LPT1.2") + Risk("CONTROL"));
  CHECK(PortableMessages(disk) ==
        std::vector<std::string>{
            "records/a.yaml:1:7: error: the page of 'Con' would be 'records/risk/Con.html', and "
            "'Con.html' is a device name on Windows, not a file: choose another ID "
            "[path-portable]",
            "records/a.yaml:9:7: error: the page of 'LPT1.2' would be "
            "'records/risk/LPT1.2.html', and 'LPT1.2.html' is a device name on Windows, not a "
            "file: choose another ID [path-portable]"});
}

TEST_CASE("a page and a copied file, or a page and smsdoc's own, that differ only in case") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/Policy.html", "<p>old export</p>");  // beside policies/policy.md
  disk.Add("processes/Map.md", testing::Doc("PRC-MAP", "", "Body.\n", "process"));
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) +
                              "kinds:\n  Risk:\n    title: Risks again\n    statuses: [open]\n"
                              "    columns: [id]\n    fields: {}\n");
  CHECK(PortableMessages(disk) ==
        std::vector<std::string>{
            "policies/policy.md:1:1: error: 'policies/policy.html', the page of "
            "'policies/policy.md', and 'policies/Policy.html', the copy of "
            "'policies/Policy.html', differ only in case, so they are one file on Windows and "
            "macOS: rename the file [path-portable]",
            "processes/Map.md:1:1: error: 'processes/Map.html', the page of 'processes/Map.md', "
            "and 'processes/map.html', smsdoc's page, differ only in case, so they are one file "
            "on Windows and macOS: rename the file [path-portable]",
            "smsdoc.yaml:7:3: error: 'records/Risk.html', the register of kind 'Risk', and "
            "'records/risk.html', the register of kind 'risk', differ only in case, so they are "
            "one file on Windows and macOS: choose another kind name [path-portable]",
            "smsdoc.yaml:7:3: error: 'registers/Risk-register.xlsx', the workbook of kind "
            "'Risk', and 'registers/risk-register.xlsx', the workbook of kind 'risk', differ "
            "only in case, so they are one file on Windows and macOS: choose another kind name "
            "[path-portable]"});
}

TEST_CASE("source paths that clash are reported once, by the loader") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("policies/Policy.md", testing::Doc("POL-2"));
  auto sms = testing::RunSms(disk);
  CHECK(sms->Codes() == std::vector<std::string>{"path-portable"});
}

TEST_CASE("a review record whose page would be another review's pack clashes") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("records/r.yaml",
           "- {id: MR-1, kind: review, title: R, status: planned}\n"
           "- {id: MR-1-pack, kind: review, title: R, status: planned}\n");
  auto sms = testing::RunSms(disk);
  std::vector<std::string> clashes;
  for (const Diagnostic& d : sms->diags.items())
    if (d.code == "output-clash") clashes.push_back(FormatDiagnostic(d));
  CHECK(clashes == std::vector<std::string>{
                       "records/r.yaml:2:8: error: its output 'records/review/MR-1-pack.html' "
                       "would overwrite the review pack of 'MR-1' (records/r.yaml:1:8): rename "
                       "the file [output-clash]"});
}

TEST_CASE("a kind of the SMS's own named like one of smsdoc's workbooks clashes") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) +
                              "kinds:\n  kpi:\n    title: KPIs\n    statuses: [open]\n"
                              "    columns: [id]\n    fields: {}\n");
  auto sms = testing::RunSms(disk);
  std::vector<std::string> clashes;
  for (const Diagnostic& d : sms->diags.items())
    if (d.code == "output-clash") clashes.push_back(FormatDiagnostic(d));
  REQUIRE(clashes.size() == 1);
  CHECK(clashes[0].find("registers/kpi-register.xlsx") != std::string::npos);
}

}  // namespace smsdoc
