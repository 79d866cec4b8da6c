#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"
#include "model/corpus.h"
#include "model/kinds.h"

namespace smsdoc {

/// Loads the records of one YAML file (a mapping, or a list of mappings),
/// validating each against its kind's schema. `complete` is false when an
/// entry had to be dropped (bad YAML, no ID, unknown kind). Entries of
/// `kind: measurement` are not records: they go to `measurements` (when
/// given).
std::vector<Record> LoadRecords(const std::string& path, std::string_view text,
                                const Config& config, const KindCatalogue& kinds,
                                Diagnostics& diags, bool& complete,
                                std::vector<Measurement>* measurements = nullptr);

/// Loads one entry (a mapping with `id`, `kind`, ...) into `out`, as
/// LoadRecords does each; false when it could not become a record.
bool LoadRecordEntry(const YamlNode& node, const std::string& path, const Config& config,
                     const KindCatalogue& kinds, Diagnostics& diags, std::vector<Record>& out);

}  // namespace smsdoc
