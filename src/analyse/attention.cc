#include "analyse/attention.h"

#include <algorithm>

#include "analyse/document_control.h"
#include "base/text.h"

namespace smsdoc {

namespace {

using Kind = AttentionItem::Kind;

void DocumentItems(const Graph& graph, int node, const DocumentState& s,
                   std::vector<AttentionItem>& out) {
  const Document& doc = graph.corpus->documents[graph.nodes[node].index];
  if (!s.in_force) return;
  if (s.review == ReviewState::kOverdue)
    out.push_back({Kind::kReviewOverdue, node, s.next_review,
                   "review overdue since " + s.next_review +
                       (s.last_review.empty() ? " (no review recorded, effective " + doc.effective
                                              : " (last review " + s.last_review) +
                       ", every " + std::to_string(doc.review_months) + " months)",
                   doc.review_pos, AttentionCode(Kind::kReviewOverdue)});
  if (s.review == ReviewState::kDue)
    out.push_back({Kind::kReviewDue, node, s.next_review, "review due on " + s.next_review,
                   doc.review_pos, AttentionCode(Kind::kReviewDue)});
  if (!s.changed_after_approval.empty())
    out.push_back({Kind::kChangedAfterApproval, node, s.approved_on,
                   "changed after approval on " + s.approved_on + ": " +
                       ChangesAfterApproval(doc, s, true) +
                       " (raise 'version' and record a new approval)",
                   doc.version_pos, AttentionCode(Kind::kChangedAfterApproval)});
  if (!s.version_problem.empty())
    out.push_back({Kind::kVersion, node, "", s.version_problem, doc.version_pos,
                   AttentionCode(Kind::kVersion)});
  for (const ApprovalProblem& p : s.approval_problems)
    out.push_back(
        {Kind::kApproval, node, doc.control.history[p.revision].date, p.message, doc.approver_pos,
         p.kind == ApprovalProblem::Kind::kUnknown ? "approval-unknown" : "approval-mismatch"});
}

void RecordItems(const Graph& graph, int node, const std::vector<DateState>& dates,
                 std::vector<AttentionItem>& out) {
  const Record& r = graph.corpus->records[graph.nodes[node].index];
  for (size_t i = 0; i < r.fields.size(); ++i) {
    const FieldValue& f = r.fields[i];
    if (dates[i] == DateState::kNone) continue;
    Kind kind = dates[i] == DateState::kOverdue   ? Kind::kOverdue
                : dates[i] == DateState::kExpired ? Kind::kExpired
                                                  : Kind::kExpiring;
    out.push_back({kind, node, f.text,
                   f.spec->label + " " + f.text +
                       (kind == Kind::kOverdue   ? " is overdue"
                        : kind == Kind::kExpired ? " has passed"
                                                 : " is near"),
                   f.pos, AttentionCode(kind)});
  }
}

// One item per KPI, at the KPI, naming every missing period.
// Each record breaking a process rule, named with the rule.
void RuleItems(const Graph& graph, const Analysis& analysis, std::vector<AttentionItem>& out) {
  for (const RuleResult& result : analysis.rules) {
    const ProcessRule& rule = graph.corpus->config.rules[result.rule];
    for (const RuleResult::Breach& b : result.breaches)
      out.push_back({Kind::kRuleBreach, b.node, b.date,
                     "breaks rule '" + rule.id + "'" +
                         (rule.title.empty() ? "" : " (" + rule.title + ")") + ": " + b.what,
                     b.pos, AttentionCode(Kind::kRuleBreach)});
  }
}

void MeasurementItems(const Graph& graph, const Analysis& analysis,
                      std::vector<AttentionItem>& out) {
  for (const KpiSeries& s : analysis.kpis) {
    if (s.missing.empty()) continue;
    const Kpi& kpi = graph.corpus->documents[s.document].kpis[s.kpi];
    out.push_back({Kind::kMeasurementMissing, graph.DocumentNode(s.document), s.missing.front(),
                   kpi.id + " (" + kpi.name + ") has no measurement for " + Join(s.missing, ", ") +
                       "; record one, or say why in a comment",
                   kpi.pos, AttentionCode(Kind::kMeasurementMissing)});
  }
}

}  // namespace

const char* AttentionCode(Kind kind) {
  switch (kind) {
    case Kind::kReviewOverdue: return "review-overdue";
    case Kind::kReviewDue: return "review-due";
    case Kind::kChangedAfterApproval: return "changed-after-approval";
    case Kind::kVersion: return "version-order";
    case Kind::kApproval: return "approval";
    case Kind::kOverdue: return "overdue";
    case Kind::kExpired: return "expired";
    case Kind::kExpiring: return "expiring";
    case Kind::kMeasurementMissing: return "measurement-missing";
    case Kind::kRuleBreach: return "rule-breach";
  }
  return "";
}

std::vector<AttentionItem> NeedsAttention(const Graph& graph, const Analysis& analysis) {
  std::vector<AttentionItem> items;
  for (size_t n = 0; n < graph.nodes.size(); ++n) {
    const Node& node = graph.nodes[n];
    if (node.type == Node::Type::kRecord)
      RecordItems(graph, static_cast<int>(n), analysis.record_dates[node.index], items);
    else
      DocumentItems(graph, static_cast<int>(n), analysis.documents[node.index], items);
  }
  MeasurementItems(graph, analysis, items);
  RuleItems(graph, analysis, items);
  std::stable_sort(items.begin(), items.end(), [](const AttentionItem& a, const AttentionItem& b) {
    return a.node != b.node ? a.node < b.node : a.kind < b.kind;
  });
  return items;
}

}  // namespace smsdoc
