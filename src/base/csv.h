#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// One field of a CSV file with where it starts (1-based line and byte
/// column of its first character, or of its opening quote).
struct CsvCell {
  std::string text;  ///< unquoted, doubled quotes made single
  Pos pos;
};

/// A syntax problem: a quote that is never closed, or text after a
/// closing quote.
struct CsvProblem {
  Pos pos;
  std::string message;
};

/// A CSV file as rows of positioned cells (RFC 4180: quoted fields,
/// doubled quotes, CRLF or LF, newlines inside quotes; a leading UTF-8
/// byte order mark is skipped). Lines with nothing on them are left out.
struct CsvTable {
  std::vector<std::vector<CsvCell>> rows;
  std::vector<CsvProblem> problems;
};

/// Parses `text` in one pass; never fails, every problem is listed and the
/// rest of the file still read.
CsvTable ParseCsv(std::string_view text);

}  // namespace smsdoc
