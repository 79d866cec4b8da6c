#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// Judges every rule of smsdoc.yaml's `rules:` (docs/rules.md) on the
/// records of its kind as of `as_of`: the records its `where` selects, and
/// those that lack a `require`d field or take longer than `within` allows
/// (a missing end date counts from the start date to `as_of`). Rules
/// naming an unknown kind or field are left out (check/rule_checks says why).
std::vector<RuleResult> JudgeRules(const Graph& graph, const std::string& as_of);

/// The breaches of record `node` in `results`, as "RULE-ID: what".
std::vector<std::string> BreachesOf(const std::vector<RuleResult>& results, const Config& config,
                                    int node);

}  // namespace smsdoc
