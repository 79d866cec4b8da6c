#pragma once
#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

/// Values the register workbooks cannot hold as written (model/workbook.h),
/// as warnings at the field: a date before 1900-01-01 (written as text,
/// `workbook-date`) and text over 32,767 characters (cut,
/// `workbook-text-cut`). Documents' dates and the record fields a
/// workbook shows (the kind's columns, a risk's treatment plan) are
/// judged; the site shows both whole.
void CheckWorkbookLimits(const Graph& graph, Diagnostics& diags);

}  // namespace smsdoc
