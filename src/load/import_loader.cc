#include "load/import_loader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "adapters/yaml.h"
#include "base/csv.h"
#include "base/text.h"
#include "load/record_loader.h"

namespace smsdoc {

namespace {

bool Digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// Jira's default "dd/MMM/yy h:mm a" (also a four-digit year), or "".
std::string JiraDate(std::string_view cell) {
  static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  std::string_view date = cell.substr(0, cell.find(' '));
  size_t a = date.find('/'), b = date.rfind('/');
  if (a == std::string_view::npos || a == b) return "";
  std::string_view day = date.substr(0, a), month = date.substr(a + 1, b - a - 1),
                   year = date.substr(b + 1);
  if (!Digits(day) || day.size() > 2 || !Digits(year) || (year.size() != 2 && year.size() != 4))
    return "";
  std::string lower;
  for (char c : month) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t m = 0; m < kMonths.size(); ++m) {
    if (lower != kMonths[m]) continue;
    char out[16];
    std::snprintf(out, sizeof out, "%s%s-%02zu-%02d", year.size() == 2 ? "20" : "",
                  std::string(year).c_str(), m + 1, std::atoi(std::string(day).c_str()));
    return out;
  }
  return "";
}

YamlNode Scalar(std::string text, Pos pos) {
  YamlNode n;
  n.type = YamlNode::Type::kScalar;
  n.scalar = std::move(text);
  n.pos = pos;
  return n;
}

bool IsListType(FieldType t) {
  return t == FieldType::kList || t == FieldType::kRefs || t == FieldType::kRoles ||
         t == FieldType::kClauses;
}

// A list cell ("Managed Workplace, Harbour Cloud Hosting") as a YAML list.
YamlNode ListNode(std::string_view cell, Pos pos) {
  YamlNode n;
  n.type = YamlNode::Type::kSequence;
  n.pos = pos;
  while (!cell.empty()) {
    size_t comma = cell.find(',');
    std::string_view part = Trim(cell.substr(0, comma));
    if (!part.empty()) n.items.push_back(Scalar(std::string(part), pos));
    cell = comma == std::string_view::npos ? std::string_view() : cell.substr(comma + 1);
  }
  return n;
}

// The values a column's cell may hold: the export values, then the
// field's own (an export may already write them).
std::vector<std::string> Allowed(const ImportPlan::Column& column,
                                 const std::vector<std::string>& statuses) {
  std::vector<std::string> allowed;
  for (const auto& [from, to] : column.values) allowed.push_back(from);
  const auto& own = column.field->type == FieldType::kStatus ? statuses : column.field->values;
  allowed.insert(allowed.end(), own.begin(), own.end());
  return allowed;
}

struct BoundColumn {
  const ImportPlan::Column* column;
  size_t index;                      ///< in the CSV's rows
  std::vector<std::string> allowed;  ///< for enums and statuses; empty: any
};

}  // namespace

std::string ImportedDate(std::string_view cell) {
  cell = Trim(cell);
  if (cell.size() >= 10 && cell[4] == '-' && cell[7] == '-' &&
      (cell.size() == 10 || cell[10] == ' ' || cell[10] == 'T'))
    return std::string(cell.substr(0, 10));
  std::string jira = JiraDate(cell);
  return jira.empty() ? std::string(cell) : jira;
}

