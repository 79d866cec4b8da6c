#pragma once
#include <yaml-cpp/mark.h>

#include <string>
#include <vector>

namespace smsdoc {

/// Where the root node of each of the first two YAML documents in `text`
/// starts; throws YAML::ParserException on a syntax error, including a ','
/// where a root should start ("," or "[a] ,"): on that, yaml-cpp 0.7's
/// LoadAll loops for ever, allocating, as the parser returns empty
/// documents without consuming the comma (jbeder/yaml-cpp#1040, fixed in
/// 0.8).
std::vector<YAML::Mark> DocumentRoots(const std::string& text);

}  // namespace smsdoc
