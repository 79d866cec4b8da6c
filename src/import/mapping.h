#pragma once
#include <map>
#include <string>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"

namespace smsdoc {

/// How `smsdoc import` turns another set's metadata into smsdoc fields:
/// the mapping file given with `--map` (docs/import.md), or the built-in
/// rules without one (every field empty: keys named like an smsdoc field
/// are that field, everything else is dropped and reported).
struct ImportMapping {
  /// `id_prefix:`: IDs made from file names are PREFIX-NAME.
  std::string id_prefix = "DOC";
  /// `fields:`: a source key -> the smsdoc field it becomes.
  std::map<std::string, std::string> fields;
  /// `values:`: per smsdoc field, a source value -> the value it becomes.
  std::map<std::string, std::map<std::string, std::string>> values;
  /// `owners:`: a person's name in owner, approver or author -> a role key.
  std::map<std::string, std::string> owners;
  /// `types:`: a folder of the source (relative, '/'-separated) -> the type
  /// of the documents under it; the longest folder wins.
  std::map<std::string, std::string> types;
  /// `drop:`: source keys dropped on purpose (still listed in the report).
  std::vector<std::string> drop;
};

/// The smsdoc document fields a source key may become.
const std::vector<std::string>& ImportableFields();

/// Reads a mapping file's YAML; every problem goes to `diags` against
/// `path` with its line and column ([import-map]). `roles` are smsdoc.yaml's
/// role keys, which `owners:` must name.
ImportMapping ParseMapping(const YamlNode& root, const std::string& path,
                           const std::vector<std::string>& roles, Diagnostics& diags);

}  // namespace smsdoc
