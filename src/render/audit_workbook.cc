// The internal audit register: programme, clause coverage, findings and corrective actions
// (9.2, 10.1).
#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "adapters/xlsx.h"
#include "analyse/coverage.h"
#include "analyse/register_rules.h"
#include "model/clauses.h"
#include "render/workbook_builder.h"

namespace smsdoc {

Workbook WorkbookBuilder::AuditRegister() const {
  Workbook wb = NewWorkbook("audit-register.xlsx", labels_("wb_audit_register"));
  const KindSpec *audit = Kind("audit"), *finding = Kind("finding"), *action = Kind("action");
  if (audit) wb.sheets.push_back(AuditProgramme(*audit, finding));
  if (audit) wb.sheets.push_back(Coverage(*audit));
  if (finding)
    wb.sheets.push_back(RecordSheet(*finding, finding->columns, nullptr, labels_("wb_findings")));
  if (action)
    wb.sheets.push_back(
        RecordSheet(*action, action->columns, nullptr, labels_("wb_corrective_actions")));
  AddCover(wb);
  return wb;
}

// The audit sheet with a count of findings per classification, as
// COUNTIFS over the Findings sheet so it follows edits there.
Sheet WorkbookBuilder::AuditProgramme(const KindSpec& audit, const KindSpec* finding) const {
  Sheet sheet = RecordSheet(audit, audit.columns, nullptr, labels_("wb_audit_programme"));
  // Programmes are short: hold the rows, to add the count columns.
  for (size_t r = 0; r < sheet.RowCount(); ++r) sheet.rows.push_back(sheet.Row(r));
  sheet.row_at = nullptr;
  // A column beyond the kind's (the evidence files) stays the last one.
  std::vector<Column> extra_columns;
  std::vector<std::vector<Cell>> extra_cells(sheet.rows.size());
  const size_t own = LettersOf(audit, audit.columns).size();
  if (sheet.columns.size() > own) {
    extra_columns.assign(sheet.columns.begin() + static_cast<long>(own), sheet.columns.end());
    sheet.columns.resize(own);
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      extra_cells[r].assign(sheet.rows[r].begin() + static_cast<long>(own), sheet.rows[r].end());
      sheet.rows[r].resize(own);
    }
  }
  std::string audit_col, class_col;
  if (finding) {
    for (size_t c = 0, shown = 0; c < finding->columns.size(); ++c) {
      if (!finding->Field(finding->columns[c])) continue;
      if (finding->columns[c] == "audit") audit_col = ColumnLetters(static_cast<int>(shown));
      if (finding->columns[c] == "classification")
        class_col = ColumnLetters(static_cast<int>(shown));
      ++shown;
    }
  }
  std::map<std::pair<std::string, std::string>, int> counts;
  if (finding)
    for (int n : RecordsOf(*finding)) {
      const Record& f = RecordAt(n);
      const FieldValue *a = f.Field("audit"), *c = f.Field("classification");
      if (a && c && !a->items.empty()) counts[{a->items[0], c->text}]++;
    }
  // The classifications are the findings' values; the headers are words.
  const std::vector<std::pair<std::string, std::string>> classes = {
      {"major", labels_("wb_major_ncs")},
      {"minor", labels_("wb_minor_ncs")},
      {"observation", labels_("wb_observations")},
      {"ofi", labels_("wb_ofis")}};
  const std::string findings = SheetRef(labels_("wb_findings"));
  std::string id_col;
  for (size_t c = 0, shown = 0; c < audit.columns.size(); ++c) {
    if (!audit.Field(audit.columns[c])) continue;
    if (audit.columns[c] == "id") id_col = ColumnLetters(static_cast<int>(shown));
    ++shown;
  }
  std::vector<int> audits = RecordsOf(audit);
  for (const auto& [cls, header] : classes) {
    sheet.columns.push_back({header, 11});
    for (size_t r = 0; r < sheet.rows.size(); ++r) {
      const Record& a = RecordAt(audits[r]);
      Cell c = Cell::Number(counts[{a.id, cls}]);
      if (!audit_col.empty() && !class_col.empty() && !id_col.empty()) {
        c.type = Cell::Type::kFormula;
        c.text = "=COUNTIFS(" + findings + audit_col + ":" + audit_col + "," + id_col +
                 std::to_string(r + 2) + "," + findings + class_col + ":" + class_col + "," +
                 ExcelString(cls) + ")";
      }
      sheet.rows[r].push_back(c);
    }
  }
  for (Column& column : extra_columns) sheet.columns.push_back(std::move(column));
  for (size_t r = 0; r < sheet.rows.size(); ++r)
    for (Cell& cell : extra_cells[r]) sheet.rows[r].push_back(std::move(cell));
  return sheet;
}

