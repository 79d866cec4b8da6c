#pragma once
#include <string>

#include "model/analysis.h"
#include "model/labels.h"

namespace smsdoc {

/// A Stage 2 population's name in the labels' language ("Changes",
/// "Incidents of priority P1"), by the definition it comes from.
std::string PopulationTitle(const Population& p, const Labels& labels);

}  // namespace smsdoc
