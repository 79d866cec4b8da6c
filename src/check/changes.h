#pragma once
#include <set>
#include <string>
#include <vector>

#include "link/graph.h"

namespace smsdoc {

/// What changed in an SMS between two revisions (`smsdoc diff`).
struct Changes {
  struct Commit {
    std::string commit, date, author, summary;
  };
  struct DocumentChange {
    std::string id, title, path;
    std::string version_before, version_after;  ///< "" when added / removed
    std::vector<Commit> commits;                ///< between the revisions, newest first
  };
  struct RecordChange {
    std::string id, kind, title, status_before, status_after;
  };
  std::vector<DocumentChange> documents_added, documents_removed, documents_changed;
  std::vector<RecordChange> records_added, records_removed, records_closed;
  std::vector<RecordChange> findings_opened, findings_closed;
};

/// Compares the SMS as linked at two revisions; `between` holds the
/// commits after `before`'s up to and including `after`'s.
Changes CompareRevisions(const Graph& before, const Graph& after,
                         const std::set<std::string>& between);

}  // namespace smsdoc
