#pragma once
#include <string>
#include <vector>

#include "model/corpus.h"

namespace smsdoc {

/// Why a KPI's `from:` cannot be computed, at its place in the front matter.
struct KpiQueryProblem {
  Pos pos;
  std::string message;
};

/// What `query` names that the record kinds do not have: an unknown kind or
/// field (with a suggestion), a `date` or median date field that is no date,
/// a median field that is no number, a computed field.
std::vector<KpiQueryProblem> KpiQueryProblems(const KindCatalogue& kinds, const KpiQuery& query);

/// The values of `kpi`'s `from:` (which must have no problems), one per
/// period from the first to the last period its kind's records are dated
/// in by the query's `date`: a count in every one of them (0 when no record
/// matches), a ratio or median only where records match. Each is a
/// computed measurement at the `from:` of `path`, its source naming the
/// records' files. Sets the query's covered periods.
std::vector<Measurement> ComputeKpi(const std::vector<Record>& records, const std::string& path,
                                    Kpi& kpi);

/// Adds the values of every typed KPI's valid `from:` to
/// corpus.measurements, so that they are judged and shown as measurements
/// are (the check stage reports the invalid ones).
void AddComputedMeasurements(Corpus& corpus);

}  // namespace smsdoc
