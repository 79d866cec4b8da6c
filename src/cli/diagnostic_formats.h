#pragma once
#include <map>
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace smsdoc {

/// `smsdoc check --format json` (docs/diagnostics.md): every diagnostic with
/// file, line, column, severity, code and message, then the counts. Line
/// and column are those of the text output, null when unknown.
std::string DiagnosticsJson(const Diagnostics& diags);
/// Its "diagnostics" array alone, for other JSON outputs (`status`).
std::string DiagnosticsJsonArray(const Diagnostics& diags);

/// `smsdoc check --format sarif`: a SARIF 2.1.0 log with one rule per code
/// used. `root_uri` prefixes each file: "" or "sms/" (relative to the
/// current folder, resolved against %SRCROOT%) or an absolute "file:///..."
/// (see SarifRootUri).
std::string DiagnosticsSarif(const Diagnostics& diags, const std::string& root_uri);

/// The SMS root `root` as SARIF's `root_uri`: relative to `cwd` when inside
/// it (GitHub resolves paths from the repository's top folder, where CI
/// runs), else a file: URI; percent-encoded, ending in '/' unless empty.
std::string SarifRootUri(const std::string& root, const std::string& cwd);

/// Whether `head`, the first kDiagnosticsLogHeadSize bytes of a file (or
/// all of a shorter one), begins as DiagnosticsJson or DiagnosticsSarif
/// output always does: a log smsdoc wrote (docs/evidence.md).
bool IsDiagnosticsLogHead(std::string_view head);
inline constexpr size_t kDiagnosticsLogHeadSize = 256;

/// Code -> one-line meaning, read from the table in docs/diagnostics.md
/// (compiled in), so SARIF's rule descriptions are the documented ones.
const std::map<std::string, std::string>& DiagnosticCodeDescriptions();

}  // namespace smsdoc
