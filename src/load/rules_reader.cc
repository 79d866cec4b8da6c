#include "load/rules_reader.h"

#include "base/text.h"
#include "load/field_reader.h"
#include "load/filter_reader.h"

namespace smsdoc {

namespace {

// The longest time limit a rule may set: ten years.
constexpr long kMaxDays = 3660;

}  // namespace

const std::vector<std::string>& RuleKeys() {
  static const std::vector<std::string> keys = {"title", "process", "kind",
                                                "where", "require", "within"};
  return keys;
}

const std::vector<std::string>& WithinKeys() {
  static const std::vector<std::string> keys = {"days", "from", "to"};
  return keys;
}

void ReadRules(const YamlNode& node, Config& config, Diagnostics& diags) {
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos, "'rules' must map rule IDs to their definitions",
                "config-type");
    return;
  }
  for (const auto& e : node.entries) {
    if (!e.value.IsMap()) {
      diags.Error(kConfigFile, e.value.pos,
                  "rule '" + e.key +
                      "' must be a mapping: {kind: ..., where: ..., require: "
                      "[...], within: {days: N, from: FIELD, to: FIELD}}",
                  "config-type");
      continue;
    }
    ProcessRule rule;
    rule.id = e.key;
    rule.pos = e.key_pos;
    FieldReader reader(e.value, e.value.pos, kConfigFile, config, diags);
    reader.RejectUnknown(RuleKeys());
    rule.title = reader.Text("title", false);
    rule.process = reader.Text("process", false);
    rule.process_pos = reader.PosOf("process");
    rule.kind = reader.Text("kind", true);
    rule.kind_pos = reader.PosOf("kind");
    if (const YamlNode* where = e.value.Find("where"))
      ReadFilter(*where, "where", "{classification: minor}", kConfigFile, "config-type", rule.where,
                 rule.fields, diags);
    rule.require = reader.List("require");
    if (const YamlNode* require = e.value.Find("require"); require && require->IsSequence())
      for (const YamlNode& item : require->items)
        if (item.IsScalar()) rule.fields.push_back({std::string(Trim(item.scalar)), item.pos});
    if (const YamlNode* within = e.value.Find("within")) {
      if (!within->IsMap()) {
        diags.Error(kConfigFile, within->pos,
                    "'within' must be {days: N, from: FIELD, to: FIELD}: at most N days from "
                    "one date field to the other",
                    "config-type");
      } else {
        FieldReader limit(*within, within->pos, kConfigFile, config, diags);
        limit.RejectUnknown(WithinKeys());
        std::optional<long> days = limit.Integer("days", true, 0, kMaxDays);
        rule.from = limit.Text("from", true);
        rule.to = limit.Text("to", true);
        if (days && !rule.from.empty() && !rule.to.empty()) {
          rule.within_days = static_cast<int>(*days);
          rule.fields.push_back({rule.from, limit.PosOf("from")});
          rule.fields.push_back({rule.to, limit.PosOf("to")});
        }
      }
    }
    if (rule.require.empty() && !e.value.Find("within"))
      diags.Error(kConfigFile, e.key_pos,
                  "rule '" + e.key +
                      "' checks nothing: give it 'require: [FIELD, ...]' or "
                      "'within: {days: N, from: FIELD, to: FIELD}'",
                  "config-rule");
    config.rules.push_back(std::move(rule));
  }
}

}  // namespace smsdoc
