#pragma once
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"
#include "model/field_filter.h"

namespace smsdoc {

// Monitoring and measurement (clause 9.1): a process's KPIs with typed
// targets, and what was measured. Loaded facts only; how each measured
// value stands against its target is the analysis' (KpiSeries below).

enum class KpiUnit { kPercent, kCount, kDuration, kCurrency, kScore };
enum class KpiDirection { kHigher, kLower };  ///< which way is better
enum class Frequency { kMonthly, kQuarterly, kYearly };

/// What a KPI computed from records makes of a period's records.
enum class KpiAggregate { kCount, kRatio, kMedian };

/// A typed KPI's `from:`: its value for each period computed from records
/// instead of measured (docs/measurement.md#kpis-computed-from-records).
struct KpiQuery {
  std::string kind;  ///< the record kind
  std::string date;  ///< the date field that puts a record in a period
  FieldFilter where;
  KpiAggregate aggregate = KpiAggregate::kCount;
  FieldFilter ratio;  ///< ratio: the percentage of `where`'s records matching it
  /// median: of a number field, or of the days from one date field to another
  std::string median, median_from, median_to;
  Pos pos, kind_pos, date_pos, aggregate_pos, median_from_pos, median_to_pos;
  std::vector<std::pair<std::string, Pos>> fields;  ///< where and ratio fields, where
  /// The periods the kind's dated records span (first, last), set when the
  /// values are computed: within them a period without a value is not missing.
  std::optional<std::pair<int, int>> covered;
};

/// One KPI of a process. `typed` is false for the free-text form
/// (`target: "95%"`), which keeps loading with a note how to upgrade;
/// only the name, target and frequency text are then set.
struct Kpi {
  std::string id;  ///< e.g. KPI-INC-01; "" when untyped
  std::string name;
  std::string target, frequency;  ///< as written, for display
  bool typed = false;
  KpiUnit unit = KpiUnit::kPercent;
  KpiDirection direction = KpiDirection::kHigher;
  double target_value = 0;
  std::optional<double> warning;  ///< between it and the target: "near"
  Frequency cadence = Frequency::kMonthly;
  std::vector<std::string> services;  ///< the services it reports on (9.4)
  std::optional<KpiQuery> query;      ///< `from:`: computed from records
  Pos pos;
};

/// One measured value of a KPI in one period, from a `kind: measurement`
/// entry in records/*.yaml or a row of a records/*.csv file.
struct Measurement {
  std::string path;                    ///< relative to the SMS root
  Pos pos;                             ///< of the entry or row
  Pos kpi_pos, period_pos, value_pos;  ///< of those values, for the checks
  std::string kpi;
  std::string period;  ///< YYYY-MM, YYYY-Qn, YYYY, or a YYYY-MM-DD date
  double value = 0;
  std::string value_text;  ///< as written, for display
  std::string comment, source;
  bool computed = false;    ///< from its KPI's `from:` records, not measured
  int record_count = 0;     ///< computed: how many records `where` selected
  std::string record_kind;  ///< computed: their kind
};

/// How a measured value stands against its KPI's target.
enum class KpiState { kMet, kNear, kMissed };

struct KpiPoint {
  int measurement = -1;  ///< index into Corpus::measurements
  std::string period;
  double value = 0;
  KpiState state = KpiState::kMet;
};

/// A typed KPI's measurements, oldest first, as judged by the analysis.
struct KpiSeries {
  int document = -1;  ///< index into Corpus::documents (the process)
  int kpi = -1;       ///< index into that document's kpis
  std::vector<KpiPoint> points;
  std::vector<std::string> missing;  ///< periods with no measurement, up to the as-of date
  /// Computed from records: periods they span with none to judge (no P1
  /// incident that month), not measured but not missing either.
  std::vector<std::string> unjudged;
  int missed_in_a_row = 0;  ///< missed periods ending with the latest
};

}  // namespace smsdoc
