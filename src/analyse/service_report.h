#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/analysis.h"
#include "model/corpus.h"

namespace smsdoc {

/// Service reporting (clause 9.4): the facts of one service for one
/// period, gathered from the KPIs naming it and the records of the SMS
/// (docs/measurement.md#service-reports).

/// One KPI naming the service, as it stood at the report's date.
struct ServiceKpi {
  KpiSeries series;  ///< points and gaps of periods ended by the report's date
  /// The KPI's latest period ended by the report's date, e.g. 2026-Q3 for
  /// a quarterly KPI in the report of 2026-10, and the one before it.
  std::string period, previous_period;
  std::optional<KpiPoint> current, previous;  ///< their values, when measured
  int missed_this_year = 0;                   ///< missed periods of `period`'s year, up to it
};

struct ServiceReport {
  std::string service;
  std::string period;  ///< YYYY-MM, YYYY-Qn or YYYY
  /// The period's last day, or the analysis' as-of date when earlier.
  std::string as_of;
  std::vector<ServiceKpi> kpis;  ///< in the analysis' order
  /// Records of the SMS's kinds `incident` and `change` naming the service
  /// and dated in the period; nullopt when the SMS has no such kind.
  std::optional<int> incidents, changes;
};

/// True when the SMS has `service` records (its service catalogue, 8.2.4).
bool HasServiceCatalogue(const Corpus& corpus);

/// The services, sorted: the titles of the `service` records when the SMS
/// has any, else the distinct names in the KPIs' `services:` lists.
std::vector<std::string> ServiceNames(const Corpus& corpus);

/// The service named `slug` in a path (base/text.h Slugify); "" for none.
std::string ServiceBySlug(const Corpus& corpus, const std::string& slug);

/// The frequency of a report period's form (YYYY-MM, YYYY-Qn, YYYY);
/// nullopt for anything else, dates included.
std::optional<Frequency> ReportPeriodFrequency(const std::string& period);

/// The report of `service` for `period` (a valid report period).
ServiceReport GatherServiceReport(const Corpus& corpus, const Analysis& analysis,
                                  const std::string& service, const std::string& period);

}  // namespace smsdoc
