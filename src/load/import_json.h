#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "load/import_plan.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// Reads one JSON export as `plan` says (docs/itsm-exports.md): the
/// records are a top-level array of objects, or the array under
/// `records` (ServiceNow), `result` (ServiceNow's Table API) or `issues`
/// (Jira's search). Each field is read at its column's dotted path
/// ("fields.status.name"), through arrays on the way; a record without
/// the key, or with null, has the field empty. Every bad value is
/// reported at its line and column with its path; a syntax error leaves
/// the file out, as does a path needed for the ID, title, status or a
/// required field that no record holds.
std::vector<Record> LoadImportJson(const std::string& path, std::string_view text,
                                   const ImportPlan& plan, const Config& config,
                                   const KindCatalogue& kinds, Diagnostics& diags);

}  // namespace smsdoc
