#pragma once
#include <filesystem>
#include <functional>
#include <istream>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/build_info.h"

namespace smsdoc {

/// Options shared by the subcommands, as given on the command line.
struct CommandOptions {
  std::string root = ".";
  std::string out;                          ///< "" = the output folder named in smsdoc.yaml
  std::string theme;                        ///< "" = the theme named in smsdoc.yaml, else default
  int jobs = 0;                             ///< 0 = one per core
  std::string as_of;                        ///< YYYY-MM-DD registers are judged against; "" = today
  bool as_of_given = false;                 ///< --as-of was on the command line (even as "")
  std::string format;                       ///< graph: json or dot; status: text or json
  std::string diagnostics_format = "text";  ///< check: text (stderr); json, sarif, github, gitlab
  std::string report_file;                  ///< check --output: the report there, not on stdout
  bool strict = false;                      ///< missing readiness items are errors
  std::string at;               ///< build the SMS as it is in this git revision; "" = work tree
  bool published_only = false;  ///< leave draft documents out of the site
  bool live_dates = false;      ///< workbooks judge dates by TODAY() when opened
  std::string audience = "internal";   ///< or "auditor": internal pages left out
  std::vector<std::string> fail_on;    ///< status: conditions that make it exit 1
  std::vector<std::string> revisions;  ///< diff: REF1 REF2
  bool quiet = false;                  ///< no progress line, no summary line when all went well
  bool no_cache = false;  ///< build: in full even when nothing changed since the last build
  std::optional<uint64_t> sample_seed;  ///< build, pack: the Stage 2 samples' seed
};

/// `smsdoc init`'s options, as given on the command line.
struct InitOptions {
  std::string dir = ".";
  std::string organization, scope;  ///< "" = not given
  std::vector<std::string> roles;   ///< KEY=Title each; none = not given
  std::string ci = "github";        ///< github, gitlab or none
  bool minimal = false;             ///< smsdoc.yaml and one policy only
  bool force = false;               ///< a folder that is not empty, too
};

/// `smsdoc import`'s options, as given on the command line.
struct ImportOptions {
  std::string dir;         ///< the Markdown set to import
  std::string map;         ///< the mapping file; "" = the built-in rules
  std::string into;        ///< a folder under the policies folder; "" = none
  std::string root = ".";  ///< the SMS
  bool force = false;      ///< overwrite an earlier import-report.md (only that)
  int jobs = 0;
};

/// Exit codes: 0 success (warnings allowed), 1 content errors, 2 usage or
/// environment errors.
enum ExitCode { kExitOk = 0, kExitContent = 1, kExitUsage = 2 };

/// What a build of `options` records, judged as of `as_of` from `revision`;
/// one place, so a build and the replay of an up-to-date one agree.
inline BuildInfo BuildInfoFor(const CommandOptions& options, const std::string& as_of,
                              const std::string& revision) {
  return {as_of, revision, SMSDOC_VERSION, options.live_dates, options.audience == "auditor"};
}

/// Where a build writes and what it records, known once the SMS is loaded.
struct BuildTarget {
  std::filesystem::path site;  ///< the output folder
  BuildInfo info;
  std::vector<std::string> content_folders;  ///< relative to the SMS root
};

/// What a command built on `build` adds (pack, serve): `vet` runs before
/// anything is written and may refuse with a message (a usage error);
/// `then` runs after the site was written and returns the exit code;
/// `seen` gets the diagnostics the build printed, also when it failed.
struct BuildFollowUp {
  std::function<std::string(const BuildTarget&)> vet;
  std::function<int(const BuildTarget&)> then;
  std::function<void(const Diagnostics&)> seen;
};

/// `smsdoc build`: load, link, check, render, write. Diagnostics and the
/// summary go to `err`.
int RunBuild(const CommandOptions& options, std::ostream& err, const BuildFollowUp& next = {});

/// `smsdoc pack`: build, then zip the site for the certification body
/// (docs/evidence.md).
int RunPack(const CommandOptions& options, std::ostream& err);

/// `smsdoc serve`: builds, serves the site on 127.0.0.1:`port` (0: a free
/// one) with live reload, rebuilds when the SMS or theme changes, until
/// SIGINT or SIGTERM (docs/serve.md).
int RunServe(const CommandOptions& options, int port, std::ostream& err);

/// `smsdoc pdf`: build, then print manual.html to PDF (`pdf`, default
/// beside the output folder as OUTPUT-manual.pdf) with a local Chromium:
/// `chromium` names it, else SMSDOC_CHROMIUM, else PATH. None found is a
/// usage error before anything is built.
int RunPdf(const CommandOptions& options, const std::string& pdf, const std::string& chromium,
           std::ostream& err);

/// `smsdoc verify`: checks a site folder or pack zip against its
/// MANIFEST.sha256, and that manifest against `expect` (its SHA-256 as
/// sent apart) when given.
int RunVerify(const std::string& target, const std::optional<std::string>& expect,
              std::ostream& err);

/// `smsdoc check`: load, link and check only; writes nothing. Diagnostics
/// go to `err` as text, or to `out` as JSON or SARIF; the summary to `err`.
int RunCheck(const CommandOptions& options, std::ostream& out, std::ostream& err);

/// `smsdoc graph`: the linked model as JSON or dot on `out`.
int RunGraph(const CommandOptions& options, std::ostream& out, std::ostream& err);

/// `smsdoc status`: a summary on `out` (text or JSON); exit 1 when a
/// condition named in fail_on holds.
int RunStatus(const CommandOptions& options, std::ostream& out, std::ostream& err);

/// `smsdoc report --period P`: the service reports of `period` (of
/// `service` alone when given) on `out`, as text or Markdown
/// (options.format); a bad period or unknown service is a usage error.
int RunReport(const CommandOptions& options, const std::string& period, const std::string& service,
              std::ostream& out, std::ostream& err);

/// `smsdoc diff REF1 REF2`: a summary on `out`, the changes page written
/// to a folder of its own.
int RunDiff(const CommandOptions& options, std::ostream& out, std::ostream& err);

/// `smsdoc init`: writes the starter set into `options.dir`, never over an
/// existing file; a folder that is not empty (but for .git) only with
/// --force. With `interactive`, asks on `out` for the answers not given,
/// reading `in`. Progress on `out`, problems on `err`.
int RunInit(const InitOptions& options, std::istream& in, bool interactive, std::ostream& out,
            std::ostream& err);

/// `smsdoc new TYPE [TITLE]`: writes a new item of the SMS in
/// `options.root` and prints its path on `out`.
int RunNew(const CommandOptions& options, const std::string& type, const std::string& title,
           std::ostream& out, std::ostream& err);

/// `smsdoc schema`: writes JSON Schemas of the SMS in `options.root` to
/// `options.out` (default: ROOT/schemas) and prints each path on `out`.
int RunSchema(const CommandOptions& options, std::ostream& out, std::ostream& err);

/// `smsdoc import DIR`: copies a Markdown set into the policies folder
/// with smsdoc front matter, never over an existing file, and writes
/// import-report.md in the SMS root (docs/import.md). The report's path
/// on `out`, the summary and problems on `err`.
int RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err);

}  // namespace smsdoc
