#pragma once
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

// Monitoring and measurement (clause 9.1): a process's KPIs with typed
// targets, and what was measured. Loaded facts only; how each measured
// value stands against its target is the analysis' (KpiSeries below).

enum class KpiUnit { kPercent, kCount, kDuration, kCurrency, kScore };
enum class KpiDirection { kHigher, kLower };  ///< which way is better
enum class Frequency { kMonthly, kQuarterly, kYearly };

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
  int missed_in_a_row = 0;           ///< missed periods ending with the latest
};

}  // namespace smsdoc
