#pragma once
#include <string>

#include "import/plan.h"

namespace smsdoc {

/// The name of the report `smsdoc import` writes in the SMS root.
inline constexpr const char* kImportReport = "import-report.md";

/// The report of an import, in Markdown, for a person to review: totals,
/// then per file its source and new path, its ID and title and where each
/// came from, every field filled (from the metadata, `defaults:`, the
/// mapping, or invented) and every key dropped with its value.
/// `source_dir` is the folder as given on the command line.
std::string ImportReport(const ImportPlan& plan, const std::string& source_dir);

/// One line of totals for the terminal: documents, files, what was
/// invented and dropped.
std::string ImportSummary(const ImportPlan& plan);

}  // namespace smsdoc
