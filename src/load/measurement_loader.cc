#include "load/measurement_loader.h"

#include <algorithm>
#include <map>
#include <optional>

#include "base/csv.h"
#include "base/text.h"
#include "load/field_reader.h"
#include "load/kpi_reader.h"

namespace smsdoc {

namespace {

struct Cell {
  std::string text;
  Pos pos;
};

// The fields of one measurement, wherever they came from; false (with the
// problems reported) when one is missing or not a value.
bool Fill(const std::map<std::string, Cell>& cells, Pos at, const std::string& path,
          Diagnostics& diags, Measurement& m) {
  bool ok = true;
  for (const auto& key : RequiredMeasurementFields()) {
    auto it = cells.find(key);
    if (it == cells.end() || Trim(it->second.text).empty()) {
      diags.Error(path, it == cells.end() ? at : it->second.pos,
                  "missing required field '" + key + "' of a measurement", "field-missing");
      ok = false;
    }
  }
  auto text = [&](const char* key, Pos* pos) {
    auto it = cells.find(key);
    if (it == cells.end()) return std::string();
    if (pos) *pos = it->second.pos;
    return std::string(Trim(it->second.text));
  };
  m.path = path;
  m.pos = at;
  m.kpi = text("kpi", &m.kpi_pos);
  m.period = text("period", &m.period_pos);
  m.value_text = text("value", &m.value_pos);
  m.comment = text("comment", nullptr);
  m.source = text("source", nullptr);
  if (!m.value_text.empty()) {
    std::optional<double> v = ParseMeasuredValue(m.value_text);
    if (v) {
      m.value = *v;
    } else {
      diags.Error(
          path, m.value_pos,
          "'value' must be a number (or a duration like 4h or 30m), got '" + m.value_text + "'",
          "measurement-value");
      ok = false;
    }
  }
  return ok;
}

}  // namespace

const std::vector<std::string>& MeasurementFieldNames() {
  static const std::vector<std::string> kNames = {"kpi", "period", "value", "comment", "source"};
  return kNames;
}

const std::vector<std::string>& RequiredMeasurementFields() {
  static const std::vector<std::string> kNames = {"kpi", "period", "value"};
  return kNames;
}

bool IsMeasurementEntry(const YamlNode& node) {
  const YamlNode* kind = node.IsMap() ? node.Find("kind") : nullptr;
  return kind && kind->IsScalar() && Trim(kind->scalar) == kMeasurementKind;
}

void ReadMeasurement(const YamlNode& node, const std::string& path, Diagnostics& diags,
                     std::vector<Measurement>& out) {
  std::vector<std::string> known = MeasurementFieldNames();
  known.push_back("kind");
  ReportUnknownKeys(node, known, path, "field", " of a measurement", "field-unknown", diags);
  std::map<std::string, Cell> cells;
  bool ok = true;
  for (const auto& e : node.entries) {
    if (e.key == "kind") continue;
    if (!e.value.IsScalar() && !e.value.IsNull()) {
      diags.Error(path, e.value.pos,
                  "'" + e.key + "' must be a single value, got " + DescribeYaml(e.value),
                  "field-type");
      ok = false;
      continue;
    }
    cells[e.key] = {e.value.IsNull() ? "" : e.value.scalar, e.value.pos};
  }
  Measurement m;
  if (Fill(cells, node.pos, path, diags, m) && ok) out.push_back(std::move(m));
}

std::vector<Measurement> LoadMeasurementsCsv(const std::string& path, std::string_view text,
                                             Diagnostics& diags) {
  std::vector<Measurement> out;
  CsvTable table = ParseCsv(text);
  for (const auto& p : table.problems) diags.Error(path, p.pos, p.message, "csv-syntax");
  if (table.rows.empty()) {
    diags.Error(path, {1, 1},
                "no header row: the first line names the columns (" +
                    Join(MeasurementFieldNames(), ", ") + ")",
                "csv-column");
    return out;
  }
  const std::vector<CsvCell>& header = table.rows[0];
  const std::vector<std::string>& names = MeasurementFieldNames();
  std::vector<std::string> columns;  // the field of each column, "" when unknown
  bool header_ok = true;
  for (const auto& cell : header) {
    std::string name(Trim(cell.text));
    bool known = std::find(names.begin(), names.end(), name) != names.end();
    bool repeated = std::find(columns.begin(), columns.end(), name) != columns.end();
    if (!known)
      diags.Error(path, cell.pos,
                  "unknown column '" + name + "'" + DidYouMean(name, names) + "; the columns are " +
                      Join(names, ", "),
                  "csv-column");
    else if (repeated)
      diags.Error(path, cell.pos, "column '" + name + "' appears twice", "csv-column");
    header_ok &= known && !repeated;
    columns.push_back(known ? name : "");
  }
  for (const auto& key : RequiredMeasurementFields())
    if (std::find(columns.begin(), columns.end(), key) == columns.end()) {
      diags.Error(path, header[0].pos, "missing required column '" + key + "'", "csv-column");
      header_ok = false;
    }
  if (!header_ok) return out;  // rows cannot be read without knowing their columns
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const std::vector<CsvCell>& row = table.rows[r];
    if (row.size() != columns.size()) {
      diags.Error(path, row[0].pos,
                  "this row has " + std::to_string(row.size()) +
                      (row.size() == 1 ? " cell" : " cells") + ", the header " +
                      std::to_string(columns.size()) + " columns",
                  "csv-column");
      continue;
    }
    std::map<std::string, Cell> cells;
    for (size_t c = 0; c < row.size(); ++c) cells[columns[c]] = {row[c].text, row[c].pos};
    Measurement m;
    if (Fill(cells, row[0].pos, path, diags, m)) out.push_back(std::move(m));
  }
  return out;
}

}  // namespace smsdoc
