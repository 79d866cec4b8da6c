#include "cli/prepare.h"

#include <chrono>
#include <filesystem>

#include "base/dates.h"
#include "base/parallel.h"
#include "base/terminal.h"
#include "base/text.h"
#include "check/diagnostic_levels.h"
#include "cli/environment.h"
#include "cli/own_outputs.h"
#include "write/leftovers.h"
#include "write/paths.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// The source of the SMS: the work tree, or a commit's tree for --at.
std::optional<int> OpenSource(const CommandOptions& options, Session& session, Source& source,
                              std::ostream& err) {
  session.repo = GitRepo::Open(options.root, source.why_not);
  source.repo = session.repo.get();
  source.work_tree = options.at.empty();
  if (options.at.empty()) {
    std::error_code ec;
    fs::path config = fs::path(options.root) / kConfigFile;
    bool found = fs::is_regular_file(config, ec);
    if (ec && ec != std::errc::no_such_file_or_directory)
      return Fail("cannot read '" + config.string() + "': " + ec.message() +
                      "; give smsdoc read access to the SMS folder",
                  err);
    if (!found)
      return Fail("no smsdoc.yaml in '" + options.root +
                      "' (run smsdoc in the SMS folder or pass --root DIR)",
                  err);
    session.disk = std::make_unique<RealDisk>(options.root);
    if (session.recorder)
      session.disk =
          std::make_unique<RecordingDisk>(std::move(session.disk), "sms", session.recorder);
    if (session.repo) {
      source.commit = session.repo->Head();
      source.revision =
          source.commit.empty() ? "no commit yet" : session.repo->Describe(source.commit, "HEAD");
    }
    source.disk = session.disk.get();
    return std::nullopt;
  }
  if (!session.repo)
    return Fail(
        "--at needs the SMS in a git repository ('" + options.root + "' is " + source.why_not + ")",
        err);
  std::string error;
  std::optional<std::string> resolved = session.repo->Resolve(options.at, error);
  if (!resolved) return Fail(error, err);
  source.commit = *resolved;
  session.disk = session.repo->TreeAt(source.commit);
  if (!session.disk || !session.disk->ReadFile(kConfigFile))
    return Fail("no smsdoc.yaml in '" + options.root + "' at " + options.at, err);
  source.revision = session.repo->Describe(source.commit, options.at);
  source.disk = session.disk.get();
  return std::nullopt;
}

PipelineOptions PipelineOptionsOf(const CommandOptions& options) {
  return {.as_of = options.as_of,
          .jobs = Jobs(options),
          .strict = options.strict,
          .published_only = options.published_only,
          .sample_seed = options.sample_seed};
}

}  // namespace

std::string ThemeDir(const CommandOptions& options, const Config& config) {
  // --theme is relative to the current folder, `theme:` to the SMS root
  // (read from the work tree, also for --at: the theme is presentation).
  if (!options.theme.empty() || config.theme.empty()) return options.theme;
  return (fs::path(options.root) / config.theme).string();
}

Theme LoadThemeFor(const CommandOptions& options, const Config& config, Diagnostics& diags,
                   const std::shared_ptr<ReadRecorder>& recorder) {
  std::string theme_dir = ThemeDir(options, config);
  // Diagnostics name files of `theme:` relative to the SMS root.
  std::string label = options.theme.empty() ? config.theme : options.theme;
  std::error_code ec;
  if (options.theme.empty() && !theme_dir.empty() && !fs::is_directory(theme_dir, ec)) {
    diags.Error(kConfigFile, {}, "theme folder '" + config.theme + "' does not exist",
                "config-theme");
    theme_dir.clear();
  }
  std::unique_ptr<Disk> theme_disk;
  if (!theme_dir.empty()) theme_disk = std::make_unique<RealDisk>(theme_dir);
  if (theme_disk && recorder)
    theme_disk = std::make_unique<RecordingDisk>(std::move(theme_disk), "theme", recorder);
  return LoadTheme(theme_disk.get(), label, diags, config.language, config.language_pos);
}

namespace {
// The command's start: the line waits until it has run for a second.
const auto kStarted = std::chrono::steady_clock::now();
}  // namespace

Progress::Progress(std::ostream& err, bool quiet) : err_(err) {
  if (quiet || !IsTerminal(StandardStream::kError)) return;
  ticker_ = std::thread([this] {
    std::unique_lock lock(mutex_);
    while (!wake_.wait_for(lock, std::chrono::milliseconds(250), [this] { return stopping_; }))
      if (std::chrono::steady_clock::now() - kStarted > std::chrono::seconds(1)) Draw();
  });
}

