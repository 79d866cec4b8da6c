#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <unistd.h>

#include "base/disk.h"
#include "base/parallel.h"
#include "check/checks.h"
#include "link/graph.h"
#include "load/loader.h"
#include "render/site.h"
#include "render/theme.h"
#include "write/site_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// Everything up to rendering; shared by build and check.
struct Model {
  Corpus corpus;
  Graph graph;
  Theme theme;
};

// On a terminal, one self-erasing status line says which stage runs, so a
// long build is visibly alive; piped output stays clean.
class Progress {
 public:
  explicit Progress(std::ostream& err) : err_(err), on_(isatty(STDERR_FILENO)) {}
  ~Progress() { Show(""); }
  void Show(const std::string& what) {
    if (!on_) return;
    err_ << "\r\033[K" << (what.empty() ? "" : "smsdoc: " + what + "...") << std::flush;
  }

 private:
  std::ostream& err_;
  bool on_;
};

void Print(const Diagnostics& diags, std::ostream& err) {
  for (const auto& d : diags.items()) err << FormatDiagnostic(d) << "\n";
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string Counts(const Diagnostics& diags) {
  return Plural(diags.ErrorCount(), "error") + ", " +
         Plural(diags.WarningCount(), "warning");
}

int Fail(const std::string& message, std::ostream& err) {
  err << "smsdoc: error: " << message << "\n";
  return kExitUsage;
}

// Runs load, link and check and loads the theme, so that one run reports
// every problem; link copes with a partly loaded corpus. Returns the exit
// code when the build must stop, nullopt when it may render.
std::optional<int> Prepare(const CommandOptions& options, Model& model,
                           Diagnostics& diags, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.root, ec)) {
    return Fail("SMS root '" + options.root + "' is not a folder", err);
  }
  if (!fs::is_regular_file(fs::path(options.root) / kConfigFile, ec)) {
    return Fail("no smsdoc.yaml in '" + options.root +
                    "' (run smsdoc in the SMS folder or pass --root DIR)",
                err);
  }
  int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
  RealDisk disk(options.root);
  Progress progress(err);
  progress.Show("loading " + options.root);
  model.corpus = LoadCorpus(disk, jobs, diags);
  progress.Show("linking " + std::to_string(model.corpus.documents.size() +
                                            model.corpus.records.size()) +
                " items");
  model.graph = LinkCorpus(model.corpus, diags);
  CheckGraph(model.graph, diags);

  std::string theme_dir = options.theme;
  if (theme_dir.empty() && !model.corpus.config.theme.empty())
    theme_dir = (fs::path(options.root) / model.corpus.config.theme).string();
  std::unique_ptr<RealDisk> theme_disk;
  if (!theme_dir.empty()) {
    if (!fs::is_directory(theme_dir, ec))
      return Fail("theme folder '" + theme_dir + "' does not exist", err);
    theme_disk = std::make_unique<RealDisk>(theme_dir);
  }
  model.theme = LoadTheme(theme_disk.get(), theme_dir, diags);
  if (diags.HasErrors()) return kExitContent;
  return std::nullopt;
}

std::string Seconds(std::chrono::steady_clock::time_point start) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

}  // namespace

int RunBuild(const CommandOptions& options, std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  Model model;
  Diagnostics diags;
  std::optional<int> stop = Prepare(options, model, diags, err);
  if (stop && *stop == kExitUsage) return kExitUsage;

  fs::path out = options.out.empty()
                     ? fs::path(options.root) / model.corpus.config.output
                     : fs::path(options.out);
  OutputFiles files;
  if (!stop) {
    int jobs = options.jobs > 0 ? options.jobs : DefaultJobs();
    Progress progress(err);
    progress.Show("rendering");
    files = RenderSite(model.graph, model.theme, jobs, diags);
    progress.Show("writing " + std::to_string(files.size()) + " files");
    if (!diags.HasErrors()) {
      const Config& config = model.corpus.config;
      std::string refusal = CheckOutputFolder(
          out, options.root,
          {config.policies_dir, config.processes_dir, config.records_dir});
      if (!refusal.empty()) {
        diags.Sort();
        Print(diags, err);
        return Fail(refusal, err);
      }
      std::string error = WriteSite(files, out, options.root, jobs);
      progress.Show("");
      if (!error.empty()) {
        diags.Sort();
        Print(diags, err);
        return Fail(error + "; the previous site is unchanged", err);
      }
    }
  }
  diags.Sort();
  Print(diags, err);
  if (diags.HasErrors()) {
    err << "smsdoc: " << Counts(diags) << "; nothing written\n";
    return kExitContent;
  }
  size_t pages = 0;
  for (const auto& f : files)
    if (f.path.size() > 5 && f.path.compare(f.path.size() - 5, 5, ".html") == 0) ++pages;
  std::string shown = out.lexically_normal().generic_string();
  if (shown.empty() || shown.back() != '/') shown += '/';
  err << "built " << pages << " pages in " << Seconds(start) << " s -> " << shown;
  if (diags.WarningCount() > 0) err << " (" << Counts(diags) << ")";
  err << "\n";
  return kExitOk;
}

int RunCheck(const CommandOptions& options, std::ostream& err) {
  Model model;
  Diagnostics diags;
  std::optional<int> stop = Prepare(options, model, diags, err);
  if (stop && *stop == kExitUsage) return kExitUsage;
  diags.Sort();
  Print(diags, err);
  err << "smsdoc: checked " << Plural(model.corpus.documents.size(), "document")
      << " and " << Plural(model.corpus.records.size(), "record") << ": "
      << Counts(diags) << "\n";
  return diags.HasErrors() ? kExitContent : kExitOk;
}

}  // namespace smsdoc
