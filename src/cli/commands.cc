#include "cli/commands.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/interrupt.h"
#include "base/text.h"
#include "cli/diagnostic_formats.h"
#include "cli/prepare.h"
#include "cli/up_to_date.h"
#include "render/graph_export.h"
#include "render/site.h"
#include "render/theme.h"
#include "write/site_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// Renders the site straight into a fresh folder and swaps it in, with a
// build cache for the next run when `key` is set; returns "" or why the
// site was not written (an environment problem; content problems, template
// errors among them, go to diags).
std::string RenderAndWrite(const CommandOptions& options, const Session& session,
                           const BuildTarget& target, const std::string& key, Diagnostics& diags,
                           size_t& pages, std::ostream& err) {
  std::string refusal = CheckOutputFolder(target.site, options.root, target.content_folders);
  if (!refusal.empty()) return refusal;
  ClearLeftovers(target.site, options.quiet, err);
  SiteWriter writer(target.site, options.root);
  if (std::string error = writer.Begin(); !error.empty())
    return error + "; the previous site is unchanged";
  Progress progress(err, options.quiet);
  progress.Show("rendering and writing");
  const Model& model = session.model;
  std::atomic<size_t> html_pages{0};
  RenderSite(model.graph, model.analysis, session.theme, target.info, Jobs(options), diags,
             [&](const OutputFile& f) {
               if (f.copy_from.empty() && !f.workbook && EndsWith(f.path, ".html")) ++html_pages;
               progress.Advance();
               if (f.copy_from.empty() || (options.at.empty() && !session.recorder))
                 return writer.Add(f);
               // --at: the files to copy are in the commit, not the work tree;
               // and what the cache will compare is read through the disk.
               std::optional<std::string> bytes = session.disk->ReadFile(f.copy_from);
               return bytes ? writer.Add({f.path, std::move(*bytes), ""}) : writer.Add(f);
             });
  if (diags.HasErrors()) return "";  // the writer removes what it wrote
  progress.Show("hashing");
  Diagnostics printed = diags;
  printed.Sort();
  std::string error =
      writer.Finish(target.info, Jobs(options), MakeBuildCache(key, session, html_pages, printed));
  if (!error.empty() && !StartsWith(error, "the new site is in place"))
    return error + "; the previous site is unchanged";
  if (!error.empty()) return error;
  pages = html_pages;
  return "";
}

}  // namespace

int RunBuild(const CommandOptions& options, std::ostream& err, const BuildFollowUp& next) {
  auto start = std::chrono::steady_clock::now();
  if (std::optional<int> done = ReplayIfUpToDate(options, err, next, start)) return *done;
  Session session;
  // A build of the work tree notes what it reads, for the next one's cache.
  if (options.at.empty()) session.recorder = std::make_shared<ReadRecorder>();
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, session, diags, err)) return *usage;

  const Config& config = session.model.corpus.config;
  BuildTarget target{
      options.out.empty() ? fs::path(options.root) / config.output : fs::path(options.out),
      BuildInfoFor(options, session.as_of(), session.model.corpus.revision),
      config.ContentFolders()};
  size_t pages = 0;
  std::string failure;
  if (!diags.HasErrors() && next.vet) failure = next.vet(target);
  if (!diags.HasErrors() && failure.empty())
    failure = RenderAndWrite(options, session, target,
                             BuildKey(options, session.as_of(), target.info.revision,
                                      session.repo ? session.repo->Head() : ""),
                             diags, pages, err);
  diags.Sort();
  Print(diags, err);
  if (next.seen) next.seen(diags);
  if (!failure.empty()) {
    int code = Fail(failure, err);
    // Interrupted while writing: the shells' convention, 128 + the signal.
    return InterruptSignal() ? 128 + InterruptSignal() : code;
  }
  if (diags.HasErrors()) {
    err << "smsdoc: " << Counts(diags) << "; nothing written\n";
    return kExitContent;
  }
  std::string shown = target.site.lexically_normal().generic_string();
  if (shown.empty() || shown.back() != '/') shown += '/';
  if (options.quiet) return next.then ? next.then(target) : kExitOk;
  err << "built " << pages << " pages in " << SecondsSince(start) << " s -> " << shown;
  if (diags.WarningCount() > 0 || diags.IgnoredCount() > 0) err << " (" << Counts(diags) << ")";
  err << "\n";
  return next.then ? next.then(target) : kExitOk;
}

namespace {

// The whole report or nothing: written beside FILE, then renamed over it.
std::string WriteReport(const std::string& file, const std::string& report) {
  std::string partial = file + ".partial";
  {
    std::ofstream out(partial, std::ios::binary | std::ios::trunc);
    out << report;
    if (!out.flush()) {
      std::error_code ignored;
      fs::remove(partial, ignored);
      return "cannot write '" + file + "'";
    }
  }
  std::error_code ec;
  fs::rename(partial, file, ec);
  if (ec) {
    fs::remove(partial, ec);
    return "cannot write '" + file + "': " + ec.message();
  }
  return "";
}

}  // namespace

int RunCheck(const CommandOptions& options, std::ostream& out, std::ostream& err) {
  Session session;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, session, diags, err)) return *usage;
  diags.Sort();
  const std::string& format = options.diagnostics_format;
  std::string cwd = fs::current_path().string();
  // Columns in UTF-16 code units need the lines, as the check read them.
  SourceColumns columns([&](const std::string& path) { return session.disk->ReadFile(path); });
  std::string report;
  if (format == "json")
    report = DiagnosticsJson(diags);
  else if (format == "sarif")
    report = DiagnosticsSarif(diags, SarifRootUri(options.root, cwd), columns, SMSDOC_DOCS_URL);
  else if (format == "github")
    report = DiagnosticsGithub(diags, RootPrefix(options.root, cwd), columns);
  else if (format == "gitlab")
    report = DiagnosticsGitlab(diags, RootPrefix(options.root, cwd));
  if (!options.report_file.empty()) {
    if (format == "text") {
      std::ostringstream text;
      Print(diags, text);
      report = text.str();
    }
    // Written whatever the SMS holds, so CI keeps the exit code.
    if (std::string error = WriteReport(options.report_file, report); !error.empty())
      return Fail(error, err);
  } else if (format == "text") {
    Print(diags, err);
  } else {
    out << report;
  }
  if (!options.quiet)
    err << "smsdoc: checked " << Plural(session.model.corpus.documents.size(), "document")
        << " and " << Plural(session.model.corpus.records.size(), "record") << ": " << Counts(diags)
        << "\n";
  return diags.HasErrors() ? kExitContent : kExitOk;
}

int RunGraph(const CommandOptions& options, std::ostream& out, std::ostream& err) {
  Session session;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, session, diags, err)) return *usage;
  diags.Sort();
  Print(diags, err);
  if (diags.HasErrors()) {
    err << "smsdoc: " << Counts(diags) << "; no graph\n";
    return kExitContent;
  }
  const Model& model = session.model;
  out << (options.format == "dot" ? GraphDot(model.graph) : GraphJson(model.graph, model.analysis));
  return kExitOk;
}

}  // namespace smsdoc
