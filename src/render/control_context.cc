// The document-control and attention parts of the page values: approvals,
// reviews and revision history from git, and the "What needs attention" page.
#include <map>

#include "analyse/attention.h"
#include "analyse/document_control.h"
#include "base/dates.h"
#include "base/text.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

std::string ShortHash(const std::string& commit) { return commit.substr(0, 7); }

TemplateValue RevisionRow(const Revision& r, const RevisionState& state) {
  TemplateValue row;
  row.Set("uncommitted", r.commit.empty());
  row.Set("commit", r.commit);
  row.Set("short", ShortHash(r.commit));
  row.Set("date", r.date);
  row.Set("author", r.author);
  row.Set("summary", r.summary);
  row.Set("version", r.version);
  std::vector<std::string> shown;  // titles and names, never raw keys
  for (const Approver& a : state.approvers) shown.push_back(a.shown);
  row.Set("approved_by", Join(shown, ", "));
  row.Set("has_approved_by", !shown.empty());
  row.Set("approval", state.approval);
  row.Set("body_changed", state.body_changed);
  row.Set("boundary", r.boundary);
  return row;
}

}  // namespace

void PageContext::SetControl(TemplateValue& v, int node) const {
  size_t index = graph_.nodes[node].index;
  const Document& d = graph_.corpus->documents[index];
  const DocumentState& s = analysis_.documents[index];
  const DocumentControl& c = d.control;
  v.Set("approved_on", s.approved_on);
  v.Set("approved_by", s.approved_by);
  v.Set("has_approval", !s.approved_on.empty());
  v.Set("approval_commit", ShortHash(s.approval_commit));
  v.Set("has_approval_commit", !s.approval_commit.empty());
  v.Set("last_review", s.last_review.empty() ? labels_("none_recorded") : s.last_review);
  v.Set("next_review", s.next_review);
  SetReviewState(v, s.review);
  std::string changes = ChangesAfterApproval(d, s, true);
  v.Set("changed_after_approval", !changes.empty());
  v.Set("changes_after_approval", changes);
  v.Set("version_problem", s.version_problem);
  v.Set("has_version_problem", !s.version_problem.empty());
  TemplateValue problems = TemplateValue::List();
  for (const ApprovalProblem& p : s.approval_problems) problems.Push(p.message);
  v.Set("has_approval_problems", !problems.list.empty());
  v.Set("approval_problems", std::move(problems));
  v.Set("no_history", c.no_history);
  v.Set("has_no_history", !c.no_history.empty());
  v.Set("has_history", !c.history.empty());
  TemplateValue rows = TemplateValue::List();
  for (size_t i = 0; i < c.history.size(); ++i) {
    TemplateValue row = RevisionRow(c.history[i], s.revisions[i]);
    // A rename shows on the older revision, under the name it had then.
    bool renamed = i + 1 < c.history.size() && c.history[i + 1].path != c.history[i].path;
    row.Set("renamed", renamed);
    row.Set("renamed_from", renamed ? c.history[i + 1].path : "");
    rows.Push(std::move(row));
  }
  v.Set("history", std::move(rows));
}

TemplateValue PageContext::Attention() const {
  const std::string page_url = kAttentionUrl;
  TemplateValue v = Common(page_url, labels_("attention_heading"));
  v.Set("as_of", info_.as_of);
  v.Set("due_days", std::to_string(kDueSoonDays));
  // Grouped by what to do, in a fixed order; items by node (IDs sorted).
  const std::vector<std::pair<AttentionItem::Kind, const char*>> groups = {
      {AttentionItem::Kind::kReviewOverdue, "attention_reviews_overdue"},
      {AttentionItem::Kind::kChangedAfterApproval, "attention_changed_after_approval"},
      {AttentionItem::Kind::kVersion, "attention_versions"},
      {AttentionItem::Kind::kApproval, "attention_approvals"},
      {AttentionItem::Kind::kOverdue, "attention_overdue"},
      {AttentionItem::Kind::kExpired, "attention_expired"},
      {AttentionItem::Kind::kMeasurementMissing, "attention_measurements_missing"},
      {AttentionItem::Kind::kRuleBreach, "attention_rule_breaches"},
      {AttentionItem::Kind::kReviewDue, "attention_reviews_due"},
      {AttentionItem::Kind::kExpiring, "attention_expiring"}};
  TemplateValue list = TemplateValue::List();
  size_t total = 0;
  for (const auto& [kind, title] : groups) {
    std::map<std::string, TemplateValue> rows;  // by ID
    for (const AttentionItem& item : analysis_.attention) {
      if (item.kind != kind) continue;
      TemplateValue row = LinkTo(page_url, item.node);
      row.Set("what", item.what);
      row.Set("date", item.date);
      row.Set("source", graph_.PathOf(item.node));
      row.Set("line", std::to_string(item.pos.line));
      rows.emplace(graph_.nodes[item.node].id + "\n" + item.what, std::move(row));
    }
    if (rows.empty()) continue;
    TemplateValue group;
    group.Set("title", labels_(title));
    group.Set("code", AttentionCode(kind));
    group.Set("count", std::to_string(rows.size()));
    group.Set("warning", AttentionItem{kind}.IsWarning());
    TemplateValue items = TemplateValue::List();
    for (auto& [key, row] : rows) items.Push(std::move(row));
    group.Set("items", std::move(items));
    list.Push(std::move(group));
    total += rows.size();
  }
  v.Set("groups", std::move(list));
  v.Set("count", std::to_string(total));
  v.Set("nothing", total == 0);
  // Accepted warnings stay in view, with their reasons, for the next review.
  TemplateValue accepted = TemplateValue::List();
  for (const AcceptedWarning& a : analysis_.accepted) {
    auto node = graph_.by_id.find(a.id);
    if (node == graph_.by_id.end()) continue;
    TemplateValue row = LinkTo(page_url, node->second);
    row.Set("code", a.code);
    row.Set("message", a.message);
    row.Set("reason", a.reason);
    row.Set("source", a.path);
    row.Set("line", std::to_string(a.pos.line));
    accepted.Push(std::move(row));
  }
  v.Set("accepted_count", std::to_string(accepted.list.size()));
  v.Set("has_accepted", !accepted.list.empty());
  v.Set("accepted", std::move(accepted));
  return v;
}

}  // namespace smsdoc
