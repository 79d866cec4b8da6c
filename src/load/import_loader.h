#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "load/import_plan.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// A date cell as the ITSM tools write it, made YYYY-MM-DD: an ISO date
/// with a time after it ("2026-10-14 07:12:09", "2026-10-14T07:12Z") or
/// Jira's "14/Oct/26 7:12 AM"; anything else is returned as written, for
/// the date check to report.
std::string ImportedDate(std::string_view cell);

/// Reads one CSV export as `plan` says: the header row names the columns,
/// each further row is a record (marked `imported`), checked as a YAML
/// record is. Every bad cell is reported at its line and column with the
/// column's header; a row with an empty required cell is left out, and a
/// file without a required column is left out whole.
std::vector<Record> LoadImportCsv(const std::string& path, std::string_view text,
                                  const ImportPlan& plan, const Config& config,
                                  const KindCatalogue& kinds, Diagnostics& diags);

}  // namespace smsdoc
