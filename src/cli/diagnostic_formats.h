#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// `smsdoc check --format json` (docs/diagnostics.md): every diagnostic with
/// file, line, column, severity, code and message, then the counts. Line
/// and column are those of the text output, null when unknown.
std::string DiagnosticsJson(const Diagnostics& diags);
/// Its "diagnostics" array alone, for other JSON outputs (`status`).
std::string DiagnosticsJsonArray(const Diagnostics& diags);

/// Columns as UTF-16 code units (SARIF's default, GitHub's annotations)
/// from the byte columns diagnostics carry, reading each file once.
/// Without `read`, or for a file it cannot read, the byte column.
class SourceColumns {
 public:
  using Reader = std::function<std::optional<std::string>(const std::string& path)>;
  explicit SourceColumns(Reader read = nullptr) : read_(std::move(read)) {}
  int Utf16(const Diagnostic& d);

 private:
  Reader read_;
  std::map<std::string, std::optional<std::string>> files_;
};

/// A stable identity per diagnostic (code, file, message; not the line),
/// for CI tools that follow a problem across runs.
std::vector<std::string> DiagnosticFingerprints(const Diagnostics& diags);

/// `smsdoc check --format sarif`: a SARIF 2.1.0 log with one rule per code
/// used (description and help from docs/diagnostics.md; `helpUri` under
/// `help_base`, smsdoc's published docs, when set). `root_uri` prefixes
/// each file: "" or "sms/" (relative to the current folder, resolved
/// against %SRCROOT%) or an absolute "file:///..." (see SarifRootUri).
std::string DiagnosticsSarif(const Diagnostics& diags, const std::string& root_uri,
                             SourceColumns& columns, const std::string& help_base = "");

/// `--format github`: one workflow command per diagnostic
/// (`::error file=F,line=L,col=C,title=T::message`), shown by GitHub
/// Actions as annotations on the lines.
std::string DiagnosticsGithub(const Diagnostics& diags, const std::string& root_prefix,
                              SourceColumns& columns);

/// `--format gitlab`: a GitLab Code Quality report (a JSON array).
std::string DiagnosticsGitlab(const Diagnostics& diags, const std::string& root_prefix);

/// The SMS root as a path prefix from `cwd`: "" or "sms/" inside it, else
/// absolute; ending in '/' unless empty.
std::string RootPrefix(const std::string& root, const std::string& cwd);

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
