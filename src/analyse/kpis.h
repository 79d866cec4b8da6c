#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/corpus.h"

namespace smsdoc {

/// Where a typed KPI is defined: indexes into Corpus::documents and that
/// document's kpis.
struct KpiRef {
  int document = -1, kpi = -1;
};

/// The typed KPIs by ID; of two with one ID, the first (the check stage
/// reports the second).
std::map<std::string, KpiRef> TypedKpis(const Corpus& corpus);

/// Why a measurement does not count: unknown or untyped KPI, a period not
/// of the KPI's frequency, a value outside the unit, a second value for
/// one period. None depends on the as-of date.
struct MeasurementProblem {
  int measurement = -1;  ///< index into Corpus::measurements
  Pos pos;
  std::string message, code;
};

/// Every measurement problem, in measurement order. The analysis counts
/// the measurements without one; the check stage reports them.
std::vector<MeasurementProblem> MeasurementProblems(const Corpus& corpus);

/// One series per typed KPI (by document, then KPI order): its counted
/// measurements up to `as_of` (a later period is not measured yet as of
/// that date, so left out), oldest first with their states, the periods missing
/// between its first measurement and the last complete period before
/// `as_of`, and how many periods ending with the latest were missed.
std::vector<KpiSeries> AnalyseKpis(const Corpus& corpus, const std::string& as_of);

}  // namespace smsdoc
