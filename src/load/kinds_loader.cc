#include "load/kinds_loader.h"

#include <algorithm>
#include <climits>
#include <optional>
#include <stdexcept>

#include "base/embedded.h"
#include "base/text.h"
#include "load/document_loader.h"
#include "load/field_reader.h"
#include "load/measurement_loader.h"

namespace smsdoc {

namespace {

const std::vector<std::string> kFieldKeys = {"type", "label",   "description", "required", "values",
                                             "min",  "max",     "kind",        "scale",    "of",
                                             "last", "overdue", "expiry",      "done",     "field"};
// A document field is a record field without what only a register does
// (computed values, risk scales, overdue and expiring dates).
const std::vector<std::string> kDocumentFieldKeys = {"type",   "label", "description", "required",
                                                     "values", "min",   "max",         "kind"};
const std::vector<std::string> kKindKeys = {"title", "clause",  "statuses",
                                            "done",  "columns", "fields"};

std::string DefaultLabel(const std::string& name) {
  std::string label = name;
  for (char& c : label)
    if (c == '_') c = ' ';
  if (!label.empty()) label[0] = static_cast<char>(std::toupper(label[0]));
  return label;
}

// One field of a schema, checked like any other YAML the user writes.
std::optional<FieldSpec> ParseField(const YamlNode::Entry& entry, const std::string& path,
                                    const Config& config, Diagnostics& diags,
                                    const std::vector<std::string>& keys = kFieldKeys,
                                    const std::vector<std::string>& types = FieldTypeNames()) {
  if (!entry.value.IsMap()) {
    diags.Error(path, entry.key_pos,
                "field '" + entry.key + "' must be a mapping such as {type: text}", "schema-field");
    return std::nullopt;
  }
  FieldReader reader(entry.value, entry.value.pos, path, config, diags);
  reader.RejectUnknown(keys);
  FieldSpec spec;
  spec.name = entry.key;
  std::string type = reader.Enum("type", false, types);
  if (!type.empty()) FieldTypeFromName(type, spec.type);
  spec.label = reader.Text("label", false);
  if (spec.label.empty()) spec.label = DefaultLabel(spec.name);
  spec.description = reader.Text("description", false);
  spec.required = reader.Bool("required", false).value_or(false);
  spec.values = reader.List("values");
  spec.min = reader.Integer("min", false, LONG_MIN, LONG_MAX).value_or(LONG_MIN);
  spec.max = reader.Integer("max", false, LONG_MIN, LONG_MAX).value_or(LONG_MAX);
  spec.ref_kind = reader.Text("kind", false);
  spec.scale = reader.Enum("scale", false, {"likelihood", "impact"});
  const YamlNode* of = entry.value.Find("of");
  spec.of = of && of->IsScalar() ? std::vector<std::string>{of->scalar} : reader.List("of");
  spec.last = reader.Bool("last", false).value_or(false);
  spec.overdue = reader.Bool("overdue", false).value_or(false);
  spec.expiry = reader.Bool("expiry", false).value_or(false);
  spec.done = reader.List("done");
  spec.lookup = reader.Text("field", false);

  auto fail = [&](const std::string& key, const std::string& message) {
    diags.Error(path, reader.PosOf(key), "field '" + spec.name + "': " + message, "schema-field");
  };
  if (spec.type == FieldType::kEnum && spec.values.empty()) fail("type", "an enum needs 'values'");
  for (const auto& value : spec.values)
    if (value.find_first_of(",\"") != std::string::npos)
      fail("values", "value '" + value + "' may not hold ',' or '\"' (Excel drop-downs)");
  if (!spec.done.empty() && !spec.overdue && !spec.expiry)
    fail("done", "'done' needs 'overdue: true' or 'expiry: true'");
  if ((spec.overdue || spec.expiry) && spec.type != FieldType::kDate)
    fail(spec.overdue ? "overdue" : "expiry", "only a date can be overdue or expire");
  if (spec.type == FieldType::kScore && spec.of.size() != 2)
    fail("of", "a score is computed 'of' two fields, e.g. [likelihood, impact]");
  if ((spec.type == FieldType::kLevel || spec.type == FieldType::kExceeds ||
       spec.type == FieldType::kLookup) &&
      spec.of.size() != 1)
    fail("of", "'" + type + "' is computed 'of' one " +
                   (spec.type == FieldType::kLookup ? "ref field" : "score field"));
  if ((spec.type == FieldType::kLookup) == spec.lookup.empty())
    fail(spec.lookup.empty() ? "type" : "field",
         spec.lookup.empty() ? "a lookup needs the 'field' it shows" : "only a lookup has 'field'");
  if (IsComputed(spec.type) && spec.required)
    fail("required", "a computed field is never required");
  return spec;
}

// Checks what only the whole kind can tell: columns, `of` and `done`.
void CheckKind(const KindSpec& kind, const YamlNode& node, const std::string& path,
               Diagnostics& diags) {
  std::vector<std::string> names;
  for (const auto& f : kind.fields) names.push_back(f.name);
  Pos at = node.pos;
  if (kind.statuses.empty())
    diags.Error(path, at, "kind '" + kind.name + "' needs 'statuses'", "schema-kind");
  for (const auto& s : kind.statuses)
    if (s.find_first_of(",\"") != std::string::npos)
      diags.Error(path, node.Find("statuses") ? node.Find("statuses")->pos : at,
                  "kind '" + kind.name + "': status '" + s + "' may not hold ',' or '\"'",
                  "schema-kind");
  for (const auto& d : kind.done)
    if (std::find(kind.statuses.begin(), kind.statuses.end(), d) == kind.statuses.end())
      diags.Error(path, node.Find("done") ? node.Find("done")->pos : at,
                  "kind '" + kind.name + "': 'done' status '" + d + "' is not in 'statuses'",
                  "schema-kind");
  for (const auto& f : kind.fields)
    for (const auto& d : f.done)
      if (std::find(kind.statuses.begin(), kind.statuses.end(), d) == kind.statuses.end())
        diags.Error(path, at,
                    "kind '" + kind.name + "': field '" + f.name + "': 'done' status '" + d +
                        "' is not in 'statuses'",
                    "schema-kind");
  for (const auto& column : kind.columns)
    if (!kind.Field(column))
      diags.Error(path, node.Find("columns") ? node.Find("columns")->pos : at,
                  "kind '" + kind.name + "' lists unknown column '" + column + "'" +
                      DidYouMean(column, names),
                  "schema-column");
  for (const auto& f : kind.fields) {
    for (const auto& source : f.of) {
      const FieldSpec* s = kind.Field(source);
      FieldType wanted = f.type == FieldType::kScore    ? FieldType::kInteger
                         : f.type == FieldType::kLookup ? FieldType::kRef
                                                        : FieldType::kScore;
      if (!s || s->type != wanted || (wanted == FieldType::kRef && s->ref_kind.empty()))
        diags.Error(path, at,
                    "kind '" + kind.name + "': field '" + f.name + "' is computed of '" + source +
                        "', which is not " +
                        (wanted == FieldType::kInteger ? "an integer field of this kind"
                         : wanted == FieldType::kRef   ? "a ref field of this kind naming a 'kind'"
                                                       : "a score field of this kind"),
                    "schema-field");
    }
  }
}

// Reads the entries of one kind into `kind` (a new one, or a built-in one
// being extended), keeping the common fields marked `last` at the end.
void ReadKind(KindSpec& kind, const YamlNode& node, bool is_new, const KindCatalogue& catalogue,
              const std::string& path, const Config& config, Diagnostics& diags) {
  FieldReader reader(node, node.pos, path, config, diags);
  reader.RejectUnknown(kKindKeys);
  if (std::string t = reader.Text("title", false); !t.empty()) kind.title = t;
  if (std::string c = reader.Clause("clause"); !c.empty()) kind.clause = c;
  if (node.Find("statuses")) kind.statuses = reader.List("statuses");
  if (node.Find("done")) kind.done = reader.List("done");
  if (node.Find("columns")) kind.columns = reader.List("columns");
  if (is_new) {
    if (kind.title.empty()) kind.title = DefaultLabel(kind.name);
    for (const auto& f : catalogue.common)
      if (!f.last) kind.fields.push_back(f);
  }
  std::vector<FieldSpec> trailing;
  while (!kind.fields.empty() && kind.fields.back().last) {
    trailing.insert(trailing.begin(), kind.fields.back());
    kind.fields.pop_back();
  }
  if (is_new)
    for (const auto& f : catalogue.common)
      if (f.last) trailing.push_back(f);
  if (const YamlNode* fields = node.Find("fields")) {
    if (!fields->IsMap()) {
      diags.Error(path, fields->pos, "'fields' must map field names to {type: ...}",
                  "schema-field");
    } else {
      for (const auto& entry : fields->entries) {
        if (kind.Field(entry.key) ||
            std::any_of(trailing.begin(), trailing.end(),
                        [&](const FieldSpec& f) { return f.name == entry.key; })) {
          diags.Error(path, entry.key_pos,
                      "kind '" + kind.name + "' already has a field '" + entry.key + "'",
                      "schema-field");
          continue;
        }
        if (auto spec = ParseField(entry, path, config, diags)) kind.fields.push_back(*spec);
      }
    }
  }
  for (auto& f : trailing) kind.fields.push_back(std::move(f));
  if (kind.columns.empty()) kind.columns = {"id", "title", "status"};
  CheckKind(kind, node, path, diags);
}

void AddKinds(KindCatalogue& catalogue, const YamlNode& kinds, const std::string& path,
              const Config& config, Diagnostics& diags) {
  if (!kinds.IsMap()) {
    diags.Error(path, kinds.pos, "'kinds' must map kind names to their definitions", "schema-kind");
    return;
  }
  for (const auto& entry : kinds.entries) {
    if (!IsValidId(entry.key) || !entry.value.IsMap()) {
      diags.Error(path, entry.key_pos,
                  "kind '" + entry.key +
                      "' needs a name of letters, digits, '-', '_' and a "
                      "mapping with title, statuses, columns and fields",
                  "schema-kind");
      continue;
    }
    if (entry.key == kMeasurementKind) {  // entries of it are measurements, never records
      diags.Error(path, entry.key_pos,
                  "'measurement' is the kind of KPI measurements (docs/measurement.md); give "
                  "your kind another name",
                  "schema-kind");
      continue;
    }
    auto existing = std::find_if(catalogue.kinds.begin(), catalogue.kinds.end(),
                                 [&](const KindSpec& k) { return k.name == entry.key; });
    if (existing != catalogue.kinds.end()) {
      ReadKind(*existing, entry.value, false, catalogue, path, config, diags);
    } else {
      KindSpec kind;
      kind.name = entry.key;
      if (path == kConfigFile) kind.name_pos = entry.key_pos;  // names pages, so checked
      ReadKind(kind, entry.value, true, catalogue, path, config, diags);
      catalogue.kinds.push_back(std::move(kind));
    }
  }
}

}  // namespace

KindCatalogue ParseKinds(const YamlNode& root, const std::string& path, Diagnostics& diags) {
  KindCatalogue catalogue;
  Config config;  // the built-in schema names no roles
  if (const YamlNode* common = root.Find("common"))
    for (const auto& entry : common->entries) {
      // The common fields may use the special types the others may not.
      FieldSpec spec;
      spec.name = entry.key;
      FieldReader reader(entry.value, entry.value.pos, path, config, diags);
      FieldTypeFromName(reader.Text("type", true), spec.type);
      spec.label = reader.Text("label", false);
      if (spec.label.empty()) spec.label = DefaultLabel(spec.name);
      spec.required = reader.Bool("required", false).value_or(false);
      spec.last = reader.Bool("last", false).value_or(false);
      catalogue.common.push_back(std::move(spec));
    }
  if (const YamlNode* kinds = root.Find("kinds")) AddKinds(catalogue, *kinds, path, config, diags);
  return catalogue;
}

std::vector<std::string> DocumentFieldTypeNames() {
  std::vector<std::string> out;
  for (const auto& name : FieldTypeNames()) {
    FieldType type;
    FieldTypeFromName(name, type);
    if (!IsComputed(type)) out.push_back(name);
  }
  return out;
}

std::vector<FieldSpec> ParseDocumentFields(const YamlNode& node, const Config& config,
                                           Diagnostics& diags) {
  std::vector<FieldSpec> fields;
  if (!node.IsMap()) {
    diags.Error(kConfigFile, node.pos,
                "'document_fields' must map field names to {type: ...}, e.g. "
                "'updated: {type: date}'",
                "schema-field");
    return fields;
  }
  const std::vector<std::string> builtin = DocumentFieldNames(true);
  for (const auto& entry : node.entries) {
    if (std::find(builtin.begin(), builtin.end(), entry.key) != builtin.end()) {
      diags.Error(kConfigFile, entry.key_pos,
                  "document field '" + entry.key +
                      "' is a built-in front matter field; give it another name",
                  "schema-field");
      continue;
    }
    if (!IsValidId(entry.key)) {
      diags.Error(kConfigFile, entry.key_pos,
                  "document field '" + entry.key + "' needs a name of letters, digits, '-', '_'",
                  "schema-field");
      continue;
    }
    if (auto spec = ParseField(entry, kConfigFile, config, diags, kDocumentFieldKeys,
                               DocumentFieldTypeNames()))
      fields.push_back(std::move(*spec));
  }
  return fields;
}

void ExtendKinds(KindCatalogue& catalogue, const YamlNode& kinds, const Config& config,
                 Diagnostics& diags) {
  AddKinds(catalogue, kinds, kConfigFile, config, diags);
}

const std::vector<std::string>& FieldDefinitionKeys(bool document_field) {
  return document_field ? kDocumentFieldKeys : kFieldKeys;
}

const std::vector<std::string>& KindDefinitionKeys() { return kKindKeys; }

const KindCatalogue& BuiltinKinds() {
  static const KindCatalogue catalogue = [] {
    Diagnostics diags;
    YamlNode root =
        ParseYaml(EmbeddedFile("src/model/kinds.yaml"), "src/model/kinds.yaml", 1, diags);
    KindCatalogue out = ParseKinds(root, "src/model/kinds.yaml", diags);
    // kinds.yaml ships inside the binary; a test keeps it valid.
    if (diags.HasErrors()) throw std::logic_error(FormatDiagnostic(diags.items().front()));
    return out;
  }();
  return catalogue;
}

}  // namespace smsdoc
