#include "cli/commands.h"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include <unistd.h>

#include "base/disk.h"
#include "base/parallel.h"
#include "base/text.h"
#include "check/checks.h"
#include "check/readiness.h"
#include "cli/environment.h"
#include "link/graph.h"
#include "load/loader.h"
#include "render/graph_export.h"
#include "render/site.h"
#include "render/theme.h"
#include "write/site_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

void Print(const Diagnostics& diags, std::ostream& err) {
  for (const auto& d : diags.items()) err << FormatDiagnostic(d) << "\n";
}

std::string Plural(size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

int Fail(const std::string& message, std::ostream& err) {
  err << "smsdoc: error: " << message << "\n";
  return kExitUsage;
}

namespace {

// Everything up to rendering; shared by build and check.
struct Model {
  Corpus corpus;
  Graph graph;
  Theme theme;
  std::string as_of;  ///< the date dates are judged against
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

std::string Counts(const Diagnostics& diags) {
  return Plural(diags.ErrorCount(), "error") + ", " +
         Plural(diags.WarningCount(), "warning");
}

int Jobs(const CommandOptions& options) {
  return options.jobs > 0 ? options.jobs : DefaultJobs();
}

// Runs load, link and check and loads the theme, so that one run reports
// every problem; link copes with a partly loaded corpus. Returns an exit
// code for a usage or environment error, else nullopt (diags may hold
// content errors).
std::optional<int> Prepare(const CommandOptions& options, Model& model,
                           Diagnostics& diags, std::ostream& err) {
  std::error_code ec;
  if (!fs::is_directory(options.root, ec))
    return Fail("SMS root '" + options.root + "' is not a folder", err);
  if (!fs::is_regular_file(fs::path(options.root) / kConfigFile, ec))
    return Fail("no smsdoc.yaml in '" + options.root +
                    "' (run smsdoc in the SMS folder or pass --root DIR)",
                err);
  if (!options.theme.empty() && !fs::is_directory(options.theme, ec))
    return Fail("theme folder '" + options.theme + "' does not exist", err);
  if (!options.as_of.empty() && !IsValidDate(options.as_of))
    return Fail("--as-of must be a date YYYY-MM-DD, got '" + options.as_of + "'", err);

  RealDisk disk(options.root);
  Progress progress(err);
  progress.Show("loading " + options.root);
  model.corpus = LoadCorpus(disk, Jobs(options), diags);
  progress.Show("linking");
  model.graph = LinkCorpus(model.corpus, diags);
  CheckGraph(model.graph, diags);
  model.as_of = options.as_of.empty() ? Today() : options.as_of;
  if (!diags.HasErrors()) CheckReadiness(model.graph, model.as_of, options.strict, diags);

  // --theme is relative to the current folder, `theme:` to the SMS root.
  std::string theme_dir = options.theme;
  if (theme_dir.empty() && !model.corpus.config.theme.empty()) {
    theme_dir = (fs::path(options.root) / model.corpus.config.theme).string();
    if (!fs::is_directory(theme_dir, ec)) {
      diags.Error(kConfigFile, {}, "theme folder '" + model.corpus.config.theme +
                                       "' does not exist", "config-theme");
      theme_dir.clear();
    }
  }
  std::unique_ptr<RealDisk> theme_disk;
  if (!theme_dir.empty()) theme_disk = std::make_unique<RealDisk>(theme_dir);
  model.theme = LoadTheme(theme_disk.get(), theme_dir, diags);
  return std::nullopt;
}

std::string Seconds(std::chrono::steady_clock::time_point start) {
  double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.2f", s);
  return buf;
}

// Renders and writes the site; returns "" or why the site was not written
// (an environment problem; content problems go to diags).
std::string RenderAndWrite(const CommandOptions& options, const Model& model,
                           const BuildTarget& target, Diagnostics& diags, size_t& pages,
                           std::ostream& err) {
  Progress progress(err);
  progress.Show("rendering");
  OutputFiles files = RenderSite(model.graph, model.theme, target.info, Jobs(options), diags);
  if (diags.HasErrors()) return "";
  std::string refusal = CheckOutputFolder(target.site, options.root, target.content_folders);
  if (!refusal.empty()) return refusal;
  progress.Show("writing " + std::to_string(files.size()) + " files");
  std::string error = WriteSite(files, target.site, options.root, Jobs(options), target.info);
  if (!error.empty()) return error + "; the previous site is unchanged";
  for (const auto& f : files)
    if (f.copy_from.empty() && !f.workbook && f.path.size() > 5 &&
        f.path.compare(f.path.size() - 5, 5, ".html") == 0)
      ++pages;
  return "";
}

}  // namespace

int RunBuild(const CommandOptions& options, std::ostream& err, const BuildFollowUp& next) {
  auto start = std::chrono::steady_clock::now();
  Model model;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, model, diags, err)) return *usage;

  const Config& config = model.corpus.config;
  BuildTarget target{options.out.empty() ? fs::path(options.root) / config.output
                                         : fs::path(options.out),
                     {model.as_of, SourceRevision(options.root), SMSDOC_VERSION},
                     {config.policies_dir, config.processes_dir, config.records_dir}};
  size_t pages = 0;
  std::string failure;
  if (!diags.HasErrors() && next.vet) failure = next.vet(target);
  if (!diags.HasErrors() && failure.empty())
    failure = RenderAndWrite(options, model, target, diags, pages, err);
  diags.Sort();
  Print(diags, err);
  if (!failure.empty()) return Fail(failure, err);
  if (diags.HasErrors()) {
    err << "smsdoc: " << Counts(diags) << "; nothing written\n";
    return kExitContent;
  }
  std::string shown = target.site.lexically_normal().generic_string();
  if (shown.empty() || shown.back() != '/') shown += '/';
  err << "built " << pages << " pages in " << Seconds(start) << " s -> " << shown;
  if (diags.WarningCount() > 0) err << " (" << Counts(diags) << ")";
  err << "\n";
  return next.then ? next.then(target) : kExitOk;
}

int RunCheck(const CommandOptions& options, std::ostream& err) {
  Model model;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, model, diags, err)) return *usage;
  diags.Sort();
  Print(diags, err);
  err << "smsdoc: checked " << Plural(model.corpus.documents.size(), "document")
      << " and " << Plural(model.corpus.records.size(), "record") << ": "
      << Counts(diags) << "\n";
  return diags.HasErrors() ? kExitContent : kExitOk;
}

int RunGraph(const CommandOptions& options, std::ostream& out, std::ostream& err) {
  Model model;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, model, diags, err)) return *usage;
  diags.Sort();
  Print(diags, err);
  if (diags.HasErrors()) {
    err << "smsdoc: " << Counts(diags) << "; no graph\n";
    return kExitContent;
  }
  out << (options.format == "dot" ? GraphDot(model.graph) : GraphJson(model.graph));
  return kExitOk;
}

}  // namespace smsdoc
