#include "import/fields.h"

#include <algorithm>
#include <cstdlib>

#include "base/id_text.h"
#include "base/text.h"
#include "init/yaml_text.h"
#include "load/document_loader.h"
#include "load/field_reader.h"

namespace smsdoc {

namespace {

bool In(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

ConvertedValue Refused(std::string why) { return {"", "", std::move(why)}; }

ConvertedValue Kept(std::string yaml, std::string plain, std::string note = "") {
  return {std::move(yaml), std::move(plain), std::move(note)};
}

}  // namespace

std::string ShowYaml(const YamlNode& node) {
  switch (node.type) {
    case YamlNode::Type::kNull: return "(empty)";
    case YamlNode::Type::kScalar: return EscapeControl(node.scalar);
    case YamlNode::Type::kSequence: {
      std::vector<std::string> items;
      for (const YamlNode& item : node.items) items.push_back(ShowYaml(item));
      return "[" + Join(items, ", ") + "]";
    }
    case YamlNode::Type::kMap: {
      std::vector<std::string> items;
      for (const auto& e : node.entries) items.push_back(e.key + ": " + ShowYaml(e.value));
      return "{" + Join(items, ", ") + "}";
    }
  }
  return "";
}

ConvertedValue ConvertValue(const std::string& field, const YamlNode& value,
                            const ImportMapping& mapping, const Config& config) {
  if (field == "clauses" || field == "related") {
    std::vector<std::string> items;
    if (value.IsScalar()) items.push_back(value.scalar);
    for (const YamlNode& item : value.items) {
      if (!item.IsScalar()) return Refused("a list of single values is needed");
      items.push_back(item.scalar);
    }
    if (!value.IsScalar() && !value.IsSequence()) return Refused("a list is needed");
    std::vector<std::string> quoted;
    for (const std::string& item : items) quoted.push_back(YamlQuoted(item));
    return Kept("[" + Join(quoted, ", ") + "]", "[" + Join(items, ", ") + "]");
  }
  if (!value.IsScalar() || Trim(value.scalar).empty())
    return Refused("a single value is needed, got " + DescribeYaml(value));
  std::string v(Trim(value.scalar));
  std::string note;
  if (auto f = mapping.values.find(field); f != mapping.values.end()) {
    if (auto to = f->second.find(v); to != f->second.end()) {
      note = "mapped from '" + v + "'";
      v = to->second;
    }
  }
  if (field == "status" || field == "type" || field == "classification") {
    static const std::vector<std::string> kStatuses = {"draft", "approved", "retired"};
    const std::vector<std::string>& allowed = field == "status" ? kStatuses
                                              : field == "type" ? DocumentTypes()
                                                                : DocumentClassifications();
    if (!In(allowed, v) || (field == "type" && v == "process"))
      return Refused("'" + v + "' is no " + field + " (map it under values: " + field + ":)");
    return Kept(v, v, note);
  }
  if (field == "owner" || field == "approver" || field == "author") {
    if (auto to = mapping.owners.find(v); to != mapping.owners.end()) {
      note = "mapped from '" + v + "'";
      v = to->second;
    }
    if (!config.FindRole(v))
      return Refused("'" + v + "' is no role of smsdoc.yaml (map it under owners:)");
    return Kept(v, v, note);
  }
  if (field == "effective" || field == "approved_on" || field == "reviewed_on") {
    if (IsValidDate(v)) return Kept(v, v, note);
    if (v.size() > 10 && (v[10] == 'T' || v[10] == ' ') && IsValidDate(v.substr(0, 10)))
      return Kept(v.substr(0, 10), v.substr(0, 10), "cut from '" + v + "'");
    return Refused("'" + v + "' is not a date YYYY-MM-DD");
  }
  if (field == "review_months") {
    char* end = nullptr;
    long months = std::strtol(v.c_str(), &end, 10);
    if (*end != '\0' || months < 1 || months > 60)
      return Refused("'" + v + "' is not a number of months 1..60");
    return Kept(std::to_string(months), std::to_string(months), note);
  }
  if (field == "id") {
    if (IsValidId(v)) return Kept(v, v, note);
    std::string ascii = IdCharacters(v);
    if (!IsValidId(ascii)) return Refused("'" + v + "' cannot be made an ID");
    return Kept(ascii, ascii, "made ASCII from '" + v + "'");
  }
  return Kept(YamlQuoted(v), v, note);  // title, version, change_summary: text
}

}  // namespace smsdoc
