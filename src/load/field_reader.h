#pragma once
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "adapters/yaml.h"
#include "base/diagnostics.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// A scalar read from YAML with where it stood.
struct Located {
  std::string value;
  Pos pos;
};

/// Reads typed fields from one YAML mapping, reporting every problem with
/// its position. Shared by documents, processes and records, so a field
/// type is checked the same way everywhere.
class FieldReader {
 public:
  FieldReader(const YamlNode& map, Pos map_pos, const std::string& path, const Config& config,
              Diagnostics& diags)
      : map_(map), map_pos_(map_pos), path_(path), config_(config), diags_(diags) {}

  std::string Text(const std::string& key, bool required);
  std::string Id(const std::string& key, bool required);
  std::string Date(const std::string& key, bool required);
  /// true/false (also yes/no, any case).
  std::optional<bool> Bool(const std::string& key, bool required);
  /// A decimal number, kept as written.
  std::string Number(const std::string& key, bool required);
  std::optional<long> Integer(const std::string& key, bool required, long min, long max);
  std::string Enum(const std::string& key, bool required, const std::vector<std::string>& values);
  std::string Role(const std::string& key, bool required);
  /// One role or a list of roles.
  std::vector<std::string> Roles(const std::string& key);
  std::vector<std::string> List(const std::string& key);
  /// A clause of the primary framework, or of another as `iso27001:A.5.15`:
  /// ISO/IEC 20000-1's numbers come back bare, others with their prefix.
  std::string Clause(const std::string& key, bool required = false);
  std::vector<std::string> Clauses(const std::string& key);
  /// `controls: {iso27001: [A.5.15]}`: the numbers, prefixed as Clauses'.
  std::vector<std::string> Controls(const std::string& key);
  /// IDs of other items: one ID for `single`, else a list.
  std::vector<Located> Ids(const std::string& key, bool single, bool required);
  /// `accept: {CODE: reason}`: warning codes this item accepts, each with
  /// its reason.
  std::vector<Acceptance> Accepts(const std::string& key);
  /// Reports every key not in `known` (with a suggestion).
  void RejectUnknown(const std::vector<std::string>& known);
  /// Calls `row` with a reader for each mapping in the list `key`, whose
  /// fields are `fields` (others are reported).
  void Rows(const std::string& key, const std::vector<std::string>& fields,
            const std::function<void(FieldReader&)>& row);

  const YamlNode* Node(const std::string& key) const { return map_.Find(key); }
  Pos PosOf(const std::string& key) const;
  const std::string& path() const { return path_; }
  Diagnostics& diags() { return diags_; }
  const Config& config() const { return config_; }

 private:
  const YamlNode* Scalar(const std::string& key, bool required);
  bool CheckRole(const YamlNode& node, const std::string& key);
  bool CheckClause(const YamlNode& node, std::string& out);
  bool CheckId(const YamlNode& node, const std::string& key);
  void Missing(const std::string& key);

  const YamlNode& map_;
  Pos map_pos_;
  std::string path_;
  const Config& config_;
  Diagnostics& diags_;
};

/// Reads the field `spec` describes, as its type wants: records' fields and
/// documents' `document_fields:` alike. `statuses` are a status field's
/// values; the IDs a ref field names are added to `refs`.
FieldValue ReadFieldValue(FieldReader& reader, const FieldSpec& spec,
                          const std::vector<std::string>& statuses, std::vector<Reference>& refs);

/// Reports every key of `map` not in `known`, as "unknown WHAT 'key'WHERE
/// (did you mean ...)" with `code`.
void ReportUnknownKeys(const YamlNode& map, const std::vector<std::string>& known,
                       const std::string& path, const std::string& what, const std::string& where,
                       const std::string& code, Diagnostics& diags);

/// True for IDs smsdoc accepts: letters, digits, '.', '_', '-'.
bool IsValidId(const std::string& id);

}  // namespace smsdoc
