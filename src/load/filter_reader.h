#pragma once
#include <string>
#include <utility>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/field_filter.h"

namespace smsdoc {

/// Reads a filter written as `KEY: {field: value or [values]}` (a rule's
/// `where`, a computed KPI's `where` and `ratio`) into `filter`, and every
/// field it names with its position into `fields`. A malformed one is
/// reported at `path` with `code`, `example` showing the right form.
void ReadFilter(const YamlNode& node, const std::string& key, const std::string& example,
                const std::string& path, const std::string& code, FieldFilter& filter,
                std::vector<std::pair<std::string, Pos>>& fields, Diagnostics& diags);

}  // namespace smsdoc
