#include "check/attention.h"

#include "base/dates.h"
#include "check/register_rules.h"

namespace smsdoc {

namespace {

using Kind = AttentionItem::Kind;

void DocumentItems(const Graph& graph, int node, const std::string& as_of,
                   std::vector<AttentionItem>& out) {
  const Document& doc = graph.corpus->documents[graph.nodes[node].index];
  if (doc.status != "approved") return;
  const DocumentControl& c = doc.control;
  std::string review = ReviewState(doc, as_of);
  if (review == "overdue")
    out.push_back({Kind::kReviewOverdue, node, c.next_review,
                   "review overdue since " + c.next_review + " (last review " + c.last_review +
                       ", every " + std::to_string(doc.review_months) + " months)",
                   doc.review_pos});
  if (review == "due")
    out.push_back({Kind::kReviewDue, node, c.next_review, "review due on " + c.next_review,
                   doc.review_pos});
  if (!c.changed_after_approval.empty())
    out.push_back({Kind::kChangedAfterApproval, node, c.approved_on,
                   "changed after approval on " + c.approved_on + ": " + c.ChangesAfterApproval(true) +
                       " (raise 'version' and record a new approval)",
                   doc.version_pos});
  if (!c.version_problem.empty())
    out.push_back({Kind::kVersion, node, "", c.version_problem, doc.version_pos});
}

void RecordItems(const Graph& graph, int node, const RegisterRules& rules,
                 std::vector<AttentionItem>& out) {
  const Record& r = graph.corpus->records[graph.nodes[node].index];
  for (const FieldValue& f : r.fields) {
    if (f.spec->type != FieldType::kDate || f.text.empty()) continue;
    std::string state = rules.DateState(r, *f.spec, f.text);
    // A record marked expired has been dealt with; its date stays history.
    if (state.empty() || r.status == "expired") continue;
    Kind kind = state == "overdue" ? Kind::kOverdue
                : state == "expired" ? Kind::kExpired : Kind::kExpiring;
    out.push_back({kind, node, f.text,
                   f.spec->label + " " + f.text + (kind == Kind::kOverdue ? " is overdue"
                                                   : kind == Kind::kExpired ? " has passed"
                                                                            : " is near"),
                   f.pos});
  }
}

}  // namespace

std::string ReviewState(const Document& doc, const std::string& as_of) {
  const std::string& next = doc.control.next_review;
  if (doc.status != "approved" || next.empty()) return "";
  if (next < as_of) return "overdue";
  return next < AddDays(as_of, kDueSoonDays) ? "due" : "";
}

const char* AttentionCode(Kind kind) {
  switch (kind) {
    case Kind::kReviewOverdue: return "review-overdue";
    case Kind::kReviewDue: return "review-due";
    case Kind::kChangedAfterApproval: return "changed-after-approval";
    case Kind::kVersion: return "version-order";
    case Kind::kOverdue: return "overdue";
    case Kind::kExpired: return "expired";
    case Kind::kExpiring: return "expiring";
  }
  return "";
}

std::vector<AttentionItem> NeedsAttention(const Graph& graph, const std::string& as_of) {
  std::vector<AttentionItem> items;
  RegisterRules rules(graph.corpus->config.risk_scoring, as_of);
  for (size_t n = 0; n < graph.nodes.size(); ++n) {
    if (graph.nodes[n].type == Node::Type::kRecord)
      RecordItems(graph, static_cast<int>(n), rules, items);
    else
      DocumentItems(graph, static_cast<int>(n), as_of, items);
  }
  return items;
}

void CheckAttention(const std::vector<AttentionItem>& items, const Graph& graph,
                    Diagnostics& diags) {
  for (const AttentionItem& item : items) {
    if (!item.IsWarning()) continue;
    diags.Warning(graph.PathOf(item.node), item.pos,
                  "'" + graph.nodes[item.node].id + "': " + item.what, AttentionCode(item.kind));
  }
}

}  // namespace smsdoc
