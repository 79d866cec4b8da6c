#pragma once
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "adapters/git.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "cli/commands.h"
#include "load/recording_disk.h"
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
  /// When set (a build of the work tree), every read of the SMS and the
  /// theme is noted here for the build cache.
  std::shared_ptr<ReadRecorder> recorder;
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

/// The theme named by --theme or smsdoc.yaml's `theme:` over the default,
/// its reads noted in `recorder` when given.
Theme LoadThemeFor(const CommandOptions& options, const Config& config, Diagnostics& diags,
                   const std::shared_ptr<ReadRecorder>& recorder = nullptr);

/// The theme folder a build reads: --theme, else `theme:` under the root;
/// "" for the default theme alone.
std::string ThemeDir(const CommandOptions& options, const Config& config);

/// On a terminal, once the command has run for a second, one self-erasing
/// status line says which stage runs and how far it is ("rendering and
/// writing (1200)"), so a long build is visibly alive;
/// nothing when stderr is piped or with --quiet. A thread redraws it four times a second.
class Progress {
 public:
  Progress(std::ostream& err, bool quiet);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;
  /// A new stage, its count back at zero.
  void Show(const std::string& stage);
  /// One more done in this stage; safe from any thread.
  void Advance() { done_.fetch_add(1, std::memory_order_relaxed); }

 private:
  void Draw();

  std::ostream& err_;
  std::mutex mutex_;  // guards the stage, the screen and stopping
  std::condition_variable wake_;
  std::string stage_;
  std::atomic<size_t> done_{0};
  bool drawn_ = false, stopping_ = false;
  std::thread ticker_;
};

/// Removes what killed builds left beside `out` (write/leftovers.h) and
/// says so on `err` (with `quiet`, only what it could not remove).
void ClearLeftovers(const std::filesystem::path& out, bool quiet, std::ostream& err);

void Print(const Diagnostics& diags, std::ostream& err);
/// "0.42": seconds since `start`, for summary lines.
std::string SecondsSince(std::chrono::steady_clock::time_point start);
std::string Plural(size_t n, const char* word);
/// "2 errors, 1 warning"
std::string Counts(const Diagnostics& diags);
/// Prints `smsdoc: error: message` and returns kExitUsage.
int Fail(const std::string& message, std::ostream& err);
/// "" when `root` holds smsdoc.yaml, else why a command that adds to an
/// SMS (new, import, schema) cannot start there.
std::string MissingSms(const std::string& root);
int Jobs(const CommandOptions& options);
/// Fills `options.as_of` with today (or SOURCE_DATE_EPOCH's date) when not
/// given; an invalid date or SOURCE_DATE_EPOCH is a usage error (the exit
/// code, the reason printed), never a silent 1970-01-01.
std::optional<int> ResolveAsOf(CommandOptions& options, std::ostream& err);

}  // namespace smsdoc
