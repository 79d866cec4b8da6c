// The process rules a document's page lists (docs/rules.md): what each
// checks, on how many records, and which break it as of the as-of date.
#include "base/text.h"
#include "render/page_context.h"

namespace smsdoc {

void PageContext::AddRules(TemplateValue& v, int node) const {
  const Corpus& corpus = *graph_.corpus;
  const std::string& page_url = graph_.nodes[node].url;
  TemplateValue rules = TemplateValue::List();
  for (const RuleResult& result : analysis_.rules) {
    const ProcessRule& rule = corpus.config.rules[result.rule];
    if (rule.process != graph_.nodes[node].id) continue;
    const KindSpec& kind = *corpus.kinds.Find(rule.kind);
    auto label = [&](const std::string& field) { return kind.Field(field)->label; };
    std::vector<std::string> checks;
    if (!rule.require.empty()) {
      std::vector<std::string> fields;
      for (const std::string& f : rule.require) fields.push_back(label(f));
      checks.push_back(labels_.Format("rules_require", {{"fields", Join(fields, ", ")}}));
    }
    if (rule.within_days >= 0)
      checks.push_back(labels_.Format("rules_within", {{"to", label(rule.to)},
                                                       {"days", std::to_string(rule.within_days)},
                                                       {"from", label(rule.from)}}));
    std::vector<std::string> where;
    for (const auto& [field, values] : rule.where)
      where.push_back(label(field) + ": " + Join(values, ", "));
    TemplateValue row;
    row.Set("id", rule.id);
    row.Set("title", rule.title.empty() ? rule.id : rule.title);
    row.Set("checks", Join(checks, "; "));
    row.Set("has_where", !where.empty());
    row.Set("where", labels_.Format("rules_where", {{"conditions", Join(where, "; ")}}));
    row.Set("kind", kind.title);
    row.Set("kind_url", RelativeUrl(page_url, KindUrl(kind.name)));
    row.Set("population", std::to_string(result.population.size()));
    TemplateValue breaches = TemplateValue::List();
    for (const RuleResult::Breach& b : result.breaches) {
      TemplateValue breach = LinkTo(page_url, b.node);
      breach.Set("what", b.what);
      breaches.Push(std::move(breach));
    }
    row.Set("breach_count", std::to_string(breaches.list.size()));
    row.Set("has_breaches", !breaches.list.empty());
    row.Set("breaches", std::move(breaches));
    rules.Push(std::move(row));
  }
  v.Set("has_rules", !rules.list.empty());
  v.Set("rules", std::move(rules));
  v.Set("rules_as_of", info_.as_of);
}

}  // namespace smsdoc
