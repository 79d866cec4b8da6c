#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace smsdoc {

/// Why a Markdown body is refused before parsing, and where (in the body).
struct MarkdownTooComplex {
  int line = 0;  ///< 1-based line of the body
  int col = 0;   ///< 1-based byte column
  std::string message;
};

/// The limits, per file; each bounds one class of input on which Debian's
/// cmark-gfm 0.29.0.gfm.6 needs time quadratic in its size (the cases fixed
/// upstream later: CVE-2023-22483, -22484, -22486, -24824, -26485, -37463).
/// With them no body under the size limit keeps the parser busy for more
/// than about two seconds (docs/PERFORMANCE.md has the measurements).
struct MarkdownLimits {
  int nesting = 32;                          ///< block quotes and lists inside each other
  long long nested_line_steps = 64000000;    ///< blank and lazy lines times the lists open
  long long table_cells = 1000000;           ///< rows times columns, every table of the file
  int table_columns = 256;                   ///< columns of one table
  long long html_scan_bytes = 256000000;     ///< unclosed `<?`, `<!X`, `<![CDATA[` to their end
  long long image_bracket_steps = 16000000;  ///< open `![` at each link that closes
};

/// Finds the first limit the body passes, in one linear pass over `text`
/// (a lexical estimate of what cmark-gfm will do: ordinary documents stay
/// far below every limit). nullopt when the body may be parsed.
std::optional<MarkdownTooComplex> FindMarkdownTooComplex(std::string_view text,
                                                         const MarkdownLimits& limits = {});

}  // namespace smsdoc
