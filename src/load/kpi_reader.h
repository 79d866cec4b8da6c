#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/field_reader.h"
#include "model/measurement.h"

namespace smsdoc {

/// The keys of a `kpis:` row: typed (with `id`) and free text.
const std::vector<std::string>& KpiFieldNames();
/// The words `unit`, `direction` and `frequency` take, in enum order.
const std::vector<std::string>& KpiUnitNames();
const std::vector<std::string>& KpiDirectionNames();
const std::vector<std::string>& FrequencyNames();

/// Reads one `kpis:` row: typed when it has an `id` (every field checked),
/// else the free-text form (name, target, frequency as written), which
/// warns `kpi-untyped` with how to upgrade.
Kpi ReadKpi(FieldReader& row);

/// A value in a unit's terms, or nullopt with `why` set: percent 0..100
/// (a trailing '%' allowed), count a whole number >= 0, duration minutes
/// >= 0 as a number or "4h", "30m", "1h30m", "2d"; currency and score any
/// number.
std::optional<double> ParseKpiValue(std::string_view text, KpiUnit unit, std::string& why);

/// A measured value before its KPI is known: a number, or a duration in
/// minutes ("4h"); nullopt when it is neither.
std::optional<double> ParseMeasuredValue(std::string_view text);

}  // namespace smsdoc
