#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// "covered", "partly covered", "documented only", "evidenced only",
/// "not covered".
const char* StateName(ClauseCoverage::State state);

/// A leaf's state: covered when documents in force and evidence address
/// it, documented or evidenced only, else not covered.
ClauseCoverage::State LeafStateOf(bool documented, bool evidenced);

/// A parent's state from its leaves': theirs when all agree, else partly
/// covered.
ClauseCoverage::State ParentStateOf(const std::vector<ClauseCoverage::State>& leaves);

/// Coverage of every clause of the catalogue, in catalogue order, as of
/// `as_of`: a leaf is documented by documents in force naming it or an
/// ancestor, evidenced by records doing so (audits once performed, and
/// only internal ones); a parent is judged from its leaves. Audits dated
/// after `as_of` have not happened yet.
std::vector<ClauseCoverage> ComputeCoverage(const Graph& graph, const std::string& as_of);

/// The clause numbers an item names: a document's clauses, a record's
/// clauses and clause fields.
std::vector<std::string> ClausesOf(const Graph& graph, int node);

/// True for an audit record of the organisation's own (type internal);
/// external, certification and surveillance audits are the certification
/// body's or a customer's.
bool IsInternalAudit(const Record& audit);

/// The date a completed audit was performed or a completed management
/// review held, "" when it is not completed, has no date or took place
/// after `as_of`: until then it is a plan, not evidence.
std::string HeldBy(const Record& event, const std::string& as_of);

/// What a management review lacks to count as performed: "decisions"
/// and/or "outputs" (its minutes), in that order; empty when both are
/// recorded, and for every other kind of record.
std::vector<std::string> MissingMinutes(const Record& review);

/// True when a record is evidence as of `as_of`: audits once held
/// (HeldBy), reviews once held with their minutes (MissingMinutes),
/// trainings once no longer planned, any other record.
bool IsEvidence(const Record& record, const std::string& as_of);

/// True when an item naming clause `ref` addresses `clause` or part of it:
/// naming a clause names all of it, and a sub-clause is part of its parent.
bool NamesPartOf(std::string_view ref, std::string_view clause);

}  // namespace smsdoc
