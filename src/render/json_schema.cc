// JSON Schemas from the loader's own definitions: the kinds, the config
// keys and the front matter fields, so editors see what smsdoc checks.
#include "render/json_schema.h"

#include <algorithm>
#include <cctype>
#include <climits>
#include <functional>
#include <map>
#include <regex>
#include <stdexcept>

#include "base/text.h"
#include "base/warning_codes.h"
#include "load/clause_catalogue.h"
#include "load/config_loader.h"
#include "load/document_loader.h"
#include "load/framework_loader.h"
#include "load/itsm_presets.h"
#include "load/kinds_loader.h"
#include "load/kpi_reader.h"
#include "load/measurement_loader.h"
#include "load/rules_reader.h"
#include "render/json_value.h"

namespace smsdoc {

namespace {

using Json = JsonValue;

const char* kIdPattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
const char* kDatePattern = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
const char* kNonBlank = "\\S";  // smsdoc reads an empty or blank value as missing
const size_t kMaxExamples = 12;

Json Schema(const std::string& description) {
  Json s = Json::Object();
  if (!description.empty()) s.Set("description", Json::String(description));
  return s;
}

Json Types(std::initializer_list<const char*> types) {
  Json t = Json::Array();
  for (const char* name : types) t.Push(Json::String(name));
  return t;
}

// An enum of text values as an editor's YAML parser (YAML 1.2 core) reads
// them: `5.2` unquoted is a number, `true` a boolean, and smsdoc reads both
// as the text they are written as.
Json EnumOf(const std::vector<std::string>& values) {
  static const std::regex integer("-?[0-9]+"), decimal("-?[0-9]+\\.[0-9]*[1-9]");
  Json e = Json::Array();
  for (const auto& v : values) {
    e.Push(Json::String(v));
    if (std::regex_match(v, integer) || std::regex_match(v, decimal)) e.Push(Json::Number(v));
    if (v == "true" || v == "false") e.Push(Json::Bool(v == "true"));
  }
  return e;
}

Json TextValue(bool required) {
  Json s = Json::Object();
  s.Set("type", Types({"string", "number", "boolean"}));
  if (required) s.Set("pattern", Json::String(kNonBlank));
  return s;
}

// What every scalar schema allows besides its values when the field is
// optional: YAML's null (`key:` with nothing), which smsdoc reads as absent.
Json Optional(Json s) {
  if (Json* type = s.Find("type")) {
    if (type->type == Json::Type::kString) {
      Json both = Json::Array();
      both.Push(*type);
      *type = std::move(both);
    }
    type->Push(Json::String("null"));
    return s;
  }
  if (Json* values = s.Find("enum")) {
    values->Push(Json());
    return s;
  }
  Json any = Json::Object();
  Json options = Json::Array();
  options.Push(std::move(s));
  options.Push(Schema("").Set("type", Json::String("null")));
  any.Set("anyOf", std::move(options));
  return any;
}

Json Examples(const std::vector<std::string>& ids) {
  std::vector<std::string> some(ids.begin(), ids.begin() + std::min(ids.size(), kMaxExamples));
  return Json::Strings(some);
}

// What schemas need besides a field's spec.
struct Context {
  const Corpus& corpus;
  std::map<std::string, std::vector<std::string>> ids;  ///< by kind, "process", "" for any
};

std::string TypeHint(const FieldSpec& f) {
  switch (f.type) {
    case FieldType::kDate: return "a date YYYY-MM-DD";
    case FieldType::kBool: return "true or false";
    case FieldType::kRole: return "a role of smsdoc.yaml";
    case FieldType::kRoles: return "a role or a list of roles";
    case FieldType::kRef: return f.ref_kind.empty() ? "an ID" : "the ID of a " + f.ref_kind;
    case FieldType::kRefs:
      return f.ref_kind.empty() ? "a list of IDs" : "a list of IDs of " + f.ref_kind + " items";
    case FieldType::kClause: return "a clause number (another framework's as iso27001:A.5.15)";
    case FieldType::kClauses:
      return "a list of clause numbers (another framework's as iso27001:A.5.15)";
    case FieldType::kControls: return "lists of numbers by framework: {iso27001: [A.5.15]}";
    case FieldType::kList: return "a list of text";
    case FieldType::kLongText: return "a paragraph";
    default: return FieldTypeName(f.type);
  }
}

Json IdsSchema(const std::string& kind, const Context& c, bool list) {
  Json id = Json::Object();
  id.Set("type", Types({"string", "integer"}));
  id.Set("pattern", Json::String(kIdPattern));
  auto it = c.ids.find(kind);
  if (!list) {
    if (it != c.ids.end()) id.Set("examples", Examples(it->second));
    return id;
  }
  Json s = Json::Object();
  s.Set("type", Json::String("array"));
  s.Set("items", std::move(id));
  if (it != c.ids.end() && !it->second.empty()) {
    Json examples = Json::Array();
    examples.Push(Examples({it->second.front()}));
    s.Set("examples", std::move(examples));
  }
  return s;
}

Json RolesEnum(const Config& config) { return Json::Strings(config.RoleKeys()); }

// What a clause field takes: the primary framework's numbers bare, every
// framework's with its prefix.
Json ClauseEnum(const Config& config) {
  std::vector<std::string> out;
  for (const Framework& fw : config.frameworks)
    for (const std::string& id : fw.Ids()) {
      if (fw.id == config.Primary()) out.push_back(id);
      out.push_back(fw.id + ":" + id);
    }
  if (config.frameworks.empty()) out = ClauseIds();
  return EnumOf(out);
}

// `controls:`: each framework's numbers under its ID.
Json ControlsSchema(const Config& config) {
  Json s = Json::Object();
  s.Set("type", Json::String("object"));
  Json properties = Json::Object();
  for (const Framework& fw : config.frameworks) {
    Json list = Json::Object();
    list.Set("type", Json::String("array"));
    list.Set("items", Schema("").Set("enum", EnumOf(fw.Ids())));
    properties.Set(fw.id, std::move(list));
  }
  s.Set("properties", std::move(properties));
  return s;
}

// One field of a record kind or of `document_fields:`, as FieldReader
// reads it (load/field_reader.cc).
Json FieldSchema(const FieldSpec& f, const KindSpec* kind, const Context& c) {
  const Config& config = c.corpus.config;
  Json s = Json::Object();
  switch (f.type) {
    case FieldType::kId:
      s.Set("type", Types({"string", "integer"}));
      s.Set("pattern", Json::String(kIdPattern));
      break;
    case FieldType::kKind: s.Set("const", Json::String(kind ? kind->name : "")); break;
    case FieldType::kStatus:
      s.Set("enum", EnumOf(kind ? kind->statuses : DocumentStatuses()));
      break;
    case FieldType::kText:
    case FieldType::kLongText: s = TextValue(f.required); break;
    case FieldType::kInteger: {
      s.Set("type", Json::String("integer"));
      long min = f.min, max = f.max;
      if (const auto* scale = config.risk_scoring.Scale(f.scale)) {
        min = scale->front().first;
        max = scale->back().first;
      }
      if (min != LONG_MIN) s.Set("minimum", Json::Integer(min));
      if (max != LONG_MAX) s.Set("maximum", Json::Integer(max));
      break;
    }
    case FieldType::kNumber: s.Set("type", Json::String("number")); break;
    case FieldType::kDate:
      s.Set("type", Json::String("string"));
      s.Set("pattern", Json::String(kDatePattern));
      s.Set("examples", Json::Strings({"2026-01-31"}));
      break;
    case FieldType::kBool: {
      Json options = Json::Array();
      options.Push(Schema("").Set("type", Json::String("boolean")));
      Json yes_no = Schema("");
      yes_no.Set("type", Json::String("string"));
      yes_no.Set("pattern",
                 Json::String("^([Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|[Yy][Ee][Ss]|[Nn][Oo])$"));
      options.Push(std::move(yes_no));
      s.Set("anyOf", std::move(options));
      break;
    }
    case FieldType::kEnum: s.Set("enum", EnumOf(f.values)); break;
    case FieldType::kRole: s.Set("enum", RolesEnum(config)); break;
    case FieldType::kRoles: {
      Json list = Json::Object();
      list.Set("type", Json::String("array"));
      list.Set("items", Schema("").Set("enum", RolesEnum(config)));
      Json options = Json::Array();
      options.Push(Schema("").Set("enum", RolesEnum(config)));
      options.Push(std::move(list));
      s.Set("anyOf", std::move(options));
      break;
    }
    case FieldType::kRef: s = IdsSchema(f.ref_kind, c, false); break;
    case FieldType::kRefs: s = IdsSchema(f.ref_kind, c, true); break;
    case FieldType::kList:
      s.Set("type", Json::String("array"));
      s.Set("items", Schema("").Set("type", Types({"string", "number", "boolean"})));
      break;
    case FieldType::kClause: s.Set("enum", ClauseEnum(config)); break;
    case FieldType::kControls: s = ControlsSchema(config); break;
    case FieldType::kClauses:
      s.Set("type", Json::String("array"));
      s.Set("items", Schema("").Set("enum", ClauseEnum(config)));
      s.Set("examples", Json::Array().Push(Json::Strings({"8.5.1"})));
      break;
    case FieldType::kScore:
    case FieldType::kLevel:
    case FieldType::kExceeds:
    case FieldType::kLookup:
      // Computed: writing it is an error (field-computed).
      return Json::Bool(false);
  }
  if (!f.required && f.type != FieldType::kKind) s = Optional(std::move(s));
  std::string description = f.description.empty() ? f.label + ": " + TypeHint(f) : f.description;
  Json out = Schema(description);
  for (size_t i = 0; i < s.keys.size(); ++i) out.Set(s.keys[i], std::move(s.values[i]));
  return out;
}

Json AcceptSchema() {
  Json s = Schema("Warning codes this item accepts, each with the reason (docs/diagnostics.md)");
  s.Set("type", Json::String("object"));
  s.Set("propertyNames", Schema("").Set("enum", Json::Strings(WarningCodes())));
  s.Set("additionalProperties", TextValue(true));
  return s;
}

Json EvidenceFilesSchema() {
  Json s = Schema(
      "Files that are this record's evidence, relative to this file, copied to the site "
      "(docs/content-model.md#evidence-files)");
  s.Set("type", Json::String("array"));
  s.Set("items",
        Schema("").Set("type", Json::String("string")).Set("pattern", Json::String("^[^/\\\\]")));
  return s;
}

Json KindSchema(const KindSpec& kind, const Context& c) {
  Json s = Schema(kind.title + (kind.clause.empty() ? "" : " (clause " + kind.clause + ")"));
  s.Set("type", Json::String("object"));
  Json properties = Json::Object();
  std::vector<std::string> required;
  for (const auto& f : kind.fields) {
    properties.Set(f.name, FieldSchema(f, &kind, c));
    if (f.required) required.push_back(f.name);
  }
  properties.Set("accept", AcceptSchema());
  properties.Set("evidence_files", EvidenceFilesSchema());
  s.Set("properties", std::move(properties));
  s.Set("required", Json::Strings(required));
  s.Set("additionalProperties", Json::Bool(false));  // records have their kinds' fields only
  return s;
}

std::string Id(const std::string& name) {
  return std::string(kSchemaFileStart).substr(std::string(kSchemaFileStart).rfind('"') + 1) + name;
}

Json Top(const std::string& name, const std::string& title, const std::string& description) {
  Json s = Json::Object();
  s.Set("$schema", Json::String("https://json-schema.org/draft/2020-12/schema"));
  s.Set("$id", Json::String(Id(name)));
  s.Set("title", Json::String(title));
  s.Set("description", Json::String(description));
  return s;
}

// A `kind: measurement` entry (load/measurement_loader): not a record.
Json MeasurementSchema() {
  Json m = Schema("One measured value of a typed KPI (docs/measurement.md)");
  m.Set("type", Json::String("object"));
  Json properties = Json::Object();
  properties.Set("kind", Schema("Marks a measurement").Set("const", Json::String("measurement")));
  properties.Set("kpi",
                 Schema("The KPI's ID, e.g. KPI-INC-01").Set("type", Json::String("string")));
  properties.Set("period", Schema("YYYY-MM (monthly), YYYY-Qn (quarterly), YYYY (yearly) or a "
                                  "date YYYY-MM-DD, counted in its period")
                               .Set("type", Types({"string", "integer"}))
                               .Set("pattern", Json::String("^[0-9]{4}(-(0[1-9]|1[0-2])|-Q[1-4]|"
                                                            "-[0-9]{2}-[0-9]{2})?$")));
  properties.Set("value", Schema("The value in the KPI's unit: a number; a duration also as "
                                 "4h, 30m, 1h30m or 2d")
                              .Set("type", Types({"number", "string"})));
  properties.Set("comment", Schema("What explains the value").Set("type", Json::String("string")));
  properties.Set("source",
                 Schema("Where the value comes from").Set("type", Json::String("string")));
  m.Set("properties", std::move(properties));
  m.Set("required", Json::Strings(RequiredMeasurementFields()).Push(Json::String("kind")));
  m.Set("additionalProperties", Json::Bool(false));
  return m;
}

Json RecordsSchema(const Context& c) {
  const KindCatalogue& kinds = c.corpus.kinds;
  Json s = Top("records.schema.json", "smsdoc records file",
               "A file of the records folder: one record, or a list of records, each with a "
               "'kind' whose fields it has; or measurements of KPIs (kind: measurement).");
  Json defs = Json::Object();
  Json record = Schema("One record: 'kind' says which fields it has");
  record.Set("type", Json::String("object"));
  Json properties = Json::Object();
  properties.Set("id", FieldSchema(kinds.common.front(), nullptr, c));
  properties.Set("kind", Schema("The kind of record").Set("enum", Json::Strings(kinds.Names())));
  record.Set("properties", std::move(properties));
  record.Set("required", Json::Strings({"id", "kind"}));
  Json all = Json::Array();
  for (const auto& kind : kinds.kinds) {
    Json branch = Json::Object();
    Json when = Json::Object();
    when.Set("properties",
             Json::Object().Set("kind", Schema("").Set("const", Json::String(kind.name))));
    when.Set("required", Json::Strings({"kind"}));
    branch.Set("if", std::move(when));
    branch.Set("then", Schema("").Set("$ref", Json::String("#/$defs/kind-" + kind.name)));
    all.Push(std::move(branch));
  }
  record.Set("allOf", std::move(all));
  defs.Set("record", std::move(record));
  for (const auto& kind : kinds.kinds) defs.Set("kind-" + kind.name, KindSchema(kind, c));
  defs.Set("measurement", MeasurementSchema());
  Json entry = Schema("A record or a measurement");
  entry.Set("anyOf", Json::Array()
                         .Push(Schema("").Set("$ref", Json::String("#/$defs/measurement")))
                         .Push(Schema("").Set("$ref", Json::String("#/$defs/record"))));
  defs.Set("entry", std::move(entry));
  Json options = Json::Array();
  Json list = Schema("A list of records");
  list.Set("type", Json::String("array"));
  list.Set("items", Schema("").Set("$ref", Json::String("#/$defs/entry")));
  options.Push(std::move(list));
  options.Push(Schema("One record").Set("$ref", Json::String("#/$defs/entry")));
  options.Push(Schema("An empty file (a warning: record-empty)").Set("type", Json::String("null")));
  s.Set("anyOf", std::move(options));
  s.Set("$defs", std::move(defs));
  return s;
}

// The built-in front matter fields as specs FieldSchema reads, with what
// each is for. Every name DocumentFieldNames gives needs one (a unit test
// and the throw below keep them in step).
struct BuiltinField {
  FieldSpec spec;
  std::function<Json(const Context&)> custom;  ///< for fields no FieldSpec describes
};

FieldSpec Spec(const std::string& name, FieldType type, bool required,
               const std::string& description, std::vector<std::string> values = {}) {
  FieldSpec f;
  f.name = name;
  f.label = name;
  f.type = type;
  f.required = required;
  f.description = description;
  f.values = std::move(values);
  return f;
}

Json RowsSchema(const std::string& description,
                const std::vector<std::pair<FieldSpec, bool>>& columns, const Context& c) {
  Json row = Json::Object();
  row.Set("type", Json::String("object"));
  Json properties = Json::Object();
  std::vector<std::string> required;
  for (const auto& [spec, one_or_list] : columns) {
    properties.Set(spec.name, FieldSchema(spec, nullptr, c));
    if (spec.required) required.push_back(spec.name);
  }
  row.Set("properties", std::move(properties));
  row.Set("required", Json::Strings(required));
  row.Set("additionalProperties", Json::Bool(false));
  Json s = Schema(description);
  s.Set("type", Types({"array", "null"}));
  s.Set("items", std::move(row));
  return s;
}

// A typed KPI (with an id) or the free-text form (load/kpi_reader).
Json KpisSchema(const Context& c) {
  Json typed = RowsSchema(
      "",
      {{Spec("id", FieldType::kId, true, "Unique across the SMS, e.g. KPI-INC-01"), false},
       {Spec("name", FieldType::kText, true, "The indicator"), false},
       {Spec("unit", FieldType::kEnum, true, "What the values count", KpiUnitNames()), false},
       {Spec("direction", FieldType::kEnum, true, "Which way is better", KpiDirectionNames()),
        false},
       {Spec("target", FieldType::kText, true, ""), false},
       {Spec("warning", FieldType::kText, false, ""), false},
       {Spec("frequency", FieldType::kText, true, ""), false},
       {Spec("services", FieldType::kList, false, "The services it reports on"), false}},
      c);
  Json& row = *typed.Find("items");
  Json& properties = *row.Find("properties");
  properties.Set("target",
                 Schema("The target in the unit: percent 0..100, count 0 or more, duration in "
                        "minutes or as 4h, 30m, 1h30m, 2d")
                     .Set("type", Types({"number", "string"})));
  properties.Set("warning", Schema("The threshold of 'near', on the worse side of the target")
                                .Set("type", Types({"number", "string"})));
  properties.Set("from",
                 Schema("Computed from records instead of measured: {kind, date, where, and one "
                        "of count: true, ratio: {field: value}, median: FIELD or {from: DATE, "
                        "to: DATE}} (docs/measurement.md)")
                     .Set("type", Json::String("object")));
  std::vector<std::string> frequencies = FrequencyNames();
  for (const auto& f : FrequencyNames())
    frequencies.push_back(static_cast<char>(std::toupper(f[0])) + f.substr(1));
  properties.Set(
      "frequency",
      Schema("How often it is measured (any case)").Set("enum", Json::Strings(frequencies)));
  Json free_text =
      RowsSchema("",
                 {{Spec("name", FieldType::kText, true, "The indicator"), false},
                  {Spec("target", FieldType::kText, true, "Its target, as text"), false},
                  {Spec("frequency", FieldType::kText, false, "How often it is measured"), false}},
                 c);
  Json s = Schema(
      "Key performance indicators: typed (with an id, unit, direction, numeric target and "
      "frequency) or free text (a warning, kpi-untyped), docs/measurement.md");
  s.Set("type", Types({"array", "null"}));
  s.Set("items",
        Json::Object().Set(
            "anyOf", Json::Array().Push(std::move(row)).Push(std::move(*free_text.Find("items")))));
  return s;
}

std::map<std::string, BuiltinField> BuiltinDocumentFields(const Config& config) {
  const DocumentDefaults& d = config.defaults;
  auto no_default = [&](auto member) {
    if (!(d.*member == DocumentDefaults{}.*member)) return false;
    for (const auto& [dir, folder] : config.folder_defaults)
      if (!(folder.*member == DocumentDefaults{}.*member)) return false;
    return true;
  };
  std::vector<std::string> types;
  for (const auto& t : DocumentTypes())
    if (t != "process") types.push_back(t);
  FieldSpec review =
      Spec("review_months", FieldType::kInteger, no_default(&DocumentDefaults::review_months),
           "Months between reviews (1..60)");
  review.min = 1;
  review.max = 60;
  std::map<std::string, BuiltinField> f;
  auto add = [&](FieldSpec spec) {
    std::string name = spec.name;
    f[name] = {std::move(spec), nullptr};
  };
  add(Spec("id", FieldType::kId, true, "Unique ID across the SMS, e.g. POL-SM-01"));
  add(Spec("title", FieldType::kText, true, "The document's title"));
  add(Spec("type", FieldType::kEnum, no_default(&DocumentDefaults::type), "The kind of document",
           types));
  add(Spec("owner", FieldType::kRole, no_default(&DocumentDefaults::owner),
           "The role that owns the document"));
  add(Spec("approver", FieldType::kRole, no_default(&DocumentDefaults::approver),
           "The role that approves it"));
  add(Spec("version", FieldType::kText, true, "The version, e.g. \"1.2\""));
  add(Spec("status", FieldType::kEnum, true, "draft, approved or retired", DocumentStatuses()));
  add(Spec("effective", FieldType::kDate, false,
           "The date it takes effect; required unless the status is draft"));
  add(std::move(review));
  add(Spec("approved_on", FieldType::kDate, false, "The date this version was approved"));
  add(Spec("reviewed_on", FieldType::kDate, false, "The last review that changed nothing"));
  add(Spec("clauses", FieldType::kClauses, false,
           "Clauses it addresses: ISO/IEC 20000-1:2018's, another framework's as "
           "iso27001:A.5.15"));
  add(Spec("controls", FieldType::kControls, false,
           "Clauses and controls of other frameworks it addresses, by framework"));
  add(Spec("related", FieldType::kRefs, false, "Documents, processes or records it relies on"));
  add(Spec("author", FieldType::kRole, false, "The role that wrote this version"));
  add(Spec("classification", FieldType::kEnum, false, "Who may read it",
           DocumentClassifications()));
  add(Spec("change_summary", FieldType::kText, false, "What this version changed"));
  f["accept"] = {Spec("accept", FieldType::kText, false, ""),
                 [](const Context&) { return AcceptSchema(); }};
  // A process's own fields.
  add(Spec("purpose", FieldType::kText, false, "The process's purpose, one paragraph"));
  add(Spec("inputs", FieldType::kList, false, "What the process takes in"));
  add(Spec("outputs", FieldType::kList, false, "What it produces"));
  add(Spec("records", FieldType::kList, false, "The kinds of records it produces"));
  FieldSpec interfaces =
      Spec("interfaces", FieldType::kRefs, false, "Other processes it exchanges work with");
  interfaces.ref_kind = "process";
  add(std::move(interfaces));
  f["activities"] = {
      Spec("activities", FieldType::kList, false, ""), [](const Context& c) {
        return RowsSchema(
            "The RACI: each step with who is responsible, accountable, consulted "
            "and informed",
            {{Spec("step", FieldType::kText, true, "The activity"), false},
             {Spec("responsible", FieldType::kRole, true, "Who does it"), false},
             {Spec("accountable", FieldType::kRole, true, "Who answers for it"), false},
             {Spec("consulted", FieldType::kRoles, false, "Who is consulted"), true},
             {Spec("informed", FieldType::kRoles, false, "Who is informed"), true}},
            c);
      }};
  f["kpis"] = {Spec("kpis", FieldType::kList, false, ""), KpisSchema};
  return f;
}

Json FrontMatterSchema(bool is_process, const Context& c) {
  const Config& config = c.corpus.config;
  std::string name = is_process ? "process.schema.json" : "document.schema.json";
  Json s = Top(name, is_process ? "smsdoc process front matter" : "smsdoc document front matter",
               std::string("The YAML front matter of a ") +
                   (is_process ? "process definition (" + Join(config.processes_dirs, "/, ") + "/)"
                               : "document (" + Join(config.policies_dirs, "/, ") + "/)") +
                   ", between the '---' lines at the top of the Markdown file.");
  s.Set("type", Json::String("object"));
  std::map<std::string, BuiltinField> builtin = BuiltinDocumentFields(config);
  Json properties = Json::Object();
  std::vector<std::string> required;
  for (const auto& key : DocumentFieldNames(is_process)) {
    auto it = builtin.find(key);
    if (it == builtin.end())
      throw std::logic_error("smsdoc schema: no schema for front matter field '" + key + "'");
    FieldSpec spec = it->second.spec;
    if (is_process && key == "type") {
      properties.Set(key, Schema("Always 'process' for a process definition")
                              .Set("const", Json::String("process")));
      required.push_back(key);
      continue;
    }
    properties.Set(key, it->second.custom ? it->second.custom(c) : FieldSchema(spec, nullptr, c));
    if (spec.required) required.push_back(key);
  }
  for (const auto& spec : config.document_fields) {
    properties.Set(spec.name, FieldSchema(spec, nullptr, c));
    if (spec.required) required.push_back(spec.name);
  }
  s.Set("properties", std::move(properties));
  s.Set("required", Json::Strings(required));
  // A document that is not a draft needs its effective date.
  Json when = Json::Object();
  Json status = Json::Object();
  status.Set("status", Schema("").Set("not", Schema("").Set("const", Json::String("draft"))));
  when.Set("properties", std::move(status));
  when.Set("required", Json::Strings({"status"}));
  s.Set("if", std::move(when));
  s.Set("then", Schema("").Set("required", Json::Strings({"effective"})));
  // unknown_fields: warn and keep let other keys through.
  s.Set("additionalProperties", Json::Bool(config.unknown_fields != UnknownFields::kError));
  return s;
}

Json FieldDefinitionSchema(bool document_field, const Context& c) {
  std::map<std::string, Json> by_key;
  by_key["type"] =
      Schema("The field's type")
          .Set("enum", Json::Strings(document_field ? DocumentFieldTypeNames() : FieldTypeNames()));
  by_key["label"] =
      Schema("Its column or row heading (default: the name)").Set("type", Json::String("string"));
  by_key["description"] =
      Schema("What it holds, for editors (smsdoc schema)").Set("type", Json::String("string"));
  by_key["required"] =
      Schema("Whether every item must have it").Set("type", Json::String("boolean"));
  by_key["values"] = Schema("An enum's values").Set("type", Json::String("array"));
  by_key["min"] = Schema("An integer's least value").Set("type", Json::String("integer"));
  by_key["max"] = Schema("An integer's greatest value").Set("type", Json::String("integer"));
  std::vector<std::string> targets = c.corpus.kinds.Names();
  targets.push_back("process");
  by_key["kind"] = Schema("The kind a ref or refs field names (process: a process definition)")
                       .Set("enum", Json::Strings(targets));
  by_key["scale"] = Schema("An integer on a risk_scoring scale")
                        .Set("enum", Json::Strings({"likelihood", "impact"}));
  by_key["of"] = Schema("The fields a computed field is computed of");
  by_key["last"] =
      Schema("A common field listed after the kind's own").Set("type", Json::String("boolean"));
  by_key["overdue"] = Schema("A date that is late when past and the record not done")
                          .Set("type", Json::String("boolean"));
  by_key["expiry"] = Schema("A date that expires when past").Set("type", Json::String("boolean"));
  by_key["done"] =
      Schema("The statuses that end this date's obligation").Set("type", Json::String("array"));
  by_key["field"] =
      Schema("A lookup's field of the record it names").Set("type", Json::String("string"));
  Json s = Schema(document_field ? "A front matter field of documents and processes"
                                 : "A field of the kind");
  s.Set("type", Json::String("object"));
  Json properties = Json::Object();
  for (const auto& key : FieldDefinitionKeys(document_field)) {
    auto it = by_key.find(key);
    if (it == by_key.end())
      throw std::logic_error("smsdoc schema: no schema for field definition key '" + key + "'");
    properties.Set(key, it->second);
  }
  s.Set("properties", std::move(properties));
  s.Set("additionalProperties", Json::Bool(false));
  return s;
}

Json ObjectOf(const std::string& description, Json properties, bool closed = true) {
  Json s = Schema(description);
  s.Set("type", Json::String("object"));
  s.Set("properties", std::move(properties));
  if (closed) s.Set("additionalProperties", Json::Bool(false));
  return s;
}

Json DefaultsSchema(bool with_folders, const Context& c) {
  std::vector<std::string> types = DocumentTypes();
  Json p = Json::Object();
  p.Set("owner",
        Schema("Owner of documents that name none").Set("enum", RolesEnum(c.corpus.config)));
  p.Set("approver",
        Schema("Approver of documents that name none").Set("enum", RolesEnum(c.corpus.config)));
  p.Set("type", Schema("Type of documents that name none").Set("enum", Json::Strings(types)));
  p.Set("review_months", Schema("Months between reviews (1..60)")
                             .Set("type", Json::String("integer"))
                             .Set("minimum", Json::Integer(1))
                             .Set("maximum", Json::Integer(60)));
  if (with_folders) {
    Json folders = Schema("Defaults per folder (the longest folder holding a document wins)");
    folders.Set("type", Json::String("object"));
    folders.Set("additionalProperties", DefaultsSchema(false, c));
    p.Set("folders", std::move(folders));
  }
  return ObjectOf(with_folders ? "What documents that leave a field out get" : "", std::move(p));
}

Json ConfigSchema(const Context& c) {
  Json s = Top("smsdoc.schema.json", "smsdoc.yaml",
               "The settings of an SMS kept with smsdoc (docs/content-model.md).");
  s.Set("type", Json::String("object"));
  auto text = [](const std::string& description) {
    Json t = Schema(description);
    t.Set("type", Types({"string", "number", "boolean"}));
    return t;
  };
  auto integer = [](const std::string& description, long min, long max) {
    Json t = Schema(description);
    t.Set("type", Json::String("integer"));
    t.Set("minimum", Json::Integer(min));
    t.Set("maximum", Json::Integer(max));
    return t;
  };
  std::map<std::string, std::function<Json()>> by_key;
  by_key["organization"] = [&] { return text("The organisation's name (required)"); };
  by_key["title"] = [&] { return text("The site's title (default: '<organization> SMS')"); };
  by_key["scope"] = [&] { return text("The scope of the SMS, one paragraph (required)"); };
  by_key["output"] = [&] { return text("The output folder (default: site)"); };
  by_key["theme"] = [&] { return text("A theme folder whose templates override the default"); };
  by_key["language"] = [&] {
    Json t = Schema(
        "The language of the pages' labels: a table labels/LANGUAGE.yaml of the "
        "theme (the default theme has en and de; default en)");
    t.Set("type", Json::String("string"));
    t.Set("examples", Json::Strings({"en", "de"}));
    return t;
  };
  by_key["base_url"] = [&] {
    Json t = Schema("Where the site is published; adds 404.html and sitemap.xml");
    t.Set("type", Json::String("string"));
    t.Set("pattern", Json::String("^https?://"));
    return t;
  };
  by_key["allow_raw_html"] = [&] {
    return Schema("Pass raw HTML in Markdown through (default false)")
        .Set("enum", EnumOf({"true", "false"}));
  };
  auto names = [](const std::string& description, std::vector<std::string> builtin) {
    Json t = Schema(description);
    t.Set("type", Json::String("array"));
    t.Set("items", Json::Object().Set("type", Json::String("string")));
    t.Set("examples", Json::Array().Push(Json::Strings(builtin)));
    return t;
  };
  by_key["frameworks"] = [&] {
    return names(
        "Frameworks beside ISO/IEC 20000-1: built-in names or catalogue files "
        "(docs/frameworks.md)",
        BuiltinFrameworkIds());
  };
  by_key["mappings"] = [&] {
    return names("Mappings between frameworks: built-in names or mapping files",
                 BuiltinMappingNames());
  };
  by_key["primary"] = [&] {
    return text("The framework bare clause numbers belong to (default iso20000-1)");
  };
  by_key["folders"] = [&] {
    Json p = Json::Object();
    for (const auto& key : FolderKeys())
      p.Set(key, Schema("The " + key + " folder, or a list of folders, relative to the root")
                     .Set("type", Json::Strings({"string", "array"}))
                     .Set("items", Json::Object().Set("type", Json::String("string")))
                     .Set("minItems", Json::Integer(1)));
    return ObjectOf("The content folders", std::move(p));
  };
  by_key["roles"] = [&] {
    Json role = ObjectOf("A role", Json::Object().Set("title", text("The role's title")));
    role.Set("required", Json::Strings({"title"}));
    Json t = Schema("Who may own, approve or act: key: {title: ...} (required)");
    t.Set("type", Json::String("object"));
    t.Set("minProperties", Json::Integer(1));
    t.Set("additionalProperties", std::move(role));
    return t;
  };
  by_key["risk_scoring"] = [&] {
    Json scale = Schema("Values counting up from 1, each with its label: {1: Rare, 2: Unlikely}");
    scale.Set("type", Json::String("object"));
    scale.Set("propertyNames", Schema("").Set("pattern", Json::String("^[1-9][0-9]*$")));
    Json band = ObjectOf("A band of scores", [&] {
      Json p = Json::Object();
      p.Set("name", text("The band's name"));
      p.Set("min", integer("The least score in the band", 0, 1000000));
      p.Set("colour", Schema("#RRGGBB").Set("pattern", Json::String("^#[0-9A-Fa-f]{6}$")));
      return p;
    }());
    band.Set("required", Json::Strings({"name", "min", "colour"}));
    Json bands = Schema("Score bands, going up");
    bands.Set("type", Json::String("array"));
    bands.Set("items", std::move(band));
    Json p = Json::Object();
    p.Set("formula", Schema("How likelihood and impact combine")
                         .Set("enum", Json::Strings({"multiply", "add"})));
    p.Set("likelihood", scale);
    p.Set("impact", scale);
    p.Set("bands", std::move(bands));
    p.Set("acceptance", integer("Scores above this exceed the acceptance criteria", 0, 1000000));
    return ObjectOf("How risks are scored", std::move(p));
  };
  by_key["readiness"] = [&] {
    Json na = Schema("Checklist items that do not apply, each with its justification");
    na.Set("type", Json::String("object"));
    Json justification = Schema("");
    justification.Set("type", Json::String("string"));
    justification.Set("pattern", Json::String(kNonBlank));
    na.Set("additionalProperties", std::move(justification));
    Json p = Json::Object();
    p.Set("check",
          Schema("The Stage 1 checklist (default true)").Set("type", Json::String("boolean")));
    p.Set("not_applicable", std::move(na));
    return ObjectOf("The Stage 1 readiness checklist", std::move(p));
  };
  by_key["rules"] = [&] {
    auto strings = [](const std::string& description) {
      return Schema(description)
          .Set("type", Json::String("array"))
          .Set("items", Json::Object().Set("type", Json::String("string")));
    };
    std::map<std::string, Json> keys;
    keys["title"] = text("What the rule asks, in a few words");
    std::vector<std::string> documents;
    for (const Document& d : c.corpus.documents) documents.push_back(d.id);
    std::sort(documents.begin(), documents.end());
    keys["process"] = Schema("The process or document it belongs to (its page lists it)")
                          .Set("enum", EnumOf(documents));
    keys["kind"] = Schema("The record kind it checks").Set("enum", EnumOf(c.corpus.kinds.Names()));
    keys["where"] = Schema("Field -> the value, or values, that select a record")
                        .Set("type", Json::String("object"));
    keys["require"] = strings("Fields each selected record must have");
    Json within = Json::Object();
    within.Set("days", integer("At most this many days", 0, 3660));
    within.Set("from", text("The date field counted from"));
    within.Set("to", text("The date field that must follow within the days"));
    keys["within"] = ObjectOf("A time limit between two date fields", std::move(within));
    Json p = Json::Object();
    for (const auto& key : RuleKeys()) p.Set(key, keys.at(key));
    Json rule = ObjectOf("A process rule (docs/rules.md)", std::move(p));
    rule.Set("required", Json::Strings({"kind"}));
    Json t = Schema("Process rules checked on records: rule ID -> definition");
    t.Set("type", Json::String("object"));
    t.Set("additionalProperties", std::move(rule));
    return t;
  };
  by_key["sampling"] = [&] {
    Json people = Schema("The people to interview: their trainings are sampled");
    people.Set("type", Json::String("array"));
    people.Set("items",
               Schema("").Set("enum", EnumOf(c.ids.count("person") ? c.ids.at("person")
                                                                   : std::vector<std::string>{})));
    Json p = Json::Object();
    p.Set("seed", integer("The seed of the Stage 2 samples (default 1)", 0, LONG_MAX));
    p.Set("people", std::move(people));
    return ObjectOf("Stage 2 samples (docs/sampling.md)", std::move(p));
  };
  by_key["audit"] = [&] {
    Json p = Json::Object();
    p.Set(
        "purpose",
        Schema("The audit this build is evidence for").Set("enum", Json::Strings(AuditPurposes())));
    p.Set("id", Schema("The audit record of that audit")
                    .Set("enum", EnumOf(c.ids.count("audit") ? c.ids.at("audit")
                                                             : std::vector<std::string>{})));
    Json t = ObjectOf("The audit this build is evidence for (docs/evidence.md)", std::move(p));
    t.Set("required", Json::Strings({"purpose"}));
    return t;
  };
  by_key["limits"] = [&] {
    Json p = Json::Object();
    p.Set("file_size_mb", integer("Larger text inputs are refused unread (MiB)", 1, 1 << 20));
    return ObjectOf("Limits", std::move(p));
  };
  by_key["defaults"] = [&] { return DefaultsSchema(true, c); };
  by_key["diagnostics"] = [&] {
    Json t = Schema("Warning codes made ignore or error (docs/diagnostics.md)");
    t.Set("type", Json::String("object"));
    t.Set("propertyNames", Schema("").Set("enum", Json::Strings(WarningCodes())));
    t.Set("additionalProperties",
          Schema("").Set("enum", Json::Strings({"ignore", "warning", "error"})));
    return t;
  };
  by_key["kinds"] = [&] {
    Json kind = Schema("A record kind, or more fields for a built-in one");
    kind.Set("type", Json::String("object"));
    std::map<std::string, Json> keys;
    keys["title"] = text("The register's title");
    keys["clause"] = Schema("The clause it evidences").Set("enum", EnumOf(ClauseIds()));
    keys["statuses"] =
        Schema("The statuses its records may have").Set("type", Json::String("array"));
    keys["done"] =
        Schema("Statuses in which nothing is overdue").Set("type", Json::String("array"));
    keys["columns"] = Schema("The register's columns").Set("type", Json::String("array"));
    Json fields = Schema("Its fields: name: {type: ...}");
    fields.Set("type", Json::String("object"));
    fields.Set("additionalProperties", FieldDefinitionSchema(false, c));
    keys["fields"] = std::move(fields);
    Json p = Json::Object();
    for (const auto& key : KindDefinitionKeys()) {
      auto it = keys.find(key);
      if (it == keys.end())
        throw std::logic_error("smsdoc schema: no schema for kind key '" + key + "'");
      p.Set(key, it->second);
    }
    kind.Set("properties", std::move(p));
    kind.Set("additionalProperties", Json::Bool(false));
    Json t = Schema("Record kinds of this SMS, and fields added to built-in ones");
    t.Set("type", Json::String("object"));
    t.Set("additionalProperties", std::move(kind));
    return t;
  };
  by_key["imports"] = [&] {
    Json strings = Schema("").Set("type", Json::String("object"));
    strings.Set("additionalProperties", Schema("").Set("type", Json::String("string")));
    Json values = Schema("{field: {export value: smsdoc value}}, added to the preset's");
    values.Set("type", Json::String("object"));
    values.Set("additionalProperties", strings);
    Json p = Json::Object();
    p.Set("files", text("A glob from the SMS root: *, ?, ** (docs/itsm-exports.md)"));
    p.Set("kind",
          Schema("The kind each row becomes").Set("enum", Json::Strings(c.corpus.kinds.Names())));
    p.Set("preset", Schema("The ITSM tool's column names and values")
                        .Set("enum", Json::Strings(ItsmPresetNames())));
    p.Set("columns", Json(strings).Set("description",
                                       Json::String("{field: column header}, over the preset's")));
    p.Set("values", std::move(values));
    Json one = ObjectOf("A CSV export of the ITSM tool read as records", std::move(p));
    one.Set("required", Json::Strings({"files", "kind"}));
    Json t = Schema("The ITSM tool's exports read as records (docs/itsm-exports.md)");
    t.Set("type", Json::String("array"));
    t.Set("items", std::move(one));
    return t;
  };
  by_key["document_fields"] = [&] {
    Json t = Schema(
        "Extra front matter fields of documents and processes, declared as a kind's "
        "fields are");
    t.Set("type", Json::String("object"));
    t.Set("propertyNames",
          Schema("").Set("not", Schema("").Set("enum", Json::Strings(DocumentFieldNames(true)))));
    t.Set("additionalProperties", FieldDefinitionSchema(true, c));
    return t;
  };
  by_key["unknown_fields"] = [&] {
    return Schema(
               "What a front matter key neither smsdoc nor document_fields knows is: an error "
               "(the default), a warning, or kept and shown on the page")
        .Set("enum", Json::Strings(UnknownFieldsModes()));
  };
  Json properties = Json::Object();
  for (const auto& key : ConfigKeys()) {
    auto it = by_key.find(key);
    if (it == by_key.end())
      throw std::logic_error("smsdoc schema: no schema for smsdoc.yaml key '" + key + "'");
    properties.Set(key, it->second());
  }
  s.Set("properties", std::move(properties));
  s.Set("required", Json::Strings({"organization", "scope", "roles"}));
  s.Set("additionalProperties", Json::Bool(false));
  return s;
}

}  // namespace

std::vector<SchemaFile> JsonSchemas(const Corpus& corpus) {
  Context c{corpus, {}};
  for (const auto& d : corpus.documents) {
    c.ids[""].push_back(d.id);
    if (d.is_process) c.ids["process"].push_back(d.id);
  }
  for (const auto& r : corpus.records) {
    c.ids[""].push_back(r.id);
    if (r.kind) c.ids[r.kind->name].push_back(r.id);
  }
  for (auto& [kind, ids] : c.ids) std::sort(ids.begin(), ids.end());
  return {
      {"document.schema.json", FrontMatterSchema(false, c).Dump()},
      {"process.schema.json", FrontMatterSchema(true, c).Dump()},
      {"records.schema.json", RecordsSchema(c).Dump()},
      {"smsdoc.schema.json", ConfigSchema(c).Dump()},
  };
}

}  // namespace smsdoc
