#pragma once
// The command line described as plain data (main.cc fills it from its CLI11
// app), and what is generated from it at build time: the man page and the
// shell completions. So they list exactly the commands and options --help does.
#include <string>
#include <vector>

namespace smsdoc {

struct CliOption {
  std::vector<std::string> names;  ///< "-j", "--jobs"; empty for a positional
  std::string positional;          ///< "DIR" for a positional, else ""
  std::string description;
  bool takes_value = false;  ///< false for a flag
  bool required = false;
  std::string value_name;            ///< "TEXT", "INT" (CLI11's type name)
  std::vector<std::string> choices;  ///< the allowed values, if a fixed set
};

struct CliCommand {
  std::string name, description, footer;
  std::vector<CliOption> options;  ///< --help included
};

struct CliSpec {
  std::string name, version, description, footer;
  std::vector<CliOption> options;  ///< of the program itself: --help, --version
  std::vector<CliCommand> commands;
};

/// "TEXT:{json,dot}" (CLI11's type name with an IsMember check) -> {json, dot}.
std::vector<std::string> ChoicesOfTypeName(const std::string& type_name);

/// smsdoc.1 in roff (man(7)); no date, so the same binary gives the same bytes.
std::string ManPage(const CliSpec& spec);
std::string BashCompletion(const CliSpec& spec);
std::string ZshCompletion(const CliSpec& spec);
std::string FishCompletion(const CliSpec& spec);

}  // namespace smsdoc
