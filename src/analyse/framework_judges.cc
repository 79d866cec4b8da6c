#include "analyse/framework_judges.h"

#include <algorithm>
#include <set>

#include "analyse/framework_coverage.h"
#include "analyse/soa.h"
#include "base/text.h"

namespace smsdoc {

namespace {

// "A.5.1, A.5.2 and 3 more": a reason stays one readable line.
std::string Some(const std::vector<std::string>& ids) {
  constexpr size_t kShown = 10;
  std::vector<std::string> shown(ids.begin(), ids.begin() + std::min(ids.size(), kShown));
  std::string text = Join(shown, ", ");
  if (ids.size() > kShown) text += " and " + std::to_string(ids.size() - kShown) + " more";
  return text;
}

}  // namespace

ReadinessItem JudgeSoa(const Graph& graph, const Analysis& analysis, const Framework& framework,
                       ReadinessItem item) {
  const Config& config = graph.corpus->config;
  std::set<std::string> listed;
  std::vector<std::string> unimplemented;
  for (size_t i = 0; i < graph.corpus->records.size(); ++i) {
    const Record& r = graph.corpus->records[i];
    if (r.kind->name != kSoaKind) continue;
    std::optional<FrameworkRef> control = SoaControlOf(config, r);
    if (!control || control->framework != framework.id) continue;
    item.evidence.push_back(graph.RecordNode(i));
    if (!listed.insert(control->item).second) continue;
    const FieldValue* applicable = r.Field("applicable");
    if (applicable && applicable->text == "true" &&
        ImplementingDocuments(graph, analysis, *control).empty())
      unimplemented.push_back(control->item);
  }
  SortByControl(graph, item.evidence);
  if (item.evidence.empty()) {
    item.reason = "no Statement of Applicability entry (kind applicability) names a control of " +
                  framework.Title();
    return item;
  }
  std::vector<std::string> missing;
  for (const FrameworkItem* control : framework.SoaControls())
    if (!listed.count(control->id)) missing.push_back(control->id);
  // `listed` is a set: put the unimplemented back in catalogue order.
  std::vector<std::string> ordered;
  for (const FrameworkItem* control : framework.SoaControls())
    if (std::count(unimplemented.begin(), unimplemented.end(), control->id))
      ordered.push_back(control->id);
  std::vector<std::string> reasons;
  if (!missing.empty())
    reasons.push_back("no entry for " + std::to_string(missing.size()) + " control" +
                      (missing.size() == 1 ? "" : "s") + " (" + Some(missing) + ")");
  if (!ordered.empty())
    reasons.push_back(std::to_string(ordered.size()) + " applicable control" +
                      (ordered.size() == 1 ? "" : "s") +
                      " without a document in force naming it (" + Some(ordered) + ")");
  item.state = reasons.empty() ? ReadinessItem::State::kMet : ReadinessItem::State::kAtRisk;
  item.reason = Join(reasons, "; ");
  return item;
}

std::vector<std::string> UnauditedRequirements(const Graph& graph, const Framework& framework,
                                               const std::vector<int>& audits) {
  std::vector<std::string> named;
  for (int node : audits)
    for (const std::string& ref : ItemsNamed(graph, node, framework.id)) named.push_back(ref);
  // For a leaf, naming part of it is naming it or an item it belongs to.
  auto audited = [&](const FrameworkItem& leaf) {
    return std::any_of(named.begin(), named.end(), [&](const std::string& ref) {
      return NamesPartOfItem(framework, ref, leaf.id);
    });
  };
  std::vector<std::string> out;
  for (const FrameworkItem& top : framework.items) {
    if (!top.parent.empty() || top.kind != FrameworkItem::Kind::kRequirement) continue;
    std::vector<std::string> missing;
    size_t leaves = 0;
    for (const FrameworkItem& item : framework.items) {
      if (!framework.IsLeaf(item) || item.kind != FrameworkItem::Kind::kRequirement ||
          !NamesPartOfItem(framework, top.id, item.id))
        continue;
      ++leaves;
      if (!audited(item)) missing.push_back(item.id);
    }
    if (leaves > 1 && missing.size() == leaves)
      out.push_back(top.id);
    else
      out.insert(out.end(), missing.begin(), missing.end());
  }
  return out;
}

ReadinessItem JudgeMeasurements(const Graph& graph, const Analysis& analysis, ReadinessItem item) {
  std::vector<std::string> gaps;
  for (const KpiSeries& series : analysis.kpis) {
    if (series.points.empty()) continue;
    int node = graph.DocumentNode(static_cast<size_t>(series.document));
    if (std::find(item.evidence.begin(), item.evidence.end(), node) == item.evidence.end())
      item.evidence.push_back(node);
    const Document& d = graph.corpus->documents[static_cast<size_t>(series.document)];
    // Results are current when the latest period ended is measured; older
    // gaps are the measurement-missing warnings' concern.
    if (!series.missing.empty() && series.missing.back() > series.points.back().period)
      gaps.push_back(d.kpis[static_cast<size_t>(series.kpi)].id + " (" + series.missing.back() +
                     ")");
  }
  std::sort(item.evidence.begin(), item.evidence.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
  if (item.evidence.empty()) {
    item.reason = "no KPI has a measurement";
    return item;
  }
  if (!gaps.empty()) {
    item.state = ReadinessItem::State::kAtRisk;
    item.reason = "latest period without a measurement: " + Join(gaps, "; ");
    return item;
  }
  item.state = ReadinessItem::State::kMet;
  return item;
}

}  // namespace smsdoc
