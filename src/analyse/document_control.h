#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "model/analysis.h"
#include "model/corpus.h"

namespace smsdoc {

/// Orders versions like "1.9" < "1.10" < "2.0": numeric parts compare as
/// numbers, other parts as text. Negative, zero or positive.
int CompareVersions(const std::string& a, const std::string& b);

/// Who may be named in an approval: the roles of smsdoc.yaml (by key or
/// title) and the people register (person records, by ID or name).
class Directory {
 public:
  explicit Directory(const Corpus& corpus);
  /// The role or person `name` denotes; `known` is false when none.
  Approver Resolve(const std::string& name) const;
  /// Every name Resolve knows, for suggestions.
  const std::vector<std::string>& Names() const { return names_; }

 private:
  const Config& config_;
  std::unordered_map<std::string, Approver> by_name_;  ///< lower-cased name
  std::vector<std::string> names_;
};

/// Document control of `doc` as of `as_of`: which revisions are valid
/// approvals (an Approved-by naming the approver role or a person holding
/// it; or, without Approved-by, a new approved_on), the last approval,
/// body changes after it, Approved-by values that do not count, a version
/// that went backwards or repeats, and the review dates and state.
DocumentState AnalyseDocument(const Document& doc, const Directory& directory,
                              const std::string& as_of);

/// "1a2b3c4 (2026-03-15), uncommitted changes": the changes after approval.
std::string ChangesAfterApproval(const Document& doc, const DocumentState& state, bool with_dates);

/// "overdue", "due" or "".
const char* ReviewStateName(ReviewState state);

}  // namespace smsdoc
