#include "check/analysis_checks.h"

#include <algorithm>

#include "analyse/readiness.h"
#include "base/text.h"

namespace smsdoc {

void CheckAnalysis(const Graph& graph, const Analysis& analysis, bool strict, Diagnostics& diags) {
  // A broken model has gaps that are not the SMS's: judge readiness on a
  // clean one only.
  bool broken = diags.HasErrors();
  for (const AttentionItem& item : analysis.attention) {
    if (!item.IsWarning()) continue;
    diags.Warning(graph.PathOf(item.node), item.pos,
                  "'" + graph.nodes[item.node].id + "': " + item.what, item.code);
  }
  const Config& config = graph.corpus->config;
  std::vector<std::string> keys = ReadinessKeys();
  for (const auto& na : config.not_applicable)
    if (std::find(keys.begin(), keys.end(), na.key) == keys.end())
      diags.Error(kConfigFile, na.pos,
                  "unknown readiness item '" + na.key + "'" + DidYouMean(na.key, keys),
                  "config-key");
  if (!config.readiness_check || broken) return;
  for (const ReadinessItem& item : analysis.readiness) {
    if (item.state != ReadinessItem::State::kMissing) continue;
    diags.Add({kConfigFile,
               {},
               strict ? Severity::kError : Severity::kWarning,
               "Stage 1 readiness: '" + item.title + "' (" + item.key + ", clause " + item.clause +
                   ") is missing: " + item.reason,
               "readiness-missing"});
  }
}

}  // namespace smsdoc
