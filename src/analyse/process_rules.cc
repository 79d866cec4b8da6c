#include "analyse/process_rules.h"

#include "base/dates.h"

namespace smsdoc {

namespace {

bool Valid(const ProcessRule& rule, const KindSpec* kind) {
  if (!kind || (rule.require.empty() && rule.within_days < 0)) return false;
  for (const auto& [name, pos] : rule.fields)
    if (!kind->Field(name) || IsComputed(kind->Field(name)->type)) return false;
  return true;
}

bool Empty(const FieldValue* f) { return !f || (f->text.empty() && f->items.empty()); }

std::optional<long> Day(const FieldValue* f) {
  if (!f) return std::nullopt;
  std::optional<Date> d = ParseDate(f->text);
  return d ? std::optional<long>(DaysSinceEpoch(*d)) : std::nullopt;
}

}  // namespace

std::vector<RuleResult> JudgeRules(const Graph& graph, const std::string& as_of) {
  const Corpus& corpus = *graph.corpus;
  const long today = DaysSinceEpoch(*ParseDate(as_of));
  std::vector<RuleResult> results;
  for (size_t i = 0; i < corpus.config.rules.size(); ++i) {
    const ProcessRule& rule = corpus.config.rules[i];
    const KindSpec* kind = corpus.kinds.Find(rule.kind);
    if (!Valid(rule, kind)) continue;
    RuleResult result;
    result.rule = i;
    for (size_t n = 0; n < graph.nodes.size(); ++n) {
      if (graph.nodes[n].type != Node::Type::kRecord) continue;
      const Record& r = corpus.records[graph.nodes[n].index];
      if (r.kind != kind || !MatchesFilter(rule.where, r)) continue;
      int node = static_cast<int>(n);
      result.population.push_back(node);
      for (const std::string& field : rule.require)
        if (Empty(r.Field(field)))
          result.breaches.push_back(
              {node, "no " + kind->Field(field)->label + " recorded", "", r.pos});
      if (rule.within_days < 0) continue;
      const FieldValue *from = r.Field(rule.from), *to = r.Field(rule.to);
      std::optional<long> start = Day(from), end = Day(to);
      if (!start) continue;  // nothing to measure from
      const std::string& from_label = kind->Field(rule.from)->label;
      const std::string& to_label = kind->Field(rule.to)->label;
      const std::string limit = " (" + std::to_string(rule.within_days) + " at most)";
      if (end && *end - *start > rule.within_days) {
        result.breaches.push_back({node,
                                   to_label + " " + to->text + " is " +
                                       std::to_string(*end - *start) + " days after " + from_label +
                                       " " + from->text + limit,
                                   to->text, to->pos});
      } else if (!end && today - *start > rule.within_days) {
        result.breaches.push_back({node,
                                   "no " + to_label + " " + std::to_string(today - *start) +
                                       " days after " + from_label + " " + from->text + limit,
                                   FormatDate(DateFromDays(*start + rule.within_days)), from->pos});
      }
    }
    results.push_back(std::move(result));
  }
  return results;
}

std::vector<std::string> BreachesOf(const std::vector<RuleResult>& results, const Config& config,
                                    int node) {
  std::vector<std::string> out;
  for (const RuleResult& result : results)
    for (const RuleResult::Breach& b : result.breaches)
      if (b.node == node) out.push_back(config.rules[result.rule].id + ": " + b.what);
  return out;
}

}  // namespace smsdoc
