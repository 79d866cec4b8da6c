#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"
#include "model/build_info.h"
#include "model/labels.h"
#include "model/urls.h"
#include "model/workbook.h"

namespace smsdoc {

/// Every register workbook of the SMS (render stage); the write stage turns
/// them into .xlsx files. Record sheets make their rows from `graph` and
/// `analysis` while they are written, so both must outlive the workbooks.
/// Their words are `labels`' (the SMS's language).
std::vector<Workbook> BuildWorkbooks(const Graph& graph, const Analysis& analysis,
                                     const BuildInfo& info, const Labels& labels);

}  // namespace smsdoc
