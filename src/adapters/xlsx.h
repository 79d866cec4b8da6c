#pragma once
#include <string>

#include "model/workbook.h"

namespace smsdoc {

/// Writes `workbook` to `path` with libxlsxwriter in constant-memory mode,
/// keeping its temporary files in `tmpdir`. Text is always written as text,
/// never as a formula. Returns "" or what went wrong.
std::string WriteXlsx(const Workbook& workbook, const std::string& path, const std::string& tmpdir);

/// A name Excel accepts for a sheet: at most 31 bytes (whole UTF-8
/// characters), none of []:*?/\ (replaced by '-'), no apostrophe at either end.
std::string ValidSheetName(const std::string& wanted);

/// Excel's name for a column: 0 -> "A", 26 -> "AA".
std::string ColumnLetters(int column);

/// The lines `text` takes in a wrapped column `width` characters wide,
/// breaking at spaces (and inside words longer than a line) and at each
/// newline. libxlsxwriter does not fit rows to their text; the writer sets
/// each row's height from this, erring towards a line too many.
int WrappedLines(const std::string& text, double width);

/// Workbooks with more table rows than this are written in libxlsxwriter's
/// constant-memory mode, which cannot make Excel Tables: their sheets are
/// plain ranges with an autofilter. Smaller ones (every register a person
/// keeps by hand) are Tables.
inline constexpr size_t kTableRows = 5000;

/// The print scale of every sheet: 11 pt Calibri at 75% prints at 8.25 pt,
/// the smallest an auditor reads comfortably. Sheets print across as many
/// A4 landscape pages as they need, with the header row and the ID column
/// repeated on each.
inline constexpr int kPrintScale = 75;

}  // namespace smsdoc
