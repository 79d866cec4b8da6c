#include "load/loader.h"

#include "adapters/yaml.h"
#include "base/parallel.h"
#include "base/text.h"
#include "load/document_loader.h"
#include "load/record_loader.h"

namespace smsdoc {

namespace {

struct SourceFile {
  std::string path;
  enum class Role { kDocument, kProcess, kRecords } role;
};

}  // namespace

Corpus LoadCorpus(const Disk& disk, int jobs, Diagnostics& diags) {
  Corpus corpus;
  corpus.kinds = &BuiltinKinds();
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

  std::vector<SourceFile> sources;
  auto add_documents = [&](const std::string& dir, SourceFile::Role role) {
    for (auto& path : disk.ListFiles(dir)) {
      if (EndsWith(path, ".md"))
        sources.push_back({path, role});
      else
        corpus.assets.push_back(path);
    }
  };
  add_documents(config.policies_dir, SourceFile::Role::kDocument);
  add_documents(config.processes_dir, SourceFile::Role::kProcess);
  for (auto& path : disk.ListFiles(config.records_dir)) {
    if (EndsWith(path, ".yaml") || EndsWith(path, ".yml"))
      sources.push_back({path, SourceFile::Role::kRecords});
  }

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
    if (src.role == SourceFile::Role::kRecords) {
      bool whole = true;
      records[i] = LoadRecords(src.path, *text, config, *corpus.kinds, file_diags[i], whole);
      complete[i] = whole;
    } else {
      documents[i] = LoadDocument(src.path, *text,
                                  src.role == SourceFile::Role::kProcess, config,
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
