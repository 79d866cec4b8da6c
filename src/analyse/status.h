#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The state of an SMS in numbers and IDs, as `smsdoc status` reports it:
/// a view of the analysis, each ID once per list.
struct StatusSummary {
  std::map<std::string, int> documents_by_status;
  std::vector<std::string> reviews_overdue, reviews_due;  ///< document IDs
  std::vector<std::string> changed_after_approval, version_problems, approval_problems;
  std::vector<std::string> expired, expiring;  ///< records with an expiry date
  std::vector<std::string> overdue;            ///< records past a due date
  std::map<std::string, int> open_findings;    ///< by classification
  /// Not covered: ISO/IEC 20000-1's clauses, then each other framework's
  /// items as "iso27001:A.5.1" (an excluded control is no gap).
  std::vector<std::string> uncovered_clauses;
  std::vector<std::string>
      readiness_missing;  ///< checklist keys ("iso27001:scope" beside 20000-1's)
  /// Each framework's checklist: its ID, title and (key, state name) in
  /// checklist order, ISO/IEC 20000-1 first.
  struct Readiness {
    std::string framework, title;
    std::vector<std::pair<std::string, std::string>> items;
  };
  std::vector<Readiness> readiness;
  /// Typed KPIs: "typed", "measured" (with a counted value), "missed_latest".
  std::map<std::string, int> kpis;
  std::vector<std::string> measurements_missing;  ///< KPI IDs with a missing period
  /// Per framework beside ISO/IEC 20000-1, in smsdoc.yaml's order: its ID
  /// and its items per coverage state (CountByState, as its page counts).
  std::vector<std::pair<std::string, std::vector<std::pair<std::string, int>>>> framework_coverage;
  /// Process rule ID -> the IDs of the records breaking it (rules broken only).
  std::map<std::string, std::vector<std::string>> rule_breaches;

  /// The conditions `--fail-on` may name, each true when it holds.
  std::map<std::string, bool> Conditions() const;
};

/// The names `--fail-on` accepts, for help and suggestions.
std::vector<std::string> StatusConditionNames();

StatusSummary Summarize(const Graph& graph, const Analysis& analysis);

}  // namespace smsdoc
