#pragma once
#include <string>

#include "model/labels.h"
#include "model/measurement.h"

namespace smsdoc {

/// The periods a process page's small multiples show.
inline constexpr size_t kSmallMultiplePeriods = 12;

/// A KPI's trend as an SVG drawn by smsdoc (no script), to stand inline in
/// HTML and print as it shows: the last `periods` periods across (a period
/// with no measurement is a gap in the line, marked on the axis), the
/// target as a dashed line and the warning threshold dotted, and a mark per
/// value whose shape tells its state as well as its colour (met a circle,
/// near a triangle, missed a cross). Every mark and gap carries its period
/// (`data-period`) and the value as written (`data-value`), so what is
/// plotted can be read back and compared with the records. `compact`
/// draws the small multiple of a process page.
std::string KpiTrendSvg(const Kpi& kpi, const KpiSeries& series, const Labels& labels,
                        size_t periods, bool compact);

}  // namespace smsdoc
