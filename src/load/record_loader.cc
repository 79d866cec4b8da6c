#include "load/record_loader.h"

#include <cstdlib>

#include "adapters/yaml.h"
#include "base/text.h"
#include "load/field_reader.h"

namespace smsdoc {

namespace {

FieldValue ReadField(FieldReader& reader, const FieldSpec& spec, Record& record) {
  FieldValue v{&spec, "", {}, reader.PosOf(spec.name)};
  const std::string& key = spec.name;
  switch (spec.type) {
    case FieldType::kId:
    case FieldType::kKind: break;  // read by the caller
    case FieldType::kStatus: v.text = reader.Enum(key, spec.required, record.kind->statuses); break;
    case FieldType::kText:
    case FieldType::kLongText: v.text = reader.Text(key, spec.required); break;
    case FieldType::kInteger: {
      long min = spec.min, max = spec.max;
      if (const auto* scale = reader.config().risk_scoring.Scale(spec.scale)) {
        min = scale->front().first;
        max = scale->back().first;
      }
      if (auto n = reader.Integer(key, spec.required, min, max)) v.text = std::to_string(*n);
      break;
    }
    case FieldType::kNumber: v.text = reader.Number(key, spec.required); break;
    case FieldType::kBool:
      if (auto b = reader.Bool(key, spec.required)) v.text = *b ? "true" : "false";
      break;
    case FieldType::kScore:
    case FieldType::kLevel:
    case FieldType::kExceeds:
    case FieldType::kLookup:
      if (reader.Node(key))
        reader.diags().Error(
            reader.path(), reader.PosOf(key),
            "'" + key + "' is computed from " + Join(spec.of, " and ") + "; leave it out",
            "field-computed");
      break;
    case FieldType::kDate: v.text = reader.Date(key, spec.required); break;
    case FieldType::kEnum: v.text = reader.Enum(key, spec.required, spec.values); break;
    case FieldType::kRole: v.text = reader.Role(key, spec.required); break;
    case FieldType::kRoles:
      v.items = reader.Roles(key);
      if (spec.required && !reader.Node(key)) reader.Text(key, true);  // reports it missing
      break;
    case FieldType::kList: v.items = reader.List(key); break;
    case FieldType::kClause: v.text = reader.Clause(key, spec.required); break;
    case FieldType::kClauses: v.items = reader.Clauses(key); break;
    case FieldType::kRef:
    case FieldType::kRefs:
      for (auto& id : reader.Ids(key, spec.type == FieldType::kRef, spec.required)) {
        v.items.push_back(id.value);
        record.refs.push_back(
            {.relation = key, .target = id.value, .required_kind = spec.ref_kind, .pos = id.pos});
      }
      break;
  }
  return v;
}

// The value of a computed field from the fields read before it; "" when an
// input is missing.
std::string Compute(const FieldSpec& spec, const Record& record, const RiskScoring& scoring) {
  std::vector<long> inputs;
  for (const auto& name : spec.of) {
    const FieldValue* v = record.Field(name);
    if (!v || v->text.empty()) return "";
    char* end = nullptr;
    long n = std::strtol(v->text.c_str(), &end, 10);
    if (*end != '\0') return "";  // not a number: the schema error says why
    inputs.push_back(n);
  }
  if (inputs.size() != (spec.type == FieldType::kScore ? 2u : 1u)) return "";
  switch (spec.type) {
    case FieldType::kScore: return std::to_string(scoring.Combine(inputs[0], inputs[1]));
    case FieldType::kLevel: {
      const ScoreBand* band = scoring.BandOf(inputs[0]);
      return band ? band->name : "";
    }
    case FieldType::kExceeds:
      // Acceptance is about threats: an opportunity exceeds nothing.
      if (const FieldValue* type = record.Field("type"); type && type->text == "opportunity")
        return "";
      return inputs[0] > scoring.acceptance ? "true" : "false";
    default: return "";
  }
}

// Returns false when the entry could not become a record.
bool LoadOne(const YamlNode& node, const std::string& path, const Config& config,
             const KindCatalogue& kinds, Diagnostics& diags, std::vector<Record>& out) {
  if (!node.IsMap()) {
    diags.Error(
        path, node.pos,
        "a record must be a mapping with 'id', 'kind', 'title', ...; got " + DescribeYaml(node),
        "record-type");
    return false;
  }
  FieldReader reader(node, node.pos, path, config, diags);
  Record record;
  record.path = path;
  record.pos = node.pos;
  record.id = reader.Id("id", true);
  record.id_pos = reader.PosOf("id");
  std::string kind = reader.Enum("kind", true, kinds.Names());
  record.kind = kinds.Find(kind);
  if (!record.kind) return false;  // fields cannot be checked without a schema

  std::vector<std::string> known;
  for (const auto& spec : record.kind->fields) known.push_back(spec.name);
  known.push_back("accept");  // every kind's, never a register column
  reader.RejectUnknown(known);
  record.accepts = reader.Accepts("accept");
  for (const auto& spec : record.kind->fields) {
    FieldValue v = ReadField(reader, spec, record);
    if (spec.name == "title") record.title = v.text;
    if (spec.name == "status") record.status = v.text;
    if (spec.name == "owner") record.owner = v.text;
    if (spec.name == "clauses") record.clauses = v.items;
    if (spec.type == FieldType::kId || spec.type == FieldType::kKind) continue;
    record.fields.push_back(std::move(v));
  }
  // Computed fields once every input is read, wherever the schema lists
  // them: scores first, then the levels and flags computed from scores.
  for (FieldType pass : {FieldType::kScore, FieldType::kLevel})
    for (auto& v : record.fields)
      if (IsComputed(v.spec->type) &&
          (v.spec->type == FieldType::kScore) == (pass == FieldType::kScore))
        v.text = Compute(*v.spec, record, config.risk_scoring);
  std::erase_if(record.fields,
                [](const FieldValue& v) { return v.text.empty() && v.items.empty(); });
  if (record.id.empty()) return false;
  out.push_back(std::move(record));
  return true;
}

}  // namespace

std::vector<Record> LoadRecords(const std::string& path, std::string_view text,
                                const Config& config, const KindCatalogue& kinds,
                                Diagnostics& diags, bool& complete) {
  std::vector<Record> out;
  complete = true;
  if (StartsWith(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  YamlNode root = ParseYaml(text, path, 1, diags);
  // A file that holds nothing was likely emptied by mistake; an explicit
  // `[]` is a register kept empty on purpose (smsdoc init writes them).
  if (root.IsNull() || (root.IsSequence() && root.items.empty())) {
    if (diags.HasErrors())
      complete = false;
    else if (root.IsNull())
      diags.Warning(path, {1, 1}, "file holds no records", "record-empty");
    return out;
  }
  if (root.IsSequence()) {
    for (const auto& item : root.items) complete &= LoadOne(item, path, config, kinds, diags, out);
  } else {
    complete = LoadOne(root, path, config, kinds, diags, out);
  }
  return out;
}

}  // namespace smsdoc