// Clauses (rows) by internal audit periods (columns): audited, planned,
// or not. An audit naming a clause audits all of it; a parent is audited
// in a period only when all its leaves are. "Covered in cycle" is the
// analysis' (every leaf audited in the last 12 months).
Sheet WorkbookBuilder::Coverage(const KindSpec& audit) const {
  std::set<std::string> periods;
  std::map<std::pair<std::string, std::string>, std::string> cover;  // (clause, period) -> state
  for (int n : RecordsOf(audit)) {
    const Record& a = RecordAt(n);
    const FieldValue* period = a.Field("period");
    const FieldValue* type = a.Field("type");
    // The internal audit programme (9.2): certification audits do not count.
    if (!period || a.status == "cancelled" || (type && type->text != "internal")) continue;
    periods.insert(period->text);
    // Performed by the as-of date: audited; otherwise still planned.
    std::string s =
        HeldBy(a, info_.as_of).empty() ? "planned" : "audited";  // the cells show their labels
    for (const ClauseCoverage& cov : analysis_.coverage) {
      if (!cov.leaf) continue;
      const std::string& id = cov.clause->id;
      if (std::none_of(a.clauses.begin(), a.clauses.end(),
                       [&](const std::string& c) { return CoversClause(id, c); }))
        continue;
      auto& cell = cover[{id, period->text}];
      if (cell != "audited") cell = s;
    }
  }
  // A parent takes the weakest of its leaves: "" < planned < audited.
  auto rank = [](const std::string& s) { return s == "audited" ? 2 : s == "planned" ? 1 : 0; };
  const auto& all = analysis_.coverage;
  for (size_t c = 0; c < all.size(); ++c) {
    if (all[c].leaf) continue;
    for (const auto& p : periods) {
      std::string weakest = "audited";
      for (size_t d = c + 1; d < all.size() && CoversClause(all[d].clause->id, all[c].clause->id);
           ++d) {
        if (!all[d].leaf) continue;
        std::string leaf = cover.count({all[d].clause->id, p}) ? cover[{all[d].clause->id, p}] : "";
        if (rank(leaf) < rank(weakest)) weakest = leaf;
      }
      if (!weakest.empty()) cover[{all[c].clause->id, p}] = weakest;
    }
  }
  Sheet sheet;
  sheet.name = ValidSheetName(labels_("clause_coverage"));  // by internal audits
  sheet.columns = {{labels_("col_clause"), 10}, {labels_("col_title"), 44, true}};
  for (const auto& p : periods) sheet.columns.push_back({p, 12});
  sheet.columns.push_back({labels_("wb_covered_in_cycle"), 14});
  for (const ClauseCoverage& cov : analysis_.coverage) {
    const Clause& clause = *cov.clause;
    std::vector<Cell> row = {Cell::Text(clause.id), Cell::Text(clause.title)};
    for (const auto& p : periods) {
      std::string s = cover.count({clause.id, p}) ? cover[{clause.id, p}] : "";
      Cell c =
          s.empty() ? Cell{} : Cell::Text(labels_(s == "audited" ? "wb_audited" : "wb_planned"));
      c.fill = s == "audited" ? kGreen : s == "planned" ? kBlue : "";
      row.push_back(c);
    }
    bool audited = cov.audited_in_cycle;
    Cell covered = Cell::Text(labels_(audited ? "bool_yes_lower" : "bool_no_lower"));
    covered.fill = audited ? kGreen : RegisterRules::kLate;
    row.push_back(covered);
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace smsdoc
