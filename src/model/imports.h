#pragma once
#include <string>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// One entry of smsdoc.yaml's `imports:`: the ITSM tool's CSV exports that
/// a glob names in a records folder, read as records of one kind
/// (docs/itsm-exports.md). As written; the loader checks it against the
/// kinds.
struct ImportSpec {
  struct Column {
    std::string field, header;
    Pos pos;
  };
  struct ValueMap {
    std::string field;
    std::vector<std::pair<std::string, std::string>> values;  ///< export value -> smsdoc value
    Pos pos;
  };
  std::string files;  ///< a glob relative to the SMS root: `*`, `?`, `**`
  std::string kind;
  std::string preset;  ///< "" or a preset name (servicenow, jira)
  std::vector<Column> columns;
  std::vector<ValueMap> values;
  Pos pos, files_pos, kind_pos, preset_pos;
};

}  // namespace smsdoc
