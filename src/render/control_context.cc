// The document-control and attention parts of the page values: approvals,
// reviews and revision history from git, and the "What needs attention" page.
#include <map>

#include "base/dates.h"
#include "base/text.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

std::string ShortHash(const std::string& commit) { return commit.substr(0, 7); }

TemplateValue RevisionRow(const Revision& r) {
  TemplateValue row;
  row.Set("uncommitted", r.commit.empty());
  row.Set("commit", r.commit);
  row.Set("short", ShortHash(r.commit));
  row.Set("date", r.date);
  row.Set("author", r.author);
  row.Set("summary", r.summary);
  row.Set("version", r.version);
  row.Set("approved_by", r.approved_by);
  row.Set("has_approved_by", !r.approved_by.empty());
  row.Set("approval", r.approval);
  row.Set("body_changed", r.body_changed);
  row.Set("boundary", r.boundary);
  return row;
}

}  // namespace

void PageContext::SetControl(TemplateValue& v, const Document& d) const {
  const DocumentControl& c = d.control;
  v.Set("approved_on", c.approved_on);
  v.Set("approved_by", RoleTitle(c.approved_by));
  v.Set("has_approval", !c.approved_on.empty());
  v.Set("approval_commit", ShortHash(c.approval_commit));
  v.Set("has_approval_commit", !c.approval_commit.empty());
  v.Set("last_review", c.last_review);
  v.Set("next_review", c.next_review);
  v.Set("review_state", ReviewState(d, info_.as_of));
  std::string changes = c.ChangesAfterApproval(true);
  v.Set("changed_after_approval", !changes.empty());
  v.Set("changes_after_approval", changes);
  v.Set("version_problem", c.version_problem);
  v.Set("has_version_problem", !c.version_problem.empty());
  v.Set("no_history", c.no_history);
  v.Set("has_no_history", !c.no_history.empty());
  v.Set("has_history", !c.history.empty());
  TemplateValue rows = TemplateValue::List();
  for (size_t i = 0; i < c.history.size(); ++i) {
    TemplateValue row = RevisionRow(c.history[i]);
    row.Set("approved_by", RoleTitle(c.history[i].approved_by));  // a role key or a name
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
  TemplateValue v = Common(page_url, "What needs attention");
  v.Set("as_of", info_.as_of);
  v.Set("due_days", std::to_string(kDueSoonDays));
  // Grouped by what to do, in a fixed order; items by node (IDs sorted).
  const std::vector<std::pair<AttentionItem::Kind, const char*>> groups = {
      {AttentionItem::Kind::kReviewOverdue, "Document reviews overdue"},
      {AttentionItem::Kind::kChangedAfterApproval, "Documents changed after approval"},
      {AttentionItem::Kind::kVersion, "Document versions out of order"},
      {AttentionItem::Kind::kOverdue, "Overdue actions, treatments and plans"},
      {AttentionItem::Kind::kExpired, "Expired"},
      {AttentionItem::Kind::kReviewDue, "Document reviews due soon"},
      {AttentionItem::Kind::kExpiring, "Expiring soon"}};
  TemplateValue list = TemplateValue::List();
  size_t total = 0;
  for (const auto& [kind, title] : groups) {
    std::map<std::string, TemplateValue> rows;  // by ID
    for (const AttentionItem& item : attention_) {
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
    group.Set("title", title);
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
  return v;
}

}  // namespace smsdoc
