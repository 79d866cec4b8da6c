#include "load/record_loader.h"

#include <cstdlib>

#include "adapters/yaml.h"
#include "base/text.h"
#include "load/evidence_files.h"
#include "load/field_reader.h"
#include "load/measurement_loader.h"

namespace smsdoc {

namespace {

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

}  // namespace

bool LoadRecordEntry(const YamlNode& node, const std::string& path, const Config& config,
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
  known.push_back("accept");           // every kind's, never a register column
  known.push_back(kEvidenceFilesKey);  // every kind's, a column only where some record has it
  reader.RejectUnknown(known);
  record.accepts = reader.Accepts("accept");
  record.evidence_files = ReadEvidenceFiles(node.Find(kEvidenceFilesKey), path, diags);
  for (const auto& spec : record.kind->fields) {
    FieldValue v = ReadFieldValue(reader, spec, record.kind->statuses, record.refs);
    if (spec.name == "title") record.title = v.text;
    if (spec.name == "status") record.status = v.text;
    if (spec.name == "owner") record.owner = v.text;
    if (spec.name == "clauses" || spec.name == "controls")
      record.clauses.insert(record.clauses.end(), v.items.begin(), v.items.end());
    if (spec.type == FieldType::kId || spec.type == FieldType::kKind) continue;
    record.fields.push_back(std::move(v));
  }
  SplitFrameworkRefs(record.clauses, record.controls);
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

std::vector<Record> LoadRecords(const std::string& path, std::string_view text,
                                const Config& config, const KindCatalogue& kinds,
                                Diagnostics& diags, bool& complete,
                                std::vector<Measurement>* measurements) {
  std::vector<Record> out;
  std::vector<Measurement> unused;
  if (!measurements) measurements = &unused;
  auto load = [&](const YamlNode& item) {
    if (!IsMeasurementEntry(item)) return LoadRecordEntry(item, path, config, kinds, diags, out);
    ReadMeasurement(item, path, diags, *measurements);
    return true;
  };
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
    for (const auto& item : root.items) complete &= load(item);
  } else {
    complete = load(root);
  }
  return out;
}

}  // namespace smsdoc
