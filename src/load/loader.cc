#include "load/loader.h"

#include <map>

#include "adapters/yaml.h"
#include "base/glob.h"
#include "base/parallel.h"
#include "base/portable_name.h"
#include "base/text.h"
#include "load/commentary_loader.h"
#include "load/config_loader.h"
#include "load/document_loader.h"
#include "load/evidence_files.h"
#include "load/framework_loader.h"
#include "load/import_json.h"
#include "load/import_loader.h"
#include "load/import_plan.h"
#include "load/kind_translations.h"
#include "load/kinds_loader.h"
#include "load/measurement_loader.h"
#include "load/record_loader.h"
#include "load/text_check.h"

namespace smsdoc {

namespace {

struct SourceFile {
  std::string path;
  enum class Kind { kDocument, kProcess, kRecords, kMeasurements, kCommentary, kImport } kind;
  std::string folder;  ///< the content folder it was found in
  int plan = -1;       ///< kImport: the import whose `files` it matches
};

// The first import whose glob matches `path`, or -1.
int MatchingImport(const std::vector<ImportPlan>& plans, const std::string& path) {
  for (size_t i = 0; i < plans.size(); ++i)
    if (GlobMatch(plans[i].spec->files, path)) return static_cast<int>(i);
  return -1;
}

// A name Windows refuses, or two paths that are one file on Windows or
// macOS: a checkout or an unpacked site there would lose one of them in
// silence. Reported at the path; the output names are checked later
// (check/portable_outputs).
void ReportUnportablePaths(std::vector<std::string> paths, Diagnostics& diags) {
  std::sort(paths.begin(), paths.end());
  std::map<std::string, std::string> by_key;
  for (const auto& path : paths) {
    std::string problem = PathProblem(path);
    if (!problem.empty()) diags.Error(path, {1, 1}, problem + "; rename it", "path-portable");
    auto [it, fresh] = by_key.emplace(PortableKey(path), path);
    if (!fresh)
      diags.Error(path, {1, 1},
                  "'" + EscapeControl(path) + "' and '" + EscapeControl(it->second) + "' " +
                      HowNamesClash(path, it->second) + ": rename one",
                  "path-portable");
  }
}

// The extension in lower case ("policy.MD" -> ".md").
std::string Extension(const std::string& path) {
  size_t dot = path.rfind('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return "";
  std::string ext = path.substr(dot);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool IsMarkdown(const std::string& path) {
  std::string ext = Extension(path);
  return ext == ".md" || ext == ".markdown";
}

bool IsYaml(const std::string& path) {
  std::string ext = Extension(path);
  return ext == ".yaml" || ext == ".yml";
}

bool IsCsv(const std::string& path) { return Extension(path) == ".csv"; }
bool IsJson(const std::string& path) { return Extension(path) == ".json"; }

// A folder or entry the walk could not read: nothing in it is loaded, and
// references into it cannot be judged.
void ReportUnreadable(const Unreadable& entry, Corpus& corpus, Diagnostics& diags) {
  diags.Error(entry.path, {},
              "cannot be read: " + entry.reason +
                  "; nothing in it was loaded: give smsdoc read access to it, or move it out "
                  "of the content folders",
              "io-read");
  corpus.unloaded.push_back(entry.path);
}

// Content in the wrong folder would be copied as a plain file and missing
// from every list: say so.
void ReportIgnored(const std::string& path, bool records_folder, Diagnostics& diags) {
  diags.Warning(path, {},
                records_folder
                    ? std::string("a Markdown file in the records folder is not loaded as a "
                                  "document (only YAML records are); move it to a document "
                                  "folder, or it stays a plain file on the site")
                    : std::string("a YAML file in a document folder is not loaded as records "
                                  "(only Markdown documents are); move it to the records "
                                  "folder, or it stays a plain file on the site"),
                "content-ignored");
}

}  // namespace

std::optional<Config> LoadConfigOnly(const Disk& disk) {
  std::optional<std::string> text = disk.ReadFile(kConfigFile);
  if (!text) return std::nullopt;
  Diagnostics diags;
  YamlNode yaml = ParseYaml(*text, kConfigFile, 1, diags);
  if (!yaml.IsMap()) return std::nullopt;
  Config config = ParseConfig(yaml, diags);
  LoadFrameworks(disk, config, diags);
  if (diags.HasErrors()) return std::nullopt;
  return config;
}

Corpus LoadCorpus(const Disk& disk, int jobs, Diagnostics& diags) {
  Corpus corpus;
  corpus.kinds = BuiltinKinds();
  std::optional<std::string> config_text =
      ReadText(disk, kConfigFile, kDefaultFileSizeMb, "config-missing", diags);
  if (!config_text) return corpus;
  int errors_before = diags.ErrorCount();
  YamlNode config_yaml = ParseYaml(*config_text, kConfigFile, 1, diags);
  // Unparsable settings: the parser's error says it all.
  if (config_yaml.IsNull() && diags.ErrorCount() > errors_before) return corpus;
  corpus.config = ParseConfig(config_yaml, diags);
  // Without settings every role would look unknown: fix smsdoc.yaml first.
  if (!config_yaml.IsMap()) return corpus;
  // Catalogues first: documents and kinds name their clauses and controls.
  LoadFrameworks(disk, corpus.config, diags);
  const Config& config = corpus.config;
  // The built-in kinds speak the SMS's language before smsdoc.yaml extends them.
  if (config.language != "en") corpus.kinds = BuiltinKindsIn(config.language);
  if (const YamlNode* kinds = config_yaml.Find("kinds"))
    ExtendKinds(corpus.kinds, *kinds, config, diags);

  const std::vector<ImportPlan> plans = PlanImports(config, corpus.kinds, diags);
  std::vector<char> plan_used(plans.size(), 0);

  // Content files by kind; every other file in a content folder is an
  // asset, copied to the site as is.
  std::vector<SourceFile> sources;
  std::vector<std::string> listed;
  auto add_folder = [&](const std::string& dir, SourceFile::Kind kind) {
    FileList list = disk.ListFiles(dir);
    for (const auto& entry : list.unreadable) ReportUnreadable(entry, corpus, diags);
    const bool records = kind == SourceFile::Kind::kRecords;
    const bool commentary = kind == SourceFile::Kind::kCommentary;
    for (auto& path : list.files) {
      listed.push_back(path);
      if (!disk.IsInsideRoot(path)) {
        diags.Error(path, {},
                    std::string("a symbolic link to a ") +
                        (disk.IsFolder(path) ? "folder" : "file") +
                        " outside the SMS root; refused",
                    "path-outside");
      } else if (disk.IsFolder(path)) {
        // A link to a folder inside the root: not followed, as before.
      } else if (int plan = records ? MatchingImport(plans, path) : -1; plan >= 0) {
        plan_used[plan] = 1;
        if (IsCsv(path) || IsJson(path)) {
          sources.push_back({path, SourceFile::Kind::kImport, dir, plan});
        } else {
          diags.Error(path, {1, 1},
                      "the import '" + plans[plan].spec->files +
                          "' matches this file, but only CSV and JSON exports can be imported",
                      "import-format");
          corpus.unloaded.push_back(path);
        }
      } else if (records ? IsYaml(path) : IsMarkdown(path)) {
        sources.push_back({path, kind, dir});
      } else if (records && IsCsv(path)) {
        sources.push_back({path, SourceFile::Kind::kMeasurements, dir});
      } else {
        if (!commentary && (records ? IsMarkdown(path) : IsYaml(path)))
          ReportIgnored(path, records, diags);
        corpus.assets.push_back(path);
      }
    }
  };
  for (const auto& [folder, pos] : config.configured_folders) {
    if (!disk.IsFolder(folder))
      diags.Warning(kConfigFile, pos, "content folder '" + folder + "' does not exist",
                    "config-folder");
  }
  for (const std::string& dir : config.policies_dirs) add_folder(dir, SourceFile::Kind::kDocument);
  for (const std::string& dir : config.processes_dirs) add_folder(dir, SourceFile::Kind::kProcess);
  for (const std::string& dir : config.records_dirs) add_folder(dir, SourceFile::Kind::kRecords);
  for (const std::string& dir : config.service_reports_dirs)
    add_folder(dir, SourceFile::Kind::kCommentary);
  for (size_t i = 0; i < plans.size(); ++i)
    if (!plan_used[i])
      diags.Warning(kConfigFile, plans[i].spec->files_pos,
                    "the import '" + plans[i].spec->files + "' matches no file in a records folder",
                    "import-unmatched");
  std::sort(corpus.assets.begin(), corpus.assets.end());
  ReportUnportablePaths(std::move(listed), diags);

  // Each file is read and parsed once, on any worker; results land by
  // index so the corpus does not depend on scheduling.
  std::vector<Diagnostics> file_diags(sources.size());
  std::vector<std::optional<Document>> documents(sources.size());
  std::vector<std::vector<Record>> records(sources.size());
  std::vector<std::vector<Measurement>> measurements(sources.size());
  std::vector<std::optional<Commentary>> commentaries(sources.size());
  std::vector<char> complete(sources.size(), 1);
  std::vector<PendingBody> bodies(sources.size());
  ParallelFor(sources.size(), jobs, [&](size_t i) {
    const SourceFile& src = sources[i];
    std::optional<std::string> text =
        ReadText(disk, src.path, config.file_size_mb, "io-read", file_diags[i]);
    if (!text) {
      complete[i] = 0;
      return;
    }
    if (src.kind == SourceFile::Kind::kRecords) {
      bool whole = true;
      records[i] = LoadRecords(src.path, *text, config, corpus.kinds, file_diags[i], whole,
                               &measurements[i]);
      complete[i] = whole;
    } else if (src.kind == SourceFile::Kind::kImport) {
      const ImportPlan& plan = plans[static_cast<size_t>(src.plan)];
      records[i] = IsJson(src.path)
                       ? LoadImportJson(src.path, *text, plan, config, corpus.kinds, file_diags[i])
                       : LoadImportCsv(src.path, *text, plan, config, corpus.kinds, file_diags[i]);
      complete[i] = !file_diags[i].HasErrors();  // rows left out: refs to them cannot be judged
    } else if (src.kind == SourceFile::Kind::kMeasurements) {
      measurements[i] = LoadMeasurementsCsv(src.path, *text, file_diags[i]);
    } else if (src.kind == SourceFile::Kind::kCommentary) {
      commentaries[i] = LoadCommentary(src.path, src.folder, *text, file_diags[i], bodies[i]);
    } else {
      documents[i] = LoadDocumentFields(src.path, *text, src.kind == SourceFile::Kind::kProcess,
                                        config, file_diags[i], bodies[i]);
      complete[i] = documents[i].has_value();
    }
  });
  // Then the Markdown bodies, on worker processes (see RenderBodies).
  std::vector<size_t> owner;  // the source of each pending body
  std::vector<PendingBody> pending;
  for (size_t i = 0; i < sources.size(); ++i) {
    if (!documents[i] && !commentaries[i]) continue;
    owner.push_back(i);
    pending.push_back(std::move(bodies[i]));
  }
  std::vector<PendingBody>().swap(bodies);
  std::vector<Diagnostics> body_diags;
  std::vector<Body> rendered = RenderBodies(pending, config.allow_raw_html, jobs, body_diags);
  std::vector<PendingBody>().swap(pending);
  for (size_t b = 0; b < owner.size(); ++b) {
    Diagnostics& file = file_diags[owner[b]];
    file.Merge(std::move(body_diags[b]));
    if (documents[owner[b]])
      AttachBody(*documents[owner[b]], std::move(rendered[b]), file);
    else
      AttachCommentaryBody(*commentaries[owner[b]], std::move(rendered[b]), file);
  }
  for (size_t i = 0; i < sources.size(); ++i) {
    diags.Merge(std::move(file_diags[i]));
    if (documents[i]) corpus.documents.push_back(std::move(*documents[i]));
    for (auto& r : records[i]) corpus.records.push_back(std::move(r));
    for (auto& m : measurements[i]) corpus.measurements.push_back(std::move(m));
    if (commentaries[i]) corpus.commentaries.push_back(std::move(*commentaries[i]));
    if (!complete[i]) corpus.unloaded.push_back(sources[i].path);
  }
  FindEvidenceFiles(corpus, disk, jobs, diags);
  return corpus;
}

}  // namespace smsdoc
