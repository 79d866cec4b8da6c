#include "check/rule_checks.h"

#include "base/text.h"
#include "model/field_filter.h"

namespace smsdoc {

void CheckRules(const Graph& graph, Diagnostics& diags) {
  const Corpus& corpus = *graph.corpus;
  for (const ProcessRule& rule : corpus.config.rules) {
    const std::string in = " in rule '" + rule.id + "'";
    if (!rule.process.empty() && !graph.by_id.count(rule.process)) {
      std::vector<std::string> ids;
      for (const Document& d : corpus.documents) ids.push_back(d.id);
      diags.Error(
          kConfigFile, rule.process_pos,
          "unknown process or document '" + rule.process + "'" + in + DidYouMean(rule.process, ids),
          "config-rule");
    }
    const KindSpec* kind = corpus.kinds.Find(rule.kind);
    if (!kind) {
      if (!rule.kind.empty())
        diags.Error(
            kConfigFile, rule.kind_pos,
            "unknown kind '" + rule.kind + "'" + in + DidYouMean(rule.kind, corpus.kinds.Names()),
            "config-rule");
      continue;
    }
    std::vector<std::string> names;
    for (const FieldSpec& f : kind->fields)
      if (!IsComputed(f.type)) names.push_back(f.name);
    for (const auto& [name, pos] : rule.fields) {
      const FieldSpec* spec = kind->Field(name);
      if (!spec || IsComputed(spec->type)) {
        diags.Error(
            kConfigFile, pos,
            "kind '" + rule.kind + "' has no field '" + name + "'" + in + DidYouMean(name, names),
            "config-rule");
        continue;
      }
      for (const auto& [field, values] : rule.where)
        if (field == name)
          if (std::string why = FilterProblem(*kind, *spec, values); !why.empty())
            diags.Error(kConfigFile, pos, why + in, "config-rule");
      if ((name == rule.from || name == rule.to) && rule.within_days >= 0 &&
          spec->type != FieldType::kDate) {
        diags.Error(kConfigFile, pos,
                    "'" + name + "' is no date field of kind '" + rule.kind + "'" + in +
                        ": 'within' measures the days between two dates",
                    "config-rule");
      }
    }
  }
}

}  // namespace smsdoc
