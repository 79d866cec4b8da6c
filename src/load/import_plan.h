#pragma once
#include <map>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/config.h"
#include "model/imports.h"
#include "model/kinds.h"

namespace smsdoc {

/// An import checked against its kind: which header each field is read
/// from and the export values to translate, the preset with the import's
/// own `columns:` and `values:` over it.
struct ImportPlan {
  struct Column {
    const FieldSpec* field = nullptr;
    std::string header;  ///< in a CSV export
    std::string path;    ///< in a JSON export: dotted keys ("fields.status.name")
    std::map<std::string, std::string> values;  ///< export value -> smsdoc value
  };
  const ImportSpec* spec = nullptr;
  const KindSpec* kind = nullptr;
  std::vector<Column> columns;  ///< in the kind's field order
};

/// The plans of smsdoc.yaml's `imports:`; an import with an unknown kind,
/// field or preset, or without a column for a required field, is reported
/// at smsdoc.yaml and left out.
std::vector<ImportPlan> PlanImports(const Config& config, const KindCatalogue& kinds,
                                    Diagnostics& diags);

}  // namespace smsdoc
