#include "load/config_loader.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {
Config Parse(const std::string& text, Diagnostics& d) {
  return ParseConfig(ParseYaml(text, kConfigFile, 1, d), d);
}
const char* kBase = "organization: O\nscope: S\nroles:\n  sms-manager: {title: SMS Manager}\n";
}  // namespace

TEST_CASE("settings are read with defaults") {
  Diagnostics d;
  Config c = Parse(kBase, d);
  CHECK(d.items().empty());
  CHECK(c.title == "O SMS");
  CHECK(c.policies_dirs == std::vector<std::string>{"policies"});
  CHECK(c.output == "site");
  CHECK_FALSE(c.allow_raw_html);
  REQUIRE(c.FindRole("sms-manager"));
  CHECK(c.FindRole("sms-manager")->title == "SMS Manager");
}

TEST_CASE("a content type may have several folders, none overlapping another") {
  Diagnostics d;
  Config c = Parse(std::string(kBase) + "folders: {policies: [en, de/], records: regs}\n", d);
  CHECK(d.items().empty());
  CHECK(c.policies_dirs == std::vector<std::string>{"en", "de"});
  CHECK(c.processes_dirs == std::vector<std::string>{"processes"});
  CHECK(c.ContentFolders() ==
        std::vector<std::string>{"en", "de", "processes", "regs", "service-reports"});
  Diagnostics bad;
  Parse(std::string(kBase) + "folders: {policies: [en, en/x, /abs], processes: []}\n", bad);
  bad.Sort();
  std::vector<std::string> messages;
  for (const Diagnostic& x : bad.items()) messages.push_back(FormatDiagnostic(x));
  CHECK(messages == std::vector<std::string>{
                        "smsdoc.yaml:5:10: error: folders 'policies' (en) and 'policies' (en/x) "
                        "overlap; each needs its own folder [config-folder]",
                        "smsdoc.yaml:5:32: error: folder 'policies' must be a sub-folder of the "
                        "SMS root [config-folder]",
                        "smsdoc.yaml:5:50: error: folder 'processes' must name at least one "
                        "folder [config-folder]"});
}

TEST_CASE("unknown keys get a suggestion, wherever they are") {
  Diagnostics d;
  Parse(std::string(kBase) + "titel: X\nfolders: {policy: p}\n", d);
  d.Sort();
  REQUIRE(d.items().size() == 2);
  CHECK(FormatDiagnostic(d.items()[0]) ==
        "smsdoc.yaml:5:1: error: unknown key 'titel' (did you mean 'title'?) [config-key]");
  CHECK(FormatDiagnostic(d.items()[1]) ==
        "smsdoc.yaml:6:11: error: unknown key 'policy' in 'folders' (did you mean "
        "'policies'?) [config-key]");
}

TEST_CASE("content folders must be distinct and inside the root") {
  Diagnostics d;
  Parse(std::string(kBase) + "folders: {processes: policies/sub, records: ../r}\n", d);
  d.Sort();
  REQUIRE(d.items().size() == 2);
  CHECK(d.items()[0].message ==
        "folders 'policies' (policies) and 'processes' (policies/sub) overlap; each needs "
        "its own folder");
  CHECK(d.items()[1].message == "folder 'records' must be a sub-folder of the SMS root");
}

TEST_CASE("roles are required, each with a title") {
  Diagnostics d;
  Parse("organization: O\nscope: S\nroles:\n  ceo: CEO\n", d);
  REQUIRE(d.items().size() == 1);
  CHECK(FormatDiagnostic(d.items()[0]) ==
        "smsdoc.yaml:4:3: error: role 'ceo' needs a title: 'ceo: {title: ...}' [config-roles]");
}

}  // namespace smsdoc
