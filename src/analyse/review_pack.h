#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The inputs of clause 9.3 for one management review, gathered from the
/// SMS as of the review's date (docs/measurement.md#management-review-pack).
/// Node indexes are the graph's, each list in ID order.
struct ReviewPack {
  int review = -1;
  /// The review's `held` date, or the build's as-of date when the review
  /// is dated later (a plan) or has no date (`capped`).
  std::string date;
  bool capped = false;
  int previous = -1;                  ///< the last completed review held before `date`
  std::vector<int> previous_actions;  ///< actions it named or raised
  std::vector<KpiSeries> kpis;        ///< points up to `date`; missed latest first
  std::vector<size_t> customer_kpis, supplier_kpis;  ///< indexes into `kpis`
  std::vector<int> audits;                           ///< completed and performed by `date`
  std::vector<int> open_findings;                    ///< raised by `date`, not closed by it
  /// Findings classed major or minor, and actions, raised by `date` and
  /// open at it or raised since the previous review.
  std::vector<int> nonconformities, corrective_actions;
  std::vector<int> risks;           ///< risks above acceptance, opened by `date`, not closed
  std::vector<int> opportunities;   ///< ofi findings and opportunity records, as above
  std::vector<int> raised_actions;  ///< actions the review names or that name it as source
};

/// The pack of the review record at `review_node`.
ReviewPack GatherReviewPack(const Graph& graph, const Analysis& analysis, int review_node);

/// True when a record was open at `date`: not closed, or closed after it
/// (by its `closed_on`); a closed record without that date counts closed.
bool OpenAt(const Record& record, const std::string& date);

/// True when a record is due before `date` and was open at it.
bool OverdueAt(const Record& record, const std::string& date);

/// `series` with only the points and gaps of periods ended by `date`, and
/// its missed-in-a-row count recounted from them.
KpiSeries SeriesUpTo(const KpiSeries& series, const std::string& date);

}  // namespace smsdoc
