#pragma once
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "analyse/register_rules.h"
#include "link/graph.h"
#include "model/analysis.h"
#include "model/build_info.h"
#include "model/labels.h"
#include "model/workbook.h"

namespace smsdoc {

// The builder of the register workbooks (render/workbooks.h). Each
// workbook has its own file: risk_workbook.cc, training_workbook.cc,
// audit_workbook.cc; workbooks.cc holds the record sheets, covers and
// formulas they share, the document register and clause coverage.
// Every word smsdoc writes comes from the labels (docs/themes.md#languages);
// a formula that compares with a word it writes elsewhere (a state of the
// skills matrix) takes it from the same label. The user's data (statuses,
// enum values, IDs) stays as written.

inline constexpr const char* kGreen = "#C6EFCE";  // covered, audited, competent
inline constexpr const char* kBlue = "#DDEBF7";   // planned
inline constexpr const char* kGrey = "#EDEDED";   // not required, no band

using RecordFilter = std::function<bool(const Record&)>;

/// Text as an Excel string literal: "a ""b""".
std::string ExcelString(const std::string& text);

/// A sheet in a formula: 'Risks'! (the name as ValidSheetName makes it,
/// an apostrophe doubled).
std::string SheetRef(const std::string& sheet_name);

class WorkbookBuilder : public std::enable_shared_from_this<WorkbookBuilder> {
 public:
  WorkbookBuilder(const Graph& graph, const Analysis& analysis, const BuildInfo& info,
                  const Labels& labels)
      : graph_(graph),
        analysis_(analysis),
        info_(info),
        labels_(labels),
        rules_(graph.corpus->config.risk_scoring, info.as_of) {}
  std::vector<Workbook> Build();

