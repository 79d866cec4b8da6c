#pragma once
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "adapters/git.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "cli/commands.h"
#include "pipeline/pipeline.h"
#include "render/theme.h"

namespace smsdoc {

/// What a command works on: the source of the SMS, the model the
/// pipeline made of it, and the theme.
struct Session {
  std::unique_ptr<GitRepo> repo;  ///< null outside git
  std::unique_ptr<Disk> disk;     ///< the work tree, or the tree of --at
  Model model;
  Theme theme;
  const std::string& as_of() const { return model.analysis.as_of; }
};

/// Opens the source (the work tree, or the commit of --at) and runs the
/// pipeline on it, then loads the theme, so one run reports every problem.
/// Returns an exit code for a usage or environment error, else nullopt
/// (diags may hold content errors).
std::optional<int> Prepare(const CommandOptions& options, Session& session, Diagnostics& diags,
                           std::ostream& err);

/// Runs the pipeline on the SMS as it is in `commit` of `repo` (for
/// `smsdoc diff`); no theme. Diagnostics go to `diags`.
void PrepareAt(const GitRepo& repo, const std::string& commit, const std::string& name,
               const CommandOptions& options, Session& session, Diagnostics& diags);

/// The theme named by --theme or smsdoc.yaml's `theme:` over the default.
Theme LoadThemeFor(const CommandOptions& options, const Config& config, Diagnostics& diags);

/// On a terminal, one self-erasing status line says which stage runs, so a
/// long build is visibly alive; piped output stays clean.
class Progress {
 public:
  explicit Progress(std::ostream& err);
  ~Progress() { Show(""); }
  void Show(const std::string& what);

 private:
  std::ostream& err_;
  bool on_;
};

/// Removes what killed builds left beside `out` (write/leftovers.h) and
/// says so on `err`.
void ClearLeftovers(const std::filesystem::path& out, std::ostream& err);

void Print(const Diagnostics& diags, std::ostream& err);
std::string Plural(size_t n, const char* word);
/// "2 errors, 1 warning"
std::string Counts(const Diagnostics& diags);
/// Prints `smsdoc: error: message` and returns kExitUsage.
int Fail(const std::string& message, std::ostream& err);
int Jobs(const CommandOptions& options);
/// Fills `options.as_of` with today (or SOURCE_DATE_EPOCH's date) when not
/// given; an invalid date or SOURCE_DATE_EPOCH is a usage error (the exit
/// code, the reason printed), never a silent 1970-01-01.
std::optional<int> ResolveAsOf(CommandOptions& options, std::ostream& err);

}  // namespace smsdoc