std::vector<Record> LoadImportCsv(const std::string& path, std::string_view text,
                                  const ImportPlan& plan, const Config& config,
                                  const KindCatalogue& kinds, Diagnostics& diags) {
  std::vector<Record> out;
  CsvTable table = ParseCsv(text);
  for (const auto& p : table.problems) diags.Error(path, p.pos, p.message, "csv-syntax");
  if (table.rows.empty()) {
    diags.Error(path, {1, 1}, "the export holds no header row", "import-column");
    return out;
  }
  const auto& header = table.rows[0];
  std::vector<std::string> headers;
  for (const auto& cell : header) headers.push_back(cell.text);
  std::vector<BoundColumn> bound;
  bool complete = true;
  for (const auto& column : plan.columns) {
    auto it = std::find(headers.begin(), headers.end(), column.header);
    if (it == headers.end()) {
      if (!column.field->required && column.field->type != FieldType::kId &&
          column.field->type != FieldType::kStatus && column.field->name != "title")
        continue;  // an optional column the export leaves out
      diags.Error(path, header.front().pos,
                  "no column '" + column.header + "' (field '" + column.field->name +
                      "' of kind '" + plan.kind->name + "')" + DidYouMean(column.header, headers),
                  "import-column");
      complete = false;
      continue;
    }
    BoundColumn b{&column, static_cast<size_t>(it - headers.begin()), {}};
    if (column.field->type == FieldType::kEnum || column.field->type == FieldType::kStatus)
      b.allowed = Allowed(column, plan.kind->statuses);
    bound.push_back(std::move(b));
  }
  if (!complete) return out;
  out.reserve(table.rows.size() - 1);
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    YamlNode node;
    node.type = YamlNode::Type::kMap;
    node.pos = row.front().pos;
    node.entries.push_back({"kind", node.pos, Scalar(plan.kind->name, node.pos)});
    bool usable = true, short_row = false;
    for (const auto& b : bound) {
      const ImportPlan::Column& column = *b.column;
      if (b.index >= row.size()) {
        if (!short_row)  // once a row
          diags.Error(path, row.back().pos,
                      "the row ends before column '" + column.header + "' (" +
                          std::to_string(row.size()) + " of " + std::to_string(headers.size()) +
                          " cells)",
                      "import-cell");
        usable = false;
        short_row = true;
        continue;
      }
      const CsvCell& cell = row[b.index];
      std::string value(Trim(cell.text));
      if (auto mapped = column.values.find(value); mapped != column.values.end())
        value = mapped->second;
      else if (!value.empty() && !b.allowed.empty() &&
               std::find(b.allowed.begin(), b.allowed.end(), value) == b.allowed.end()) {
        diags.Error(path, cell.pos,
                    "unknown value '" + value + "' in column '" + column.header + "'" +
                        DidYouMean(value, b.allowed) + "; map it under 'values: {" +
                        column.field->name + ": ...}' of the import",
                    "import-value");
        usable = false;
        continue;
      }
      if (value.empty()) {
        if (column.field->required) {
          diags.Error(path, cell.pos,
                      "empty cell in column '" + column.header + "': field '" + column.field->name +
                          "' is required",
                      "import-cell");
          usable = false;
        }
        continue;
      }
      if (column.field->type == FieldType::kDate) value = ImportedDate(value);
      node.entries.push_back({column.field->name, cell.pos,
                              IsListType(column.field->type) ? ListNode(value, cell.pos)
                                                             : Scalar(std::move(value), cell.pos)});
    }
    // The record's own checks, each problem named with its column; a row
    // already found bad is checked too (every error in one run) but left
    // out, its empty required cells reported above and not again.
    size_t before = diags.items().size(), loaded = out.size();
    std::vector<Record> left_out;
    LoadRecordEntry(node, path, config, kinds, diags, usable ? out : left_out);
    auto& items = diags.mutable_items();
    items.erase(std::remove_if(items.begin() + static_cast<long>(before), items.end(),
                               [](const Diagnostic& d) { return d.code == "field-missing"; }),
                items.end());
    for (size_t d = before; d < diags.items().size(); ++d) {
      Diagnostic& item = diags.mutable_items()[d];
      for (const auto& b : bound)
        if (b.index < row.size() && row[b.index].pos.line == item.pos.line &&
            row[b.index].pos.col == item.pos.col) {
          item.message += " (column '" + b.column->header + "')";
          break;
        }
    }
    if (out.size() > loaded) out.back().imported = true;
  }
  return out;
}

}  // namespace smsdoc
