#include "load/filter_reader.h"

#include "base/text.h"

namespace smsdoc {

void ReadFilter(const YamlNode& node, const std::string& key, const std::string& example,
                const std::string& path, const std::string& code, FieldFilter& filter,
                std::vector<std::pair<std::string, Pos>>& fields, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(
        path, node.pos,
        "'" + key + "' must map fields to the values that select a record, e.g. '" + example + "'",
        code);
    return;
  }
  for (const auto& e : node.entries) {
    std::vector<std::string> values;
    if (e.value.IsScalar()) values.push_back(std::string(Trim(e.value.scalar)));
    if (e.value.IsSequence())
      for (const YamlNode& item : e.value.items)
        if (item.IsScalar()) values.push_back(std::string(Trim(item.scalar)));
    if (values.empty() || (e.value.IsSequence() && values.size() != e.value.items.size())) {
      diags.Error(path, e.value.pos,
                  "'" + key + ": " + e.key + "' must be a value or a list of values", code);
      continue;
    }
    filter.push_back({e.key, std::move(values)});
    fields.push_back({e.key, e.key_pos});
  }
}

}  // namespace smsdoc
