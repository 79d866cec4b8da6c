#pragma once
#include <string>
#include <utility>
#include <vector>

#include "model/corpus.h"
#include "model/labels.h"
#include "model/measurement.h"

namespace smsdoc {

// The words and numbers of KPIs as pages, charts and the KPI register show
// them, one way for all.

/// `v` with at most `decimals` decimals, trailing zeros dropped; locale-free,
/// so the output is the same everywhere.
std::string KpiNumber(double v, int decimals);

/// A measured value with its unit: "96.5%", "42", "30 min".
std::string KpiValueText(double value, KpiUnit unit, const Labels& labels);

/// A typed KPI's target with its unit and near threshold: "≥ 95% (warning
/// threshold 90%)".
std::string KpiTargetText(const Kpi& kpi, const Labels& labels);

/// The label keys of a state's, a frequency's and a unit's word.
const char* KpiStateKey(KpiState state);
const char* KpiFrequencyKey(Frequency frequency);
const char* KpiUnitKey(KpiUnit unit);

/// Where a computed value came from ("computed from 4 records in
/// Incidents"), or "" for a measured one.
std::string KpiSourceText(const Corpus& corpus, const KpiPoint& point, const Labels& labels);

/// The id of a KPI's section on kpis.html.
std::string KpiAnchor(const Kpi& kpi);

/// Every period of a series, oldest first, with its point or nullptr where
/// it was not measured (missing, or computed with no records to judge) (their texts sort as time
/// does within one frequency).
std::vector<std::pair<std::string, const KpiPoint*>> KpiAxis(const KpiSeries& series);

}  // namespace smsdoc