 private:
  Workbook NewWorkbook(const std::string& file, const std::string& title) const;
  std::string SharedTitle(const std::string& file, const std::string& title) const;
  const KindSpec* Kind(const std::string& name) const;
  std::vector<int> RecordsOf(const KindSpec& kind) const;
  const Record& RecordAt(int node) const;
  std::string Url(const std::string& workbook_file, int node) const;
  std::string RoleTitle(const std::string& key) const;
  // The day dates are judged against in formulas: the as-of date, or
  // TODAY() with --live-dates.
  std::string Today() const;
  // The criteria in formulas: the Criteria sheet's defined names (so an
  // edit there moves every formula and colour), or the numbers themselves
  // in a workbook without that sheet.
  std::string BandMin(size_t b, bool named) const;
  std::string BandName(size_t b, bool named) const;
  std::string Acceptance(bool named) const;
  // `score` (a cell or a number) is in band b: at least its minimum, below the next's.
  std::string InBand(const std::string& score, size_t b, bool named) const;
  static bool HasOpportunities(const KindSpec& kind);
  // Column letters of `columns` as RecordSheet lays them out.
  static std::map<std::string, std::string> LettersOf(const KindSpec& kind,
                                                      const std::vector<std::string>& columns);
  // The cell of one field of one record; formulas refer to the columns of
  // this sheet (letters) on Excel row `excel_row`.
  Cell FieldCell(const Record& record, const FieldSpec& spec, const std::string& workbook_file,
                 int node, const std::map<std::string, std::string>& letters, int excel_row,
                 bool named = false) const;
  // The record's evidence files: their paths a line each, linked to the
  // first (a cell holds one link), relative to `workbook_file`.
  Cell EvidenceCell(const Record& record, const std::string& workbook_file) const;
  // An SoA entry's computed cells: the documents in force implementing its
  // control and the records evidencing it (analyse/soa.h).
  std::vector<Cell> SoaCells(const Record& record) const;
  // A score, level or flag as a formula of `operand(field)` (a cell such
  // as "M2", or a Table's "[@[Likelihood]]"); "" when an operand is not on
  // the sheet.
  std::string Computed(const FieldSpec& spec, const KindSpec& kind,
                       const std::function<std::string(const std::string&)>& operand,
                       bool named) const;
  // A column of a Table in a formula: [@[Inherent score]] (' escapes the
  // characters a structured reference reserves).
  static std::string TableOperand(const std::string& header);
  // Conditional formats for a column: bands, overdue and expiry dates.
  void AddHighlights(Sheet& sheet, int column, const FieldSpec& spec, const KindSpec& kind,
                     const std::map<std::string, std::string>& letters, bool named) const;
  // `named`: formulas use the Criteria sheet's defined names (the risk
  // workbook); elsewhere the criteria are written in as numbers.
  Sheet RecordSheet(const KindSpec& kind, const std::vector<std::string>& columns,
                    const RecordFilter& keep, const std::string& name, bool named = false) const;
  // First sheet of every workbook: what it is, as of when, from what.
  void AddCover(Workbook& wb) const;
  Workbook RiskRegister() const;
  // The treatment plan's levels look up the Risks sheet's, so they follow
  // an edit of likelihood or impact there.
  Sheet TreatmentPlan(const KindSpec& risk) const;
  // The scales, bands and acceptance, once: the defined names Acceptance,
  // BandNMin and BandNName point here, and every formula and colour rule
  // of the workbook uses them.
  Sheet CriteriaSheet(Workbook& wb) const;
  // Likelihood across, impact down (highest first): how many risks not
  // closed sit in each cell (opportunities left out), as COUNTIFS over the
  // Risks sheet, coloured by the band of the cell's score through the
  // Criteria sheet's names. `l` and `i` are the inherent or residual fields.
  Sheet HeatMap(const KindSpec* risk, const std::string& l, const std::string& i,
                const std::string& name, const std::string& title) const;
  Workbook TrainingRegister() const;
  // The roles a competence is required for: its `role`, one or a list.
  static std::vector<std::string> RequiredRoles(const Record& competence);
  // People (rows) by competences (columns): each required competence is
  // competent, expiring, expired, planned or missing; a gap row counts the
  // people of the role who are not (or no longer) competent.
  Sheet SkillsMatrix(const KindSpec& training, const KindSpec& competence,
                     const KindSpec& person) const;
  // One cell of the skills matrix as COUNTIFS over the training sheet,
  // best state first: competent (completed, not failed, no expiry or one
  // past the expiring window), expiring, expired (marked so, or past its
  // expiry), planned; else missing. The as-of date is the cover's (AsOf).
  std::string SkillFormula(std::map<std::string, std::string> on, const std::string& person,
                           const std::string& competence) const;
  Workbook AuditRegister() const;
  // The audit sheet with a count of findings per classification, as
  // COUNTIFS over the Findings sheet so it follows edits there.
  Sheet AuditProgramme(const KindSpec& audit, const KindSpec* finding) const;
  // Clauses (rows) by internal audit periods (columns): audited, planned,
  // or not. An audit naming a clause audits all of it; a parent is audited
  // in a period only when all its leaves are. "Covered in cycle" is the
  // analysis' (every leaf audited in the last 12 months).
  Sheet Coverage(const KindSpec& audit) const;
  Workbook ClauseCoverageRegister() const;
  // KPIs, their measurements, and per process a chart per KPI (9.1).
  Workbook KpiRegister() const;
  // A KPI state column's formula for rows added to its Table.
  std::string TableStateFormula() const;
  Workbook DocumentRegister() const;
  // The Stage 2 populations and a sheet of each one's sample (sampling_workbook.cc).
  Workbook SamplingRegister() const;
  // framework-matrix.xlsx (framework_workbook.cc).
  Workbook FrameworkMatrixRegister() const;
  const Graph& graph_;
  const Analysis& analysis_;
  BuildInfo info_;  // a copy: rows are made later, while the site is written
  Labels labels_;   // a copy, for the same reason
  RegisterRules rules_;
};

}  // namespace smsdoc
