#include "analyse/document_control.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "base/dates.h"
#include "base/text.h"

namespace smsdoc {

namespace {

// Splits "1.10-rc" into runs of digits and of other characters.
std::vector<std::string> VersionParts(const std::string& v) {
  std::vector<std::string> parts;
  for (size_t i = 0; i < v.size();) {
    if (v[i] == '.') {
      ++i;
      continue;
    }
    bool digit = std::isdigit(static_cast<unsigned char>(v[i]));
    size_t j = i;
    while (j < v.size() && v[j] != '.' &&
           static_cast<bool>(std::isdigit(static_cast<unsigned char>(v[j]))) == digit)
      ++j;
    parts.push_back(v.substr(i, j - i));
    i = j;
  }
  return parts;
}

int CompareParts(const std::string& a, const std::string& b) {
  bool numeric = !a.empty() && !b.empty() && std::isdigit(static_cast<unsigned char>(a[0])) &&
                 std::isdigit(static_cast<unsigned char>(b[0]));
  if (numeric) {
    std::string x = a.substr(std::min(a.find_first_not_of('0'), a.size()));
    std::string y = b.substr(std::min(b.find_first_not_of('0'), b.size()));
    if (x.size() != y.size()) return x.size() < y.size() ? -1 : 1;
    return x.compare(y);
  }
  return a.compare(b);
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The date an approval carries: the approved_on it set, else its commit's.
std::string ApprovalDate(const Revision& r, const Revision* older) {
  bool set_date = !r.approved_on.empty() && (!older || older->approved_on != r.approved_on);
  return set_date ? r.approved_on : r.date;
}

std::string Where(const Revision& r) {
  return r.commit.empty() ? std::string("uncommitted changes")
                          : r.commit.substr(0, 7) + " (" + r.date + ")";
}

}  // namespace

int CompareVersions(const std::string& a, const std::string& b) {
  std::vector<std::string> x = VersionParts(a), y = VersionParts(b);
  for (size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
    if (i >= x.size()) return -1;
    if (i >= y.size()) return 1;
    if (int c = CompareParts(x[i], y[i]); c != 0) return c < 0 ? -1 : 1;
  }
  return 0;
}

Directory::Directory(const Corpus& corpus) : config_(corpus.config) {
  auto add = [&](const std::string& name, const Approver& a) {
    if (name.empty() || !by_name_.emplace(Lower(name), a).second) return;
    names_.push_back(name);
  };
  for (const Role& role : config_.roles) {
    Approver a{role.key, role.title, role.key, true};
    add(role.key, a);
    add(role.title, a);
  }
  for (const Record& r : corpus.records) {
    if (r.kind->name != "person") continue;
    const FieldValue* role = r.Field("role");
    std::string key = role ? role->text : "";
    const Role* held = config_.FindRole(key);
    Approver a{r.id, r.title + (held ? " (" + held->title + ")" : ""), key, true};
    add(r.id, a);
    add(r.title, a);
  }
}

Approver Directory::Resolve(const std::string& name) const {
  auto it = by_name_.find(Lower(name));
  if (it == by_name_.end()) return {name, name, "", false};
  Approver a = it->second;
  a.written = name;
  return a;
}

const char* ReviewStateName(ReviewState state) {
  switch (state) {
    case ReviewState::kNone: return "";
    case ReviewState::kDue: return "due";
    case ReviewState::kOverdue: return "overdue";
  }
  return "";
}

std::string ChangesAfterApproval(const Document& doc, const DocumentState& state, bool with_dates) {
  std::string list;
  for (size_t i : state.changed_after_approval) {
    const Revision& r = doc.control.history[i];
    if (!list.empty()) list += ", ";
    if (r.commit.empty())
      list += "uncommitted changes";
    else
      list += r.commit.substr(0, 7) + (with_dates ? " (" + r.date + ")" : "");
  }
  return list;
}

DocumentState AnalyseDocument(const Document& doc, const Directory& directory,
                              const std::string& as_of) {
  DocumentState s;
  s.in_force = doc.status == "approved";
  const std::vector<Revision>& h = doc.control.history;  // newest first
  s.revisions.resize(h.size());
  std::vector<size_t> approvals;          // valid ones, newest first
  std::vector<ApprovalProblem> problems;  // newest first
  bool date_rejected = false;             // the approved_on of a rejected approval
  for (size_t i = h.size(); i-- > 0;) {
    const Revision* older = i + 1 < h.size() ? &h[i + 1] : nullptr;
    const Revision& r = h[i];
    RevisionState& rs = s.revisions[i];
    // At a shallow clone's edge nothing is known to have changed; an
    // approved_on there still dates an approval of that state.
    rs.body_changed = !r.boundary && (!older || older->body_hash != r.body_hash);
    bool matches = false;
    for (const std::string& name : r.approved_by) {
      Approver a = directory.Resolve(name);
      rs.approvers.push_back(a);
      if (a.known && a.role == doc.approver) {
        matches = true;
        continue;
      }
      std::string message =
          a.known ? "Approved-by '" + name + "' in " + Where(r) + " is " + a.shown +
                        ", not the approver " + directory.Resolve(doc.approver).shown +
                        "; the approval does not count"
                  : "Approved-by '" + name + "' in " + Where(r) + " names no role or person" +
                        DidYouMean(name, directory.Names()) + "; the approval does not count";
      problems.insert(problems.begin(),
                      {a.known ? ApprovalProblem::Kind::kMismatch : ApprovalProblem::Kind::kUnknown,
                       i, message});
    }
    // Without a trailer, a new approved_on records the approver's approval.
    bool sets_date = !r.approved_on.empty() && (!older || older->approved_on != r.approved_on);
    rs.approval = r.approved_by.empty() ? sets_date : matches;
    if (sets_date && !rs.approval && r.approved_on == doc.approved_on) date_rejected = true;
    if (rs.approval) approvals.insert(approvals.begin(), i);
  }

  if (approvals.empty()) {
    // Outside git, or approved before the history starts: the front matter,
    // unless the commit that set its date gave an approval that does not count.
    if (!date_rejected) s.approved_on = doc.approved_on;
    s.approved_by = s.approved_on.empty() ? "" : directory.Resolve(doc.approver).shown;
    s.approval_problems = problems;
  } else {
    size_t last = approvals[0];
    const Revision& r = h[last];
    s.approved_on = ApprovalDate(r, last + 1 < h.size() ? &h[last + 1] : nullptr);
    std::vector<std::string> shown;
    for (const Approver& a : s.revisions[last].approvers)
      if (a.known && a.role == doc.approver) shown.push_back(a.shown);
    s.approved_by = shown.empty() ? directory.Resolve(doc.approver).shown : Join(shown, ", ");
    s.approval_commit = r.commit;
    // Problems older than the last valid approval are history.
    for (const ApprovalProblem& p : problems)
      if (p.revision < last) s.approval_problems.push_back(p);
    // Only a document in force is held to its approval; drafts may change.
    for (size_t i = 0; i < last && s.in_force; ++i)
      if (s.revisions[i].body_changed) s.changed_after_approval.push_back(i);

    // A new approval needs a higher version when the body changed; the
    // current version may not fall below the approved one.
    if (approvals.size() > 1 && s.in_force) {
      const Revision& before = h[approvals[1]];
      int order = CompareVersions(r.version, before.version);
      if (order < 0)
        s.version_problem = "version " + r.version + " approved on " + s.approved_on +
                            " is lower than version " + before.version + " approved before it";
      else if (order == 0 && r.body_hash != before.body_hash)
        s.version_problem = "version " + r.version + " was approved twice with different bodies";
    }
    if (s.in_force && last > 0 && CompareVersions(h[0].version, r.version) < 0)
      s.version_problem =
          "version " + h[0].version + " is lower than the approved version " + r.version;
  }
  if (!s.in_force) s.approval_problems.clear();  // drafts and retired: nothing to approve

  s.last_review = std::max(doc.reviewed_on, s.approved_on);
  s.review_from = s.last_review.empty() ? doc.effective : s.last_review;
  if (!s.review_from.empty() && doc.review_months > 0) {
    std::optional<std::string> next = AddMonths(s.review_from, doc.review_months);
    s.next_review = next.value_or("");
    s.next_review_past_last_date = !next;
  }
  // Within the due window when the window runs past the last date.
  std::optional<std::string> soon = AddDays(as_of, kDueSoonDays);
  if (s.in_force && !s.next_review.empty())
    s.review = s.next_review < as_of            ? ReviewState::kOverdue
               : !soon || s.next_review < *soon ? ReviewState::kDue
                                                : ReviewState::kNone;
  return s;
}

}  // namespace smsdoc
