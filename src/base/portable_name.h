#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

// The site and the pack zip are opened on Windows and macOS: a name that
// cannot exist there, or two names that are one file there, lose a page
// in silence. These rules say which (docs/security.md, "Portable names").

/// Why one file or folder name cannot be held on Windows or in a zip
/// opened there ("holds ':', which Windows refuses in file names"); ""
/// when it can. Refused: control characters, `: ? | * < > " \`, a dot or
/// space at the end, and device names (CON, PRN, AUX, NUL, COM0-9,
/// LPT0-9, in any case, with or without an extension).
std::string NameProblem(std::string_view name);

/// The first unportable name among the '/'-separated parts of a path, as
/// "the file name 'x' holds ..." or "the folder name 'x' ..."; "" if none.
std::string PathProblem(std::string_view path);

/// One key for the names Windows and macOS take for the same file: case
/// folded and precomposed Latin letters decomposed (NFD), so 'RSK-001' and
/// 'rsk-001', or 'é' as one code point and as 'e' with an accent, agree.
std::string PortableKey(std::string_view name);

/// For two names with one PortableKey: "differ only in case, so they are
/// one file on Windows and macOS", or the same for Unicode normalisation.
std::string HowNamesClash(std::string_view a, std::string_view b);

}  // namespace smsdoc
