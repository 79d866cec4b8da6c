// `smsdoc import`: another Markdown set moved into the SMS (docs/import.md).
// Everything is planned first and nothing is written when any file to
// write exists already; files go through write/new_file.h (O_EXCL).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "adapters/yaml.h"
#include "base/disk.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/prepare.h"
#include "import/plan.h"
#include "import/report.h"
#include "load/loader.h"
#include "write/new_file.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

bool IsMarkdown(const fs::path& path) {
  std::string ext = path.extension().string();
  return EqualsIgnoreCase(ext, ".md") || EqualsIgnoreCase(ext, ".markdown");
}

std::optional<std::string> ReadWhole(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// The files under `dir`, sorted, hidden files and folders (.git) left out.
// False (with `error`) when the folder cannot be read.
bool ListSource(const fs::path& dir, ImportInput& input, std::string& error) {
  std::error_code ec;
  std::vector<std::string> markdown;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::string name = it->path().filename().string();
    if (StartsWith(name, ".")) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string rel = it->path().lexically_relative(dir).generic_string();
    (IsMarkdown(it->path()) ? markdown : input.other_files).push_back(rel);
  }
  if (ec) {
    error = "cannot read '" + dir.string() + "': " + ec.message();
    return false;
  }
  std::sort(markdown.begin(), markdown.end());
  std::sort(input.other_files.begin(), input.other_files.end());
  for (const std::string& rel : markdown) {
    std::optional<std::string> bytes = ReadWhole(dir / rel);
    if (!bytes) {
      error = "cannot read '" + (dir / rel).string() + "'";
      return false;
    }
    input.markdown.push_back({rel, std::move(*bytes)});
  }
  return true;
}

}  // namespace

int RunImport(const ImportOptions& options, std::ostream& out, std::ostream& err) {
  fs::path root = options.root, dir = options.dir;
  if (std::string why = MissingSms(options.root); !why.empty()) return Fail(why, err);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Fail("'" + options.dir + "' is not a folder", err);
  std::optional<std::string> into = NormalizeRelativePath(options.into);
  if (!options.into.empty() && (!into || options.into[0] == '/' || into->empty()))
    return Fail("--into must be a folder inside the policies folder, got '" + options.into + "'",
                err);

  ImportInput input;
  input.into = into.value_or("");
  RealDisk disk(root);
  Diagnostics sms_diags;  // the SMS's own problems are for 'smsdoc check'
  Corpus corpus = LoadCorpus(disk, Jobs(CommandOptions{}), sms_diags);
  input.config = corpus.config;
  for (const Document& d : corpus.documents) input.taken_ids.insert(d.id);
  for (const Record& r : corpus.records) input.taken_ids.insert(r.id);

  if (!options.map.empty()) {
    std::optional<std::string> text = ReadWhole(options.map);
    if (!text) return Fail("cannot read the mapping file '" + options.map + "'", err);
    Diagnostics diags;
    YamlNode yaml = ParseYaml(*text, options.map, 1, diags);
    input.mapping = ParseMapping(yaml, options.map, input.config.RoleKeys(), diags);
    if (diags.HasErrors()) {
      diags.Sort();
      Print(diags, err);
      return Fail("the mapping file has errors; nothing written", err);
    }
  }
  std::string error;
  if (!ListSource(dir, input, error)) return Fail(error, err);
  if (input.markdown.empty()) return Fail("no Markdown files in '" + options.dir + "'", err);

  ImportPlan plan = PlanImport(input);
  if (!plan.problems.empty()) {
    for (const std::string& p : plan.problems) err << "smsdoc: error: " << p << "\n";
    return Fail("nothing written", err);
  }
  // All or nothing: every path is free, else nothing is written.
  std::vector<std::string> targets;
  for (const ImportedDocument& d : plan.documents) targets.push_back(d.target);
  for (const ImportedAsset& a : plan.assets) targets.push_back(a.target);
  std::set<std::string> seen;
  for (const std::string& t : targets) {
    if (!seen.insert(t).second)
      return Fail("two source files would both be '" + t + "'; nothing written", err);
    if (fs::exists(root / t, ec) || fs::is_symlink(root / t, ec))
      return Fail("'" + (root / t).lexically_normal().string() +
                      "' exists; nothing written (import into another folder with --into, or "
                      "remove the earlier import)",
                  err);
  }
  fs::path report = root / kImportReport;
  if (fs::exists(report, ec) && !options.force)
    return Fail("'" + report.lexically_normal().string() +
                    "' exists; nothing written (--force replaces the report, never a document)",
                err);

  auto write = [&](const std::string& target, std::string_view bytes) {
    if (CreateNewFile(root / target, bytes, error) == NewFileResult::kWritten) return true;
    error = "cannot write '" + (root / target).lexically_normal().string() + "'" +
            (error.empty() ? ": it exists" : ": " + error);
    return false;
  };
  for (const ImportedDocument& d : plan.documents)
    if (!write(d.target, d.bytes)) return Fail(error, err);
  for (const ImportedAsset& a : plan.assets) {
    std::optional<std::string> bytes = ReadWhole(dir / a.source);
    if (!bytes) return Fail("cannot read '" + (dir / a.source).string() + "'", err);
    if (!write(a.target, *bytes)) return Fail(error, err);
  }
  std::string text = ImportReport(plan, options.dir);
  if (fs::exists(report, ec)) {
    std::ofstream replace(report, std::ios::binary | std::ios::trunc);
    replace << text;
    if (!replace.flush()) return Fail("cannot write '" + report.string() + "'", err);
  } else if (!write(kImportReport, text)) {
    return Fail(error, err);
  }
  err << "smsdoc: " << ImportSummary(plan) << "; review " << report.lexically_normal().string()
      << ", then run 'smsdoc check'\n";
  out << report.lexically_normal().string() << "\n";
  return kExitOk;
}

}  // namespace smsdoc
