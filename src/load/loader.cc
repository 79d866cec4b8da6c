#include "load/loader.h"

#include "adapters/yaml.h"
#include "base/parallel.h"
#include "base/text.h"
#include "load/config_loader.h"
#include "load/document_loader.h"
#include "load/kinds_loader.h"
#include "load/record_loader.h"

namespace smsdoc {

namespace {

struct SourceFile {
  std::string path;
  enum class Kind { kDocument, kProcess, kRecords } kind;
};

}  // namespace

Corpus LoadCorpus(const Disk& disk, int jobs, Diagnostics& diags) {
  Corpus corpus;
  corpus.kinds = BuiltinKinds();
  std::optional<std::string> config_text = disk.ReadFile(kConfigFile);
  if (!config_text) {
    diags.Error(kConfigFile, {}, "cannot read smsdoc.yaml", "config-missing");
    return corpus;
  }
  YamlNode config_yaml = ParseYaml(*config_text, kConfigFile, 1, diags);
  corpus.config = ParseConfig(config_yaml, diags);
  // Without settings every role would look unknown: fix smsdoc.yaml first.
  if (!config_yaml.IsMap()) return corpus;
  const Config& config = corpus.config;
  if (const YamlNode* kinds = config_yaml.Find("kinds")) ExtendKinds(corpus.kinds, *kinds, config, diags);

  // Content files by kind; every other file in a content folder is an
  // asset, copied to the site as is.
  std::vector<SourceFile> sources;
  auto add_folder = [&](const std::string& dir, SourceFile::Kind kind) {
    for (auto& path : disk.ListFiles(dir)) {
      if (!disk.IsInsideRoot(path)) {
        diags.Error(path, {}, "a symbolic link to a file outside the SMS root; refused",
                    "path-outside");
      } else if (kind == SourceFile::Kind::kRecords
                     ? EndsWith(path, ".yaml") || EndsWith(path, ".yml")
                     : EndsWith(path, ".md")) {
        sources.push_back({path, kind});
      } else {
        corpus.assets.push_back(path);
      }
    }
  };
  for (const auto& [folder, pos] : config.configured_folders) {
    if (!disk.IsFolder(folder))
      diags.Warning(kConfigFile, pos, "content folder '" + folder + "' does not exist",
                    "config-folder");
  }
  add_folder(config.policies_dir, SourceFile::Kind::kDocument);
  add_folder(config.processes_dir, SourceFile::Kind::kProcess);
  add_folder(config.records_dir, SourceFile::Kind::kRecords);
  std::sort(corpus.assets.begin(), corpus.assets.end());

  // Each file is read and parsed once, on any worker; results land by
  // index so the corpus does not depend on scheduling.
  std::vector<Diagnostics> file_diags(sources.size());
  std::vector<std::optional<Document>> documents(sources.size());
  std::vector<std::vector<Record>> records(sources.size());
  std::vector<char> complete(sources.size(), 1);
  ParallelFor(sources.size(), jobs, [&](size_t i) {
    const SourceFile& src = sources[i];
    std::optional<std::string> text = disk.ReadFile(src.path);
    if (!text) {
      file_diags[i].Error(src.path, {}, "cannot read file", "io-read");
      complete[i] = 0;
      return;
    }
    if (src.kind == SourceFile::Kind::kRecords) {
      bool whole = true;
      records[i] = LoadRecords(src.path, *text, config, corpus.kinds, file_diags[i], whole);
      complete[i] = whole;
    } else {
      documents[i] = LoadDocument(src.path, *text,
                                  src.kind == SourceFile::Kind::kProcess, config,
                                  file_diags[i]);
      complete[i] = documents[i].has_value();
    }
  });
  for (size_t i = 0; i < sources.size(); ++i) {
    diags.Merge(std::move(file_diags[i]));
    if (documents[i]) corpus.documents.push_back(std::move(*documents[i]));
    for (auto& r : records[i]) corpus.records.push_back(std::move(r));
    if (!complete[i]) corpus.unloaded.push_back(sources[i].path);
  }
  return corpus;
}

}  // namespace smsdoc
