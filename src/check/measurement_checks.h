#pragma once
#include <string>

#include "base/diagnostics.h"
#include "model/corpus.h"

namespace smsdoc {

/// KPIs and measurements (docs/measurement.md): a KPI ID given twice, and
/// every measurement that does not count (unknown or untyped KPI, period
/// form, value outside the unit, a period measured twice).
void CheckMeasurements(const Corpus& corpus, Diagnostics& diags);

}  // namespace smsdoc
