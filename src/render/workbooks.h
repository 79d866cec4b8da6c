#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"
#include "model/build_info.h"
#include "model/workbook.h"

namespace smsdoc {

/// The workbook a record kind's register goes to, in registers/:
/// risk -> risk-register.xlsx, person/competence/training ->
/// training-register.xlsx, audit/finding/action -> audit-register.xlsx, any
/// other kind K -> K-register.xlsx.
std::string RegisterFile(const std::string& kind);
inline constexpr const char* kDocumentRegister = "document-register.xlsx";
inline constexpr const char* kClauseCoverageRegister = "clause-coverage.xlsx";

/// Every register workbook of the SMS (render stage); the write stage turns
/// them into .xlsx files. Record sheets make their rows from `graph` and
/// `analysis` while they are written, so both must outlive the workbooks.
std::vector<Workbook> BuildWorkbooks(const Graph& graph, const Analysis& analysis,
                                     const BuildInfo& info);

}  // namespace smsdoc
