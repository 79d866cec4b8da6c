#include "load/document_control.h"

#include <algorithm>
#include <cctype>

#include "base/dates.h"

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

// The date an approval carries: the approved_on it set, else its commit's.
std::string ApprovalDate(const Revision& r, const Revision* older) {
  bool set_date = !r.approved_on.empty() && (!older || older->approved_on != r.approved_on);
  return set_date ? r.approved_on : r.date;
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

void DeriveControl(Document& doc) {
  DocumentControl& c = doc.control;
  std::vector<Revision>& h = c.history;  // newest first
  std::vector<size_t> approvals;         // newest first
  for (size_t i = h.size(); i-- > 0;) {
    const Revision* older = i + 1 < h.size() ? &h[i + 1] : nullptr;
    Revision& r = h[i];
    // At a shallow clone's edge nothing is known to have changed; an
    // approved_on there still dates an approval of that state.
    r.body_changed = !r.boundary && (!older || older->body_hash != r.body_hash);
    r.approval = !r.approved_by.empty() ||
                 (!r.approved_on.empty() && (!older || older->approved_on != r.approved_on));
    if (r.approval) approvals.insert(approvals.begin(), i);
  }

  if (approvals.empty()) {
    c.approved_on = doc.approved_on;  // outside git, or approved before the history starts
    c.approved_by = doc.approved_on.empty() ? "" : doc.approver;
  } else {
    size_t last = approvals[0];
    const Revision& r = h[last];
    c.approved_on = ApprovalDate(r, last + 1 < h.size() ? &h[last + 1] : nullptr);
    c.approved_by = r.approved_by.empty() ? doc.approver : r.approved_by;
    c.approval_commit = r.commit;
    // Only a document in force is held to its approval; drafts may change.
    bool in_force = doc.status == "approved";
    for (size_t i = 0; i < last && in_force; ++i)
      if (h[i].body_changed) c.changed_after_approval.push_back(i);

    // A new approval needs a higher version when the body changed; the
    // current version may not fall below the approved one.
    if (approvals.size() > 1 && in_force) {
      const Revision& before = h[approvals[1]];
      int order = CompareVersions(r.version, before.version);
      if (order < 0)
        c.version_problem = "version " + r.version + " approved on " + c.approved_on +
                            " is lower than version " + before.version + " approved before it";
      else if (order == 0 && r.body_hash != before.body_hash)
        c.version_problem = "version " + r.version + " was approved twice with different bodies";
    }
    if (in_force && last > 0 && CompareVersions(h[0].version, r.version) < 0)
      c.version_problem = "version " + h[0].version + " is lower than the approved version " +
                          r.version;
  }

  c.last_review = std::max(doc.reviewed_on, c.approved_on);
  if (c.last_review.empty()) c.last_review = doc.effective;
  if (!c.last_review.empty() && doc.review_months > 0)
    c.next_review = AddMonths(c.last_review, doc.review_months);
}

}  // namespace smsdoc
