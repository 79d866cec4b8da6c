#include "analyse/status.h"

#include <algorithm>

#include "analyse/framework_coverage.h"
#include "analyse/readiness.h"
#include "analyse/register_rules.h"
#include "load/framework_loader.h"

namespace smsdoc {

std::vector<std::string> StatusConditionNames() {
  return {"overdue",  "expired",   "major-nc", "minor-nc", "changed",
          "approval", "uncovered", "missing",  "rules"};
}

std::map<std::string, bool> StatusSummary::Conditions() const {
  auto count = [&](const char* c) {
    auto it = open_findings.find(c);
    return it == open_findings.end() ? 0 : it->second;
  };
  return {{"overdue", !reviews_overdue.empty() || !overdue.empty()},
          {"expired", !expired.empty()},
          {"major-nc", count("major") > 0},
          {"minor-nc", count("minor") > 0},
          {"changed", !changed_after_approval.empty() || !version_problems.empty()},
          {"approval", !approval_problems.empty()},
          {"uncovered", !uncovered_clauses.empty()},
          {"missing", !readiness_missing.empty()},
          {"rules", !rule_breaches.empty()}};
}

StatusSummary Summarize(const Graph& graph, const Analysis& analysis) {
  StatusSummary s;
  for (const Document& d : graph.corpus->documents) s.documents_by_status[d.status]++;
  using Kind = AttentionItem::Kind;
  for (const AttentionItem& item : analysis.attention) {
    const std::string& id = graph.nodes[item.node].id;
    switch (item.kind) {
      case Kind::kReviewOverdue: s.reviews_overdue.push_back(id); break;
      case Kind::kReviewDue: s.reviews_due.push_back(id); break;
      case Kind::kChangedAfterApproval: s.changed_after_approval.push_back(id); break;
      case Kind::kVersion: s.version_problems.push_back(id); break;
      case Kind::kApproval: s.approval_problems.push_back(id); break;
      case Kind::kOverdue: s.overdue.push_back(id); break;
      case Kind::kExpired: s.expired.push_back(id); break;
      case Kind::kExpiring: s.expiring.push_back(id); break;
      case Kind::kMeasurementMissing: break;  // by KPI, below
      case Kind::kRuleBreach: break;          // by rule, below
    }
  }
  // A record with two overdue dates is one overdue record.
  for (auto* ids :
       {&s.reviews_overdue, &s.reviews_due, &s.changed_after_approval, &s.version_problems,
        &s.approval_problems, &s.overdue, &s.expired, &s.expiring}) {
    std::sort(ids->begin(), ids->end());
    ids->erase(std::unique(ids->begin(), ids->end()), ids->end());
  }
  for (const KpiSeries& k : analysis.kpis) {
    const std::string& id = graph.corpus->documents[k.document].kpis[k.kpi].id;
    s.kpis["typed"]++;
    if (k.points.empty()) continue;
    s.kpis["measured"]++;
    if (k.points.back().state == KpiState::kMissed) s.kpis["missed_latest"]++;
    if (!k.missing.empty()) s.measurements_missing.push_back(id);
  }
  for (const RuleResult& result : analysis.rules) {
    std::vector<std::string> ids;
    for (const RuleResult::Breach& b : result.breaches) ids.push_back(graph.nodes[b.node].id);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (!ids.empty()) s.rule_breaches[graph.corpus->config.rules[result.rule].id] = ids;
  }
  for (const Record& r : graph.corpus->records) {
    if (r.kind->name != "finding" || RegisterRules::IsDone(r)) continue;
    const FieldValue* c = r.Field("classification");
    s.open_findings[c && !c->text.empty() ? c->text : "unclassified"]++;
  }
  for (const ClauseCoverage& cov : analysis.coverage)
    if (cov.state == ClauseCoverage::State::kNotCovered)
      s.uncovered_clauses.push_back(cov.clause->id);
  for (const FrameworkCoverage& f : analysis.frameworks) {
    s.framework_coverage.emplace_back(f.framework->id, CountByState(f));
    // Another framework's gaps as smsdoc.yaml names them (excluded is none).
    for (const ItemCoverage& item : f.items)
      if (item.state == ClauseCoverage::State::kNotCovered)
        s.uncovered_clauses.push_back(f.framework->id + ":" + item.item->id);
  }
  const Config& config = graph.corpus->config;
  auto add = [&](const std::string& id, const std::string& title,
                 const std::vector<ReadinessItem>& items) {
    // Another framework's keys carry its ID, as smsdoc.yaml names them.
    std::string prefix = id == kDefaultPrimary ? "" : id + ":";
    StatusSummary::Readiness& r = s.readiness.emplace_back();
    r.framework = id;
    r.title = title;
    for (const ReadinessItem& item : items) {
      r.items.emplace_back(item.key, ReadinessStateName(item.state));
      if (config.readiness_check && item.state == ReadinessItem::State::kMissing)
        s.readiness_missing.push_back(prefix + item.key);
    }
  };
  const Framework* primary = FindFramework(config, kDefaultPrimary);
  add(kDefaultPrimary, primary ? primary->Title() : "ISO/IEC 20000-1:2018", analysis.readiness);
  for (const FrameworkReadiness& fw : analysis.framework_readiness)
    add(fw.framework, fw.title, fw.items);
  return s;
}

}  // namespace smsdoc
