#include "import/mapping.h"

#include <algorithm>
#include <functional>

#include "base/text.h"
#include "load/document_loader.h"
#include "load/field_reader.h"

namespace smsdoc {

namespace {

class MappingReader {
 public:
  MappingReader(const std::string& path, Diagnostics& diags) : path_(path), diags_(diags) {}

  // A mapping of single values, each passed to `entry` with the value's node.
  void Pairs(const YamlNode& node, const std::string& key,
             const std::function<void(const std::string&, const YamlNode&)>& entry) {
    if (!node.IsMap()) {
      if (!node.IsNull())
        Error(node.pos, "'" + key + "' must be a mapping, got " + DescribeYaml(node));
      return;
    }
    for (const auto& e : node.entries) {
      if (!e.value.IsScalar() || Trim(e.value.scalar).empty()) {
        Error(e.value.pos.line ? e.value.pos : e.key_pos,
              "'" + key + ": " + e.key + "' must be a single value, got " + DescribeYaml(e.value));
        continue;
      }
      entry(e.key, e.value);
    }
  }

  // `value` must be one of `allowed`.
  bool OneOf(const YamlNode& value, const std::string& what,
             const std::vector<std::string>& allowed) {
    if (std::find(allowed.begin(), allowed.end(), value.scalar) != allowed.end()) return true;
    Error(value.pos,
          "unknown " + what + " '" + value.scalar + "'" + DidYouMean(value.scalar, allowed));
    return false;
  }

  void Error(Pos pos, const std::string& message) {
    diags_.Error(path_, pos, message, "import-map");
  }

 private:
  const std::string& path_;
  Diagnostics& diags_;
};

const std::vector<std::string>& EnumValues(const std::string& field) {
  static const std::vector<std::string> kStatuses = {"draft", "approved", "retired"};
  static const std::vector<std::string> kNone;
  if (field == "status") return kStatuses;
  if (field == "type") return DocumentTypes();
  if (field == "classification") return DocumentClassifications();
  return kNone;
}

}  // namespace

const std::vector<std::string>& ImportableFields() {
  static const std::vector<std::string> kFields = {
      "id",      "title",     "type",           "owner",         "approver",    "version",
      "status",  "effective", "review_months",  "approved_on",   "reviewed_on", "clauses",
      "related", "author",    "classification", "change_summary"};
  return kFields;
}

ImportMapping ParseMapping(const YamlNode& root, const std::string& path,
                           const std::vector<std::string>& roles, Diagnostics& diags) {
  ImportMapping m;
  MappingReader r(path, diags);
  if (root.IsNull()) return m;
  if (!root.IsMap()) {
    r.Error(root.pos, "a mapping file must be a mapping (fields: ..., values: ...), got " +
                          DescribeYaml(root));
    return m;
  }
  ReportUnknownKeys(root, {"id_prefix", "fields", "values", "owners", "types", "drop"}, path, "key",
                    " in a mapping file", "import-map", diags);
  if (const YamlNode* n = root.Find("id_prefix")) {
    if (n->IsScalar() && IsValidId(n->scalar))
      m.id_prefix = n->scalar;
    else
      r.Error(n->pos,
              "'id_prefix' must be the start of an ID (letters, digits, '.', '_', '-'), "
              "got " +
                  DescribeYaml(*n));
  }
  if (const YamlNode* n = root.Find("fields"))
    r.Pairs(*n, "fields", [&](const std::string& key, const YamlNode& value) {
      if (r.OneOf(value, "smsdoc field", ImportableFields())) m.fields[key] = value.scalar;
    });
  if (const YamlNode* n = root.Find("values")) {
    if (!n->IsMap() && !n->IsNull())
      r.Error(n->pos, "'values' must be a mapping of smsdoc fields, got " + DescribeYaml(*n));
    for (const auto& e : n->entries) {
      std::vector<std::string> fields = ImportableFields();
      if (std::find(fields.begin(), fields.end(), e.key) == fields.end()) {
        r.Error(e.key_pos, "unknown smsdoc field '" + e.key + "'" + DidYouMean(e.key, fields));
        continue;
      }
      r.Pairs(e.value, "values: " + e.key, [&](const std::string& from, const YamlNode& to) {
        const std::vector<std::string>& allowed = EnumValues(e.key);
        if (allowed.empty() || r.OneOf(to, e.key, allowed)) m.values[e.key][from] = to.scalar;
      });
    }
  }
  if (const YamlNode* n = root.Find("owners"))
    r.Pairs(*n, "owners", [&](const std::string& name, const YamlNode& role) {
      if (r.OneOf(role, "role", roles)) m.owners[name] = role.scalar;
    });
  if (const YamlNode* n = root.Find("types"))
    r.Pairs(*n, "types", [&](const std::string& folder, const YamlNode& type) {
      std::string key(folder);
      while (!key.empty() && key.back() == '/') key.pop_back();
      if (r.OneOf(type, "type", DocumentTypes())) m.types[key] = type.scalar;
    });
  if (const YamlNode* n = root.Find("drop")) {
    if (n->IsScalar()) {
      m.drop.push_back(n->scalar);
    } else if (n->IsSequence()) {
      for (const YamlNode& item : n->items) {
        if (item.IsScalar())
          m.drop.push_back(item.scalar);
        else
          r.Error(item.pos, "'drop' lists source keys, got " + DescribeYaml(item));
      }
    } else if (!n->IsNull()) {
      r.Error(n->pos, "'drop' must be a list of source keys, got " + DescribeYaml(*n));
    }
  }
  return m;
}

}  // namespace smsdoc
