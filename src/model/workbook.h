#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace smsdoc {

/// What Excel cannot hold: a cell keeps at most kMaxCellChars characters
/// (libxlsxwriter counts UTF-8 characters), and dates start at
/// kFirstExcelDate (earlier ones are written as text). check/workbook_limits
/// warns about both; the xlsx adapter applies them.
inline constexpr size_t kMaxCellChars = 32767;
inline constexpr const char* kFirstExcelDate = "1900-01-01";

/// The risk register's "Treatment plan" sheet: risk fields beyond the
/// kind's columns that a workbook shows.
inline const std::vector<std::string> kTreatmentPlanColumns = {"id",
                                                               "type",
                                                               "title",
                                                               "inherent_level",
                                                               "treatment",
                                                               "planned_controls",
                                                               "treatment_owner",
                                                               "due",
                                                               "actions",
                                                               "residual_level",
                                                               "status"};

/// A spreadsheet as plain data: what the registers are before the xlsx
/// adapter writes them. Rows and columns count from 0; the formulas refer
/// to Excel cells, whose rows count from 1 (row 0 of a table sheet is its
/// header, so data row r is Excel row r + 2).
struct Cell {
  enum class Type { kEmpty, kText, kNumber, kDate, kBool, kFormula };
  Type type = Type::kEmpty;
  std::string text;          ///< text; date "YYYY-MM-DD"; the formula ("=F2*G2")
  double number = 0;         ///< number; bool (0 or 1); a formula's numeric result
  bool text_result = false;  ///< the formula's result is `result`, text
  std::string result;
  std::string url;   ///< a hyperlink, relative to the workbook's folder
  std::string fill;  ///< background "#RRGGBB", "" for none
  bool bold = false;

  static Cell Text(std::string t) { return {Type::kText, std::move(t)}; }
  static Cell Number(double n) {
    Cell c{Type::kNumber};
    c.number = n;
    return c;
  }
  static Cell DateCell(std::string iso) { return {Type::kDate, std::move(iso)}; }
  static Cell Bool(bool b) {
    Cell c{Type::kBool};
    c.number = b ? 1 : 0;
    return c;
  }
};

struct Column {
  std::string header;
  double width = 14;
  bool wrap = false;                 ///< long text wraps
  std::vector<std::string> choices;  ///< a drop-down list of allowed values
  bool has_range = false;            ///< whole numbers from min to max
  long min = 0, max = 0;
  /// A computed column's formula in the Excel Table's terms
  /// ("=[@[Likelihood]]*[@[Impact]]"): what Excel fills into a row added to
  /// the table. The rows written hold their own formulas.
  std::string table_formula;
};

/// Colours cells of a column where an Excel formula, written for the first
/// data row, holds (conditional formatting); with `row`, one cell only
/// (row counted like Sheet::rows, on any sheet).
struct Highlight {
  int column = 0;
  std::string formula;
  std::string fill;  ///< "#RRGGBB"
  int row = -1;      ///< -1: every data row of a table sheet
};

/// A workbook-wide name for a cell ("Acceptance" = "='Criteria'!$B$3"), so
/// formulas and colour rules say what they use and an edit of the cell
/// reaches them all.
struct DefinedName {
  std::string name;
  std::string formula;
};

/// One line of a chart: a column of the chart's rows, drawn dashed without
/// markers (a target), or solid with a marker at each value.
struct ChartLine {
  std::string name;
  int column = 0;
  std::string colour;  ///< "#RRGGBB"
  bool dashed = false;
};

/// A native Excel line chart standing on its sheet over that sheet's data
/// rows first_row..last_row (counted like Sheet::rows): categories from
/// `category_column` across, a line per entry of `lines`. Excel redraws it
/// when those cells are edited.
struct Chart {
  std::string title, y_axis;
  int first_row = 0, last_row = 0, category_column = 0;
  std::vector<ChartLine> lines;
  int at_row = 0, at_column = 0;  ///< the cell its top-left corner sits on
};

struct Sheet {
  std::string name;  ///< at most 31 characters, none of []:*?/\ .
  /// A table has a header row (styled, frozen, filtered, repeated on every
  /// printed page) and is an Excel Table, so rows added to it get the drop-
  /// downs, colours and formulas (unless the workbook is too big: see
  /// kTableRows); other sheets (cover, grids) are rows as they are.
  bool is_table = true;
  std::vector<Column> columns;
  std::vector<std::vector<Cell>> rows;
  /// Large sheets make their rows when written instead of holding them:
  /// row_count rows, each from row_at(i). Then `rows` stays empty. row_at
  /// reads the linked model, which must outlive the write stage.
  size_t row_count = 0;
  std::function<std::vector<Cell>(size_t)> row_at;
  std::vector<Highlight> highlights;
  int frozen_columns = 1;  ///< tables: columns kept in view (the ID)
  std::vector<Chart> charts;

  size_t RowCount() const { return row_at ? row_count : rows.size(); }
  std::vector<Cell> Row(size_t i) const { return row_at ? row_at(i) : rows[i]; }
};

/// The words the xlsx writer adds itself, in the workbook's language (the
/// builder fills them from the labels; English by default).
struct WorkbookWords {
  std::string as_of = "As of";  ///< printed header: "As of 2026-11-21"
  std::string revision = "revision";
  std::string not_in_git = "not in git";
  std::string page = "Page", of = "of";  ///< printed footer: "Page 1 of 3"
  std::string column = "Column";         ///< the header of a column without one
};

struct Workbook {
  std::string file;   ///< "risk-register.xlsx"
  std::string title;  ///< "Risk register": properties, footers
  std::string company;
  std::string created;   ///< YYYY-MM-DD stamped as the creation date, so bytes repeat
  std::string revision;  ///< the source revision, for the printed page header
  std::vector<Sheet> sheets;
  std::vector<DefinedName> names;
  WorkbookWords words;
};

}  // namespace smsdoc
