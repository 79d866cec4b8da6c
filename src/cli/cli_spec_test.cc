#include "cli/cli_spec.h"

#include <doctest/doctest.h>

using namespace smsdoc;

TEST_CASE("ChoicesOfTypeName reads CLI11's IsMember set, nothing else") {
  CHECK(ChoicesOfTypeName("TEXT:{json,dot}") == std::vector<std::string>{"json", "dot"});
  CHECK(ChoicesOfTypeName("TEXT").empty());
  CHECK(ChoicesOfTypeName("INT:INT in [1 - 256]").empty());
}

TEST_CASE("ManPage escapes roff: dashes, backslashes, leading dots, non-ASCII") {
  CliSpec spec{.name = "smsdoc", .version = "1.2.3", .description = "smsdoc does X."};
  spec.commands.push_back({.name = "build",
                           .description = "Build",
                           .footer = "\n.hidden \\ \xc3\x84nderung\n",
                           .options = {{.names = {"-j", "--jobs"},
                                        .description = "threads",
                                        .takes_value = true,
                                        .value_name = "INT"}}});
  std::string page = ManPage(spec);
  CHECK(page.find(".TH SMSDOC 1 \"\" \"smsdoc 1.2.3\"") != std::string::npos);
  CHECK(page.find("smsdoc \\- does X\n") != std::string::npos);
  CHECK(page.find("\\fB\\-j\\fR, \\fB\\-\\-jobs\\fR \\fIINT\\fR") != std::string::npos);
  CHECK(page.find("\\&.hidden \\e \\[u00C4]nderung") != std::string::npos);
}
