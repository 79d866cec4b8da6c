#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/clauses.h"

namespace smsdoc {

/// What addresses and evidences one clause, with sub-clauses rolled up.
struct ClauseCoverage {
  const Clause* clause = nullptr;
  std::vector<int> documents;  ///< documents (not processes) naming it, by ID
  std::vector<int> processes;
  std::vector<int> records;    ///< records naming it (clauses, or a clause field)
  std::vector<int> audits;     ///< audit records that covered it
  std::vector<int> open_findings;
  std::string last_audit;      ///< latest `performed` of a completed audit

  enum class State { kCovered, kDocumentedOnly, kEvidencedOnly, kNotCovered };
  State state() const;
};

/// Page URLs of the clause pages.
inline std::string ClauseUrl(const std::string& id) { return "clauses/" + id + ".html"; }
inline constexpr const char* kClauseIndexUrl = "clauses/index.html";

/// "covered", "documented only", "evidenced only", "not covered".
const char* StateName(ClauseCoverage::State state);

/// Coverage of every clause of the catalogue, in catalogue order.
std::vector<ClauseCoverage> ComputeCoverage(const Graph& graph);

/// The clause numbers an item names: a document's clauses, a record's
/// clauses and clause fields.
std::vector<std::string> ClausesOf(const Graph& graph, int node);

}  // namespace smsdoc
