#include "load/import_loader.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>

#include "base/csv.h"
#include "base/text.h"
#include "load/import_rows.h"

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
  std::vector<ImportField> fields;
  std::vector<size_t> index;  // of each field's column in the rows
  bool complete = true;
  for (const auto& column : plan.columns) {
    auto it = std::find(headers.begin(), headers.end(), column.header);
    if (it == headers.end()) {
      if (!ImportNeedsColumn(*column.field)) continue;  // an optional column the export leaves out
      diags.Error(path, header.front().pos,
                  "no column '" + column.header + "' (field '" + column.field->name +
                      "' of kind '" + plan.kind->name + "')" + DidYouMean(column.header, headers),
                  "import-column");
      complete = false;
      continue;
    }
    fields.push_back(BindImportField(column, "column '" + column.header + "'", *plan.kind));
    index.push_back(static_cast<size_t>(it - headers.begin()));
  }
  if (!complete) return out;
  out.reserve(table.rows.size() - 1);
  for (size_t r = 1; r < table.rows.size(); ++r) {
    const auto& row = table.rows[r];
    std::vector<std::optional<ImportValue>> values(fields.size());
    bool usable = true;
    for (size_t k = 0; k < fields.size(); ++k) {
      if (index[k] < row.size()) {
        values[k] = ImportValue{row[index[k]].text, {}, false, row[index[k]].pos};
      } else if (usable) {  // once a row
        diags.Error(path, row.back().pos,
                    "the row ends before " + fields[k].where + " (" + std::to_string(row.size()) +
                        " of " + std::to_string(headers.size()) + " cells)",
                    "import-cell");
        usable = false;
      }
    }
    ImportRow(path, plan, fields, row.front().pos, std::move(values), usable, "cell", config, kinds,
              diags, out);
  }
  return out;
}

}  // namespace smsdoc
