#include "load/import_json.h"

#include "base/json_reader.h"
#include "base/text.h"
#include "load/import_rows.h"

namespace smsdoc {

namespace {

// The keys an export may keep its records under.
constexpr const char* kRecordKeys[] = {"records", "result", "issues"};

using Leaves = std::vector<const JsonNode*>;

// The values at `path` in `v`: a key may hold dots itself (ServiceNow's
// dot-walked "assignment_group.name"), so the longest key that matches
// wins; arrays on the way are walked item by item (`listed` set). True
// when the path leads somewhere, even to null.
bool Collect(const JsonNode& v, std::string_view path, Leaves& out, bool& listed) {
  if (v.type == JsonNode::Type::kArray) {
    listed = true;
    bool found = false;
    for (const auto& item : v.items) found = Collect(item, path, out, listed) || found;
    return found;
  }
  if (v.type != JsonNode::Type::kObject) return false;
  for (size_t end = path.size(); end != std::string_view::npos && end > 0;
       end = path.rfind('.', end - 1)) {
    const JsonNode* child = v.Find(path.substr(0, end));
    if (!child) continue;
    if (end == path.size()) {
      if (child->type != JsonNode::Type::kArray) {
        out.push_back(child);
      } else {
        listed = true;
        for (const auto& item : child->items) out.push_back(&item);
      }
      return true;
    }
    return Collect(*child, path.substr(end + 1), out, listed);
  }
  return false;
}

// The paths next to where `path` stops leading anywhere in `record`: what
// "did you mean" chooses from.
std::vector<std::string> NearbyPaths(const JsonNode& record, std::string_view path) {
  const JsonNode* at = &record;
  std::string prefix;
  while (true) {
    while (at->type == JsonNode::Type::kArray && !at->items.empty()) at = &at->items.front();
    size_t dot = path.find('.');
    const JsonNode* child = dot == std::string_view::npos ? nullptr : at->Find(path.substr(0, dot));
    if (!child) break;
    prefix += std::string(path.substr(0, dot + 1));
    path = path.substr(dot + 1);
    at = child;
  }
  std::vector<std::string> paths;
  for (const auto& key : at->keys) paths.push_back(prefix + key);
  return paths;
}

const char* TypeName(JsonNode::Type t) {
  switch (t) {
    case JsonNode::Type::kObject: return "an object";
    case JsonNode::Type::kArray: return "an array";
    case JsonNode::Type::kString: return "a string";
    case JsonNode::Type::kNumber: return "a number";
    case JsonNode::Type::kBool: return "true or false";
    case JsonNode::Type::kNull: return "null";
  }
  return "a value";
}

// The records of an export, or nullptr with the problem reported.
const std::vector<JsonNode>* Records(const std::string& path, const JsonNode& root,
                                     Diagnostics& diags) {
  if (root.type == JsonNode::Type::kArray) return &root.items;
  if (root.type == JsonNode::Type::kObject)
    for (const char* key : kRecordKeys)
      if (const JsonNode* v = root.Find(key); v && v->type == JsonNode::Type::kArray)
        return &v->items;
  diags.Error(
      path, root.pos,
      std::string("expected the records as an array, or an object holding them under "
                  "'records', 'result' or 'issues'; the file holds ") +
          (root.type == JsonNode::Type::kObject
               ? "an object with " + (root.keys.empty() ? std::string("no keys")
                                                        : "'" + Join(root.keys, "', '") + "'")
               : std::string(TypeName(root.type))),
      "import-column");
  return nullptr;
}

// The value of one field in one record, or nullopt when it has none;
// reports what is not a value (an object where a string belongs).
std::optional<ImportValue> ReadValue(const std::string& file, const JsonNode& record,
                                     const ImportField& field, bool& usable, Diagnostics& diags) {
  Leaves leaves;
  bool listed = false;
  Collect(record, field.column->path, leaves, listed);
  std::optional<ImportValue> value;
  for (const JsonNode* leaf : leaves) {
    if (leaf->type == JsonNode::Type::kNull) {
      if (!value) value = ImportValue{"", {}, false, leaf->pos};  // where an empty one is reported
      continue;
    }
    if (leaf->type == JsonNode::Type::kObject || leaf->type == JsonNode::Type::kArray) {
      std::vector<std::string> keys;
      for (const auto& key : leaf->keys) keys.push_back(field.column->path + "." + key);
      diags.Error(file, leaf->pos,
                  std::string(TypeName(leaf->type)) + " where a value belongs, in " + field.where +
                      (keys.empty() ? "" : "; name one of its keys: '" + Join(keys, "', '") + "'"),
                  "import-cell");
      usable = false;
      return std::nullopt;
    }
    if (!value) value = ImportValue{"", {}, false, leaf->pos};
    value->items.push_back(leaf->text);
  }
  if (!value) return std::nullopt;
  if (value->items.empty()) return value;  // null
  if (!listed)
    value->text = std::move(value->items.front()), value->items.clear();
  else
    value->is_list = true;
  return value;
}

}  // namespace

std::vector<Record> LoadImportJson(const std::string& path, std::string_view text,
                                   const ImportPlan& plan, const Config& config,
                                   const KindCatalogue& kinds, Diagnostics& diags) {
  std::vector<Record> out;
  ParsedJson doc = ParseJson(text);
  for (const auto& [pos, message] : doc.problems) diags.Error(path, pos, message, "json-syntax");
  if (!doc.complete) return out;
  const std::vector<JsonNode>* records = Records(path, doc.root, diags);
  if (!records) return out;
  std::vector<ImportField> fields;
  bool complete = true;
  for (const auto& column : plan.columns) {
    if (column.path.empty()) continue;  // a preset that reads this field from CSV only
    bool found = false;
    for (const auto& record : *records) {
      Leaves leaves;
      bool listed = false;
      if ((found = Collect(record, column.path, leaves, listed))) break;
    }
    if (!found && !records->empty()) {
      if (!ImportNeedsColumn(*column.field)) continue;  // an optional key the export leaves out
      const JsonNode& first = records->front();
      diags.Error(path, first.pos,
                  "no record has the key '" + column.path + "' (field '" + column.field->name +
                      "' of kind '" + plan.kind->name + "')" +
                      DidYouMean(column.path, NearbyPaths(first, column.path)),
                  "import-column");
      complete = false;
      continue;
    }
    fields.push_back(BindImportField(column, "key '" + column.path + "'", *plan.kind));
  }
  if (!complete) return out;
  out.reserve(records->size());
  for (const JsonNode& record : *records) {
    if (record.type != JsonNode::Type::kObject) {
      diags.Error(path, record.pos,
                  std::string("expected a record (an object), got ") + TypeName(record.type),
                  "import-cell");
      continue;
    }
    bool usable = true;
    std::vector<std::optional<ImportValue>> values(fields.size());
    for (size_t k = 0; k < fields.size(); ++k)
      values[k] = ReadValue(path, record, fields[k], usable, diags);
    ImportRow(path, plan, fields, record.pos, std::move(values), usable, "value", config, kinds,
              diags, out);
  }
  return out;
}

}  // namespace smsdoc
