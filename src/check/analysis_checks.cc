#include "check/analysis_checks.h"

#include <algorithm>

#include "analyse/readiness.h"
#include "base/dates.h"
#include "base/text.h"

namespace smsdoc {

namespace {

// A next review after kLastDate has no date to show or compare: name the
// date it would come from, where the typo most likely is.
void CheckReviewDates(const Graph& graph, const Analysis& analysis, Diagnostics& diags) {
  const std::vector<Document>& documents = graph.corpus->documents;
  for (size_t i = 0; i < documents.size() && i < analysis.documents.size(); ++i) {
    const DocumentState& s = analysis.documents[i];
    if (!s.next_review_past_last_date) continue;
    const Document& d = documents[i];
    auto [field, pos] = s.review_from == d.reviewed_on ? std::pair("reviewed_on", d.review_pos)
                        : s.review_from == d.approved_on
                            ? std::pair("approved_on", d.approved_on_pos)
                        : s.review_from == d.effective ? std::pair("effective", d.effective_pos)
                                                       : std::pair("approved_on", d.review_pos);
    diags.Error(d.path, pos,
                std::string("'")
                    .append(d.id)
                    .append("': the next review, ")
                    .append(field)
                    .append(" ")
                    .append(s.review_from)
                    .append(" plus ")
                    .append(std::to_string(d.review_months))
                    .append(" months, would fall after ")
                    .append(kLastDate)
                    .append(", the last date smsdoc can show: correct the date or 'review_months'"),
                "date-range");
  }
}

}  // namespace

void CheckAnalysis(const Graph& graph, const Analysis& analysis, bool strict, Diagnostics& diags) {
  CheckReviewDates(graph, analysis, diags);
  // A broken model has gaps that are not the SMS's: judge readiness on a
  // clean one only.
  bool broken = diags.HasErrors();
  for (const AttentionItem& item : analysis.attention) {
    if (!item.IsWarning()) continue;
    diags.Warning(graph.PathOf(item.node), item.pos,
                  "'" + graph.nodes[item.node].id + "': " + item.what, item.code);
  }
  const Config& config = graph.corpus->config;
  std::vector<std::string> keys = ReadinessKeys(config);
  for (const auto& na : config.not_applicable)
    if (std::find(keys.begin(), keys.end(), na.key) == keys.end())
      diags.Error(kConfigFile, na.pos,
                  "unknown readiness item '" + na.key + "'" + DidYouMean(na.key, keys),
                  "config-key");
  if (!config.readiness_check || broken) return;
  // ISO/IEC 20000-1's items as before; another framework's named with it.
  auto report = [&](const std::vector<ReadinessItem>& items, const std::string& prefix,
                    const std::string& title) {
    for (const ReadinessItem& item : items) {
      if (item.state != ReadinessItem::State::kMissing) continue;
      diags.Add({kConfigFile,
                 {},
                 strict ? Severity::kError : Severity::kWarning,
                 "Stage 1 readiness" + title + ": '" + item.title + "' (" + prefix + item.key +
                     ", clause " + item.clause + ") is missing: " + item.reason,
                 "readiness-missing"});
    }
  };
  report(analysis.readiness, "", "");
  for (const FrameworkReadiness& fw : analysis.framework_readiness)
    report(fw.items, fw.framework + ":", " (" + fw.title + ")");
}

}  // namespace smsdoc
