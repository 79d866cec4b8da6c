#include "cli/cli_spec.h"

namespace smsdoc {

std::vector<std::string> ChoicesOfTypeName(const std::string& type_name) {
  size_t open = type_name.find(":{"), close = type_name.find('}', open);
  if (open == std::string::npos || close == std::string::npos) return {};
  std::vector<std::string> choices;
  std::string set = type_name.substr(open + 2, close - open - 2);
  for (size_t begin = 0; begin <= set.size();) {
    size_t end = set.find(',', begin);
    if (end == std::string::npos) end = set.size();
    if (end > begin) choices.push_back(set.substr(begin, end - begin));
    begin = end + 1;
  }
  return choices;
}

}  // namespace smsdoc
