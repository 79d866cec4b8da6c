#pragma once
#include "base/diagnostics.h"
#include "model/corpus.h"

namespace smsdoc {

/// Service report commentary (docs/measurement.md#service-reports): its
/// path must name a report period (YYYY-MM, YYYY-Qn, YYYY) and a service
/// some KPI names (by its slug), once.
void CheckServiceReports(const Corpus& corpus, Diagnostics& diags);

}  // namespace smsdoc