Progress::~Progress() {
  if (!ticker_.joinable()) return;
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    if (drawn_) err_ << "\r\033[K" << std::flush;
  }
  wake_.notify_one();
  ticker_.join();
}

void Progress::Show(const std::string& stage) {
  std::lock_guard lock(mutex_);
  stage_ = stage;
  done_ = 0;
}

void Progress::Draw() {
  std::string line = "smsdoc: " + stage_;
  if (size_t done = done_.load()) line += " (" + std::to_string(done) + ")";
  err_ << "\r\033[K" << line << "..." << std::flush;
  drawn_ = true;
}

void Print(const Diagnostics& diags, std::ostream& err) {
  for (const auto& d : diags.items()) err << FormatDiagnostic(d) << "\n";
}

std::string SecondsSince(std::chrono::steady_clock::time_point start) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Counts(const Diagnostics& diags) {
  std::string counts =
      Plural(diags.ErrorCount(), "error") + ", " + Plural(diags.WarningCount(), "warning");
  if (diags.IgnoredCount() > 0) counts += ", " + std::to_string(diags.IgnoredCount()) + " ignored";
  return counts;
}

void ClearLeftovers(const fs::path& out, bool quiet, std::ostream& err) {
  fs::path abs = AbsolutePath(out);
  for (const auto& line : RemoveLeftovers(abs.parent_path(), abs))
    if (!quiet || line.rfind("cannot", 0) == 0) err << "smsdoc: " << line << "\n";
}

std::string MissingSms(const std::string& root) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(std::filesystem::path(root) / kConfigFile, ec)) return "";
  return "no smsdoc.yaml in '" + root + "'; run 'smsdoc init' to start an SMS, or pass --root DIR";
}

int Fail(const std::string& message, std::ostream& err) {
  err << "smsdoc: error: " << message << "\n";
  return kExitUsage;
}

std::optional<int> ResolveAsOf(CommandOptions& options, std::ostream& err) {
  if (options.as_of.empty() && !options.as_of_given) {
    std::string error;
    std::optional<std::string> today = Today(error);
    if (!today) return Fail(error, err);
    options.as_of = *today;
    return std::nullopt;
  }
  if (!IsValidDate(options.as_of))
    return Fail(
        "--as-of must be a date YYYY-MM-DD, got '" + options.as_of + "'" +
            (options.as_of.empty() ? " (leave the option out for today)" : DateHint(options.as_of)),
        err);
  return std::nullopt;
}

int Jobs(const CommandOptions& options) { return options.jobs > 0 ? options.jobs : DefaultJobs(); }

std::optional<int> Prepare(const CommandOptions& options, Session& session, Diagnostics& diags,
                           std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.root, ec))
    return Fail("SMS root '" + options.root + "' is not a folder", err);
  if (!options.theme.empty() && !fs::is_directory(options.theme, ec))
    return Fail("theme folder '" + options.theme + "' does not exist", err);
  CommandOptions resolved = options;
  if (std::optional<int> failed = ResolveAsOf(resolved, err)) return failed;

  Source source;
  if (std::optional<int> failed = OpenSource(options, session, source, err)) return failed;
  Progress progress(err, options.quiet);
  progress.Show("loading " + options.root);
  RunPipeline(source, PipelineOptionsOf(resolved), session.model, diags);
  // The label is provenance: say when the files are not the commit's. The
  // outputs of earlier runs lying in the root are not the SMS.
  if (source.repo && source.work_tree &&
      source.repo->HasUncommittedChanges(OwnOutputs(options, session.model.corpus.config)))
    session.model.corpus.revision += " with uncommitted changes";
  session.theme = LoadThemeFor(options, session.model.corpus.config, diags, session.recorder);
  ApplyDiagnosticLevels(session.model.corpus.config, diags);  // the theme's too
  return std::nullopt;
}

void PrepareAt(const GitRepo& repo, const std::string& commit, const std::string& name,
               const CommandOptions& options, Session& session, Diagnostics& diags) {
  session.disk = repo.TreeAt(commit);
  if (!session.disk) {  // a partial clone without the tree
    diags.Error(kConfigFile, {}, "cannot read the tree of " + name, "git-unreadable");
    session.disk = std::make_unique<MemoryDisk>();
  }
  Source source{.disk = session.disk.get(),
                .repo = &repo,
                .commit = commit,
                .revision = repo.Describe(commit, name)};
  PipelineOptions pipeline = PipelineOptionsOf(options);
  pipeline.strict = pipeline.published_only = false;
  RunPipeline(source, pipeline, session.model, diags);
}

}  // namespace smsdoc
