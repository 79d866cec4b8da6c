#pragma once
#include <optional>
#include <string>
#include <vector>

#include "load/field_reader.h"
#include "model/measurement.h"

namespace smsdoc {

/// The keys of a typed KPI's `from:` (docs/measurement.md).
const std::vector<std::string>& KpiQueryKeys();

/// Reads `from:` of the typed KPI row `row` (whose unit is `unit`, or
/// nullopt when it had none): the kind, the date field, the `where`
/// filter and exactly one of `count: true`, `ratio: {field: value}`,
/// `median: FIELD` or `median: {from: DATE, to: DATE}`. Every problem of
/// its form, and an aggregate the unit cannot hold, is a `kpi-from` error
/// at its position; then nullopt. Whether the kind and fields exist is
/// checked once the kinds are known (analyse/kpi_query).
std::optional<KpiQuery> ReadKpiQuery(FieldReader& row, std::optional<KpiUnit> unit);

}  // namespace smsdoc
