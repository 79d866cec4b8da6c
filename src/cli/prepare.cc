#include "cli/prepare.h"

#include <filesystem>

#include <unistd.h>

#include "base/dates.h"
#include "base/parallel.h"
#include "base/text.h"
#include "check/checks.h"
#include "check/readiness.h"
#include "cli/environment.h"
#include "load/history_loader.h"
#include "load/loader.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// The source of the SMS: the work tree, or a commit's tree for --at.
std::optional<int> OpenSource(const CommandOptions& options, Model& model, std::string& commit,
                              std::string& why_not, std::ostream& err) {
  model.repo = GitRepo::Open(options.root, why_not);
  if (options.at.empty()) {
    if (!fs::is_regular_file(fs::path(options.root) / kConfigFile))
      return Fail("no smsdoc.yaml in '" + options.root +
                      "' (run smsdoc in the SMS folder or pass --root DIR)",
                  err);
    model.disk = std::make_unique<RealDisk>(options.root);
    if (model.repo) {
      commit = model.repo->Head();
      model.corpus.revision =
          commit.empty() ? "no commit yet" : model.repo->Describe(commit, "HEAD");
    }
    return std::nullopt;
  }
  if (!model.repo)
    return Fail("--at needs the SMS in a git repository ('" + options.root + "' is " +
                    why_not + ")",
                err);
  std::string error;
  std::optional<std::string> resolved = model.repo->Resolve(options.at, error);
  if (!resolved) return Fail(error, err);
  commit = *resolved;
  model.disk = model.repo->TreeAt(commit);
  if (!model.disk || !model.disk->ReadFile(kConfigFile))
    return Fail("no smsdoc.yaml in '" + options.root + "' at " + options.at, err);
  model.corpus.revision = model.repo->Describe(commit, options.at);
  return std::nullopt;
}

void LoadLinkCheck(Model& model, const GitRepo* repo, const std::string& commit,
                   bool work_tree, const std::string& why_not, int jobs, Diagnostics& diags) {
  std::string revision = model.corpus.revision;
  model.corpus = LoadCorpus(*model.disk, jobs, diags);
  model.corpus.revision = revision;
  // The label is provenance: say when the files are not the commit's.
  if (repo && work_tree && repo->HasUncommittedChanges(model.corpus.config.output))
    model.corpus.revision += " with uncommitted changes";
  LoadHistory(model.corpus, repo, commit, work_tree ? model.disk.get() : nullptr, why_not, diags);
  model.graph = LinkCorpus(model.corpus, diags);
  CheckGraph(model.graph, diags);
  model.attention = NeedsAttention(model.graph, model.as_of);
  CheckAttention(model.attention, model.graph, diags);
}

}  // namespace

Theme LoadThemeFor(const CommandOptions& options, const Config& config, Diagnostics& diags) {
  // --theme is relative to the current folder, `theme:` to the SMS root
  // (read from the work tree, also for --at: the theme is presentation).
  std::string theme_dir = options.theme;
  if (theme_dir.empty() && !config.theme.empty()) {
    theme_dir = (fs::path(options.root) / config.theme).string();
    std::error_code ec;
    if (!fs::is_directory(theme_dir, ec)) {
      diags.Error(kConfigFile, {}, "theme folder '" + config.theme + "' does not exist",
                  "config-theme");
      theme_dir.clear();
    }
  }
  std::unique_ptr<RealDisk> theme_disk;
  if (!theme_dir.empty()) theme_disk = std::make_unique<RealDisk>(theme_dir);
  return LoadTheme(theme_disk.get(), theme_dir, diags);
}

Progress::Progress(std::ostream& err) : err_(err), on_(isatty(STDERR_FILENO)) {}

void Progress::Show(const std::string& what) {
  if (!on_) return;
  err_ << "\r\033[K" << (what.empty() ? "" : "smsdoc: " + what + "...") << std::flush;
}

void Print(const Diagnostics& diags, std::ostream& err) {
  for (const auto& d : diags.items()) err << FormatDiagnostic(d) << "\n";
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Counts(const Diagnostics& diags) {
  return Plural(diags.ErrorCount(), "error") + ", " + Plural(diags.WarningCount(), "warning");
}

int Fail(const std::string& message, std::ostream& err) {
  err << "smsdoc: error: " << message << "\n";
  return kExitUsage;
}

int Jobs(const CommandOptions& options) {
  return options.jobs > 0 ? options.jobs : DefaultJobs();
}

std::optional<int> Prepare(const CommandOptions& options, Model& model, Diagnostics& diags,
                           std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.root, ec))
    return Fail("SMS root '" + options.root + "' is not a folder", err);
  if (!options.theme.empty() && !fs::is_directory(options.theme, ec))
    return Fail("theme folder '" + options.theme + "' does not exist", err);
  if (!options.as_of.empty() && !IsValidDate(options.as_of))
    return Fail("--as-of must be a date YYYY-MM-DD, got '" + options.as_of + "'", err);
  model.as_of = options.as_of.empty() ? Today() : options.as_of;

  std::string commit, why_not;
  if (std::optional<int> failed = OpenSource(options, model, commit, why_not, err))
    return failed;
  Progress progress(err);
  progress.Show("loading " + options.root);
  LoadLinkCheck(model, model.repo.get(), commit, options.at.empty(), why_not, Jobs(options),
                diags);
  if (!diags.HasErrors()) CheckReadiness(model.graph, model.as_of, options.strict, diags);

  model.theme = LoadThemeFor(options, model.corpus.config, diags);
  return std::nullopt;
}

void PrepareAt(const GitRepo& repo, const std::string& commit, const std::string& name,
               int jobs, Model& model, Diagnostics& diags) {
  model.disk = repo.TreeAt(commit);
  if (!model.disk) {  // a partial clone without the tree
    diags.Error(kConfigFile, {}, "cannot read the tree of " + name, "git-unreadable");
    model.disk = std::make_unique<MemoryDisk>();
  }
  model.corpus.revision = repo.Describe(commit, name);
  LoadLinkCheck(model, &repo, commit, false, "", jobs, diags);
}

}  // namespace smsdoc
