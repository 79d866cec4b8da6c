#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/workbook.h"
#include "check/register_rules.h"

namespace smsdoc {

/// The workbook a record kind's register goes to, in registers/:
/// risk -> risk-register.xlsx, person/competence/training ->
/// training-register.xlsx, audit/finding/action -> audit-register.xlsx, any
/// other kind K -> K-register.xlsx.
std::string RegisterFile(const std::string& kind);
inline constexpr const char* kDocumentRegister = "document-register.xlsx";
inline constexpr const char* kClauseCoverageRegister = "clause-coverage.xlsx";

/// Every register workbook of the SMS (render stage); the write stage turns
/// them into .xlsx files. Record sheets make their rows from `graph` while
/// they are written, so the graph must outlive the workbooks.
std::vector<Workbook> BuildWorkbooks(const Graph& graph, const BuildInfo& info);

}  // namespace smsdoc
