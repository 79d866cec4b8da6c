#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "load/import_plan.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

// What CSV and JSON exports share once their format is read: each row (a
// CSV line, a JSON object) gives a value for each field the file holds,
// and the row becomes a record as a YAML record would.

/// A field of the plan the export holds, and where from.
struct ImportField {
  const ImportPlan::Column* column = nullptr;
  std::string where;                 ///< "column 'state'" or "key 'fields.status.name'"
  std::vector<std::string> allowed;  ///< for enums and statuses; empty: any
};

/// `column` read from `where`, with the values its cells may hold.
ImportField BindImportField(const ImportPlan::Column& column, std::string where,
                            const KindSpec& kind);

/// True when a file without the field's column cannot be read at all: the
/// ID, title, status and required fields.
bool ImportNeedsColumn(const FieldSpec& field);

/// One value of a row: a cell's text, or a JSON array's items.
struct ImportValue {
  std::string text;
  std::vector<std::string> items;
  bool is_list = false;  ///< from a JSON array: `items`, not `text`
  Pos pos;
};

/// The row at `row_pos` with a value for each of `fields` (nullopt: the
/// row has none) made a record (marked `imported`) and added to `out`:
/// values translated by the field's map, checked, every problem reported
/// at its value and named with its `where`. A row found bad (`usable`
/// false, or a bad value here) is checked all the same but left out.
/// `empty` names an empty value in messages ("cell", "value").
void ImportRow(const std::string& path, const ImportPlan& plan,
               const std::vector<ImportField>& fields, Pos row_pos,
               std::vector<std::optional<ImportValue>> values, bool usable, std::string_view empty,
               const Config& config, const KindCatalogue& kinds, Diagnostics& diags,
               std::vector<Record>& out);

}  // namespace smsdoc
