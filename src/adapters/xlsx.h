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

}  // namespace smsdoc
