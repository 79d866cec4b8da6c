#pragma once
#include <string>
#include <vector>

#include "model/corpus.h"

namespace smsdoc {

/// One file `smsdoc schema` writes.
struct SchemaFile {
  std::string name;  ///< "document.schema.json", ...
  std::string bytes;
};

/// The first bytes of every file JsonSchemas makes, by which `smsdoc
/// schema` knows a file it may replace.
inline constexpr const char* kSchemaFileStart =
    "{\n  \"$schema\": \"https://json-schema.org/draft/2020-12/schema\",\n  \"$id\": "
    "\"https://smsdoc.invalid/schemas/";

/// JSON Schemas (draft 2020-12) for this SMS, built from the definitions
/// the loader uses: document and process front matter (with
/// `document_fields:` and `unknown_fields:`), records files (each kind,
/// built in and smsdoc.yaml's), and smsdoc.yaml itself. Roles, statuses,
/// clause numbers and kinds are enums; the IDs of the SMS are examples.
/// In name order; the same corpus always gives the same bytes.
std::vector<SchemaFile> JsonSchemas(const Corpus& corpus);

}  // namespace smsdoc
