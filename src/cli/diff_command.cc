// `smsdoc diff REF1 REF2`: what changed in the SMS between two revisions,
// as a summary and a "changes since" page (e.g. since the last audit).
#include <filesystem>
#include <set>

#include "check/changes.h"
#include "cli/prepare.h"
#include "render/changes_page.h"
#include "write/paths.h"
#include "write/site_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

void PrintDocuments(const char* sign, const std::vector<Changes::DocumentChange>& docs,
                    std::ostream& out) {
  for (const auto& d : docs) {
    out << "  " << sign << " " << d.id << "  " << d.title;
    if (!d.version_before.empty() && !d.version_after.empty())
      out << "  " << d.version_before << " -> " << d.version_after;
    else
      out << "  " << d.version_before << d.version_after;
    if (!d.commits.empty()) out << "  (" << Plural(d.commits.size(), "commit") << ")";
    out << "\n";
  }
}

void PrintRecords(const char* sign, const std::vector<Changes::RecordChange>& records,
                  std::ostream& out) {
  for (const auto& r : records)
    out << "  " << sign << " " << r.id << "  " << r.title << "  (" << r.kind << ")\n";
}

void PrintSummary(const Changes& c, const ChangesRange& range, std::ostream& out) {
  out << "Changes from " << range.from << " to " << range.to << ": "
      << Plural(range.commits, "commit") << "\n";
  out << "Documents: " << c.documents_added.size() << " added, " << c.documents_removed.size()
      << " removed, " << c.documents_changed.size() << " changed\n";
  PrintDocuments("+", c.documents_added, out);
  PrintDocuments("-", c.documents_removed, out);
  PrintDocuments("~", c.documents_changed, out);
  out << "Records: " << c.records_added.size() << " added, " << c.records_closed.size()
      << " closed, " << c.records_removed.size() << " removed\n";
  PrintRecords("+", c.records_added, out);
  PrintRecords("x", c.records_closed, out);
  PrintRecords("-", c.records_removed, out);
  out << "Findings: " << c.findings_opened.size() << " opened, " << c.findings_closed.size()
      << " closed\n";
  PrintRecords("+", c.findings_opened, out);
  PrintRecords("x", c.findings_closed, out);
}

}  // namespace

int RunDiff(const CommandOptions& given, std::ostream& out, std::ostream& err) {
  CommandOptions options = given;
  if (std::optional<int> failed = ResolveAsOf(options, err)) return *failed;
  std::string why_not, error;
  std::unique_ptr<GitRepo> repo = GitRepo::Open(options.root, why_not);
  if (!repo)
    return Fail(
        "diff needs the SMS in a git repository ('" + options.root + "' is " + why_not + ")", err);
  std::string from_name = options.revisions.at(0), to_name = options.revisions.at(1);
  std::optional<std::string> from = repo->Resolve(from_name, error);
  if (!from) return Fail(error, err);
  std::optional<std::string> to = repo->Resolve(to_name, error);
  if (!to) return Fail(error, err);

  Session before, after;
  Diagnostics before_diags, after_diags;
  PrepareAt(*repo, *from, from_name, options, before, before_diags);
  PrepareAt(*repo, *to, to_name, options, after, after_diags);
  for (const auto& [name, diags] : {std::pair{from_name, &before_diags}, {to_name, &after_diags}})
    if (diags->HasErrors())
      err << "smsdoc: note: the SMS at " << name << " has " << Plural(diags->ErrorCount(), "error")
          << "; compared what loaded\n";

  std::vector<std::string> commits = repo->CommitsBetween(*from, *to);
  Changes changes = CompareRevisions(before.model.graph, after.model.graph,
                                     std::set<std::string>(commits.begin(), commits.end()));
  ChangesRange range{before.model.corpus.revision, after.model.corpus.revision, commits.size()};
  PrintSummary(changes, range, out);

  Diagnostics diags;
  const Config& config = after.model.corpus.config;
  Theme theme = LoadThemeFor(options, config, diags);
  OutputFiles files = RenderChanges(changes, range, theme, diags);
  diags.Sort();
  Print(diags, err);
  if (diags.HasErrors()) return kExitContent;
  fs::path dir = options.out.empty()
                     ? SiblingPath(fs::path(options.root) / config.output, "-changes")
                     : fs::path(options.out);
  std::string refusal = CheckOutputFolder(dir, options.root, config.ContentFolders());
  if (!refusal.empty()) return Fail(refusal, err);
  // Its manifest names the two revisions compared; the page judges no dates.
  BuildInfo info{"", range.from + ".." + range.to, SMSDOC_VERSION};
  ClearLeftovers(dir, false, err);
  if (std::string failed = WriteSite(files, dir, options.root, Jobs(options), info);
      !failed.empty())
    return Fail(failed, err);
  err << "wrote " << (dir / "index.html").lexically_normal().generic_string() << "\n";
  return kExitOk;
}

}  // namespace smsdoc
