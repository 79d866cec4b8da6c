#include "load/evidence_files.h"

#include <algorithm>
#include <map>

#include "adapters/sha256.h"
#include "base/parallel.h"
#include "base/text.h"

namespace smsdoc {

namespace {

// 'path', its control characters escaped (appended: GCC 12 misjudges a +
// chain starting with a literal, -Wrestrict).
std::string Quoted(std::string_view path) {
  std::string out = "'";
  out.append(EscapeControl(path)).push_back('\'');
  return out;
}

bool IsAsset(const Corpus& corpus, const std::string& path) {
  return std::binary_search(corpus.assets.begin(), corpus.assets.end(), path);
}

// The file, or a folder holding it, could not be loaded: its own error says why.
bool Unloaded(const Corpus& corpus, const std::string& path) {
  return std::any_of(corpus.unloaded.begin(), corpus.unloaded.end(),
                     [&](const std::string& u) { return path == u || StartsWith(path, u + "/"); });
}

// Why a path is no evidence file, with a likely name when it looks misspelt:
// the copied files of its folder, as the record would write them.
std::string WhyNotFound(const Corpus& corpus, const Disk& disk, const EvidenceFile& file) {
  const std::string shown = Quoted(file.written);
  if (disk.FileSize(file.path)) {
    if (!disk.IsInsideRoot(file.path))
      return shown + " is a symbolic link to a file outside the SMS root; copy the file in";
    return shown +
           " is not a file the site copies: evidence files lie in a content folder and are not "
           "content smsdoc loads (a Markdown document, YAML records, a CSV of measurements); "
           "save it as PDF or text, or move it";
  }
  if (disk.IsFolder(file.path)) return shown + " is a folder; list the files in it";
  const std::string folder = DirName(file.path);
  std::vector<std::string> names;
  for (const auto& asset : corpus.assets)
    if (DirName(asset) == folder)
      names.push_back(asset.substr(folder.empty() ? 0 : folder.size() + 1));
  std::string name = file.path.substr(folder.empty() ? 0 : folder.size() + 1);
  std::string hint;
  if (std::optional<std::string> close = ClosestMatch(name, names)) {
    const std::string& w = file.written;
    size_t slash = w.rfind('/');
    hint = " (did you mean '" + (slash == std::string::npos ? "" : w.substr(0, slash + 1)) +
           *close + "'?)";
  }
  return "no file " + shown + " (" + file.path + " from the SMS root) in the content folders" +
         hint;
}

}  // namespace

std::vector<EvidenceFile> ReadEvidenceFiles(const YamlNode* list, const std::string& path,
                                            Diagnostics& diags) {
  std::vector<EvidenceFile> out;
  if (!list || list->IsNull()) return out;
  const std::string key = kEvidenceFilesKey;
  if (!list->IsSequence()) {
    diags.Error(path, list->pos,
                "'" + key + "' must be a list of paths, got " + DescribeYaml(*list) +
                    " (write one '- path' per line)",
                "evidence-path");
    return out;
  }
  std::map<std::string, Pos> seen;
  for (const YamlNode& item : list->items) {
    std::string written = item.IsScalar() ? std::string(Trim(item.scalar)) : "";
    if (written.empty()) {
      diags.Error(path, item.pos,
                  "items of '" + key + "' must be file paths, got " + DescribeYaml(item),
                  "evidence-path");
      continue;
    }
    const std::string shown = Quoted(written);
    if (written[0] == '/' || written.find('\\') != std::string::npos ||
        (written.size() > 1 && written[1] == ':')) {
      diags.Error(path, item.pos,
                  shown + " is not a relative path: write it relative to this file, with '/'",
                  "evidence-path");
      continue;
    }
    std::string dir = DirName(path);
    std::optional<std::string> norm =
        NormalizeRelativePath(dir.empty() ? written : dir + "/" + written);
    if (!norm || norm->empty()) {
      diags.Error(path, item.pos, shown + " points outside the SMS root", "evidence-path");
      continue;
    }
    auto [it, fresh] = seen.emplace(*norm, item.pos);
    if (!fresh) {
      diags.Error(path, item.pos,
                  shown + " is listed twice in this record (first at line " +
                      std::to_string(it->second.line) + ")",
                  "evidence-duplicate");
      continue;
    }
    out.push_back({written, *norm, item.pos, 0, ""});
  }
  return out;
}

void FindEvidenceFiles(Corpus& corpus, const Disk& disk, int jobs, Diagnostics& diags) {
  std::vector<std::string> paths;  // each file hashed once, however many records list it
  for (Record& record : corpus.records) {
    std::vector<EvidenceFile> found;
    for (EvidenceFile& file : record.evidence_files) {
      if (IsAsset(corpus, file.path)) {
        paths.push_back(file.path);
        found.push_back(std::move(file));
      } else if (!Unloaded(corpus, file.path)) {
        diags.Error(record.path, file.pos, WhyNotFound(corpus, disk, file), "evidence-unknown");
      }
    }
    record.evidence_files = std::move(found);
  }
  std::sort(paths.begin(), paths.end());
  paths.erase(std::unique(paths.begin(), paths.end()), paths.end());
  struct Facts {
    uintmax_t size = 0;
    std::string sha256, problem;
  };
  std::vector<Facts> facts(paths.size());
  ParallelFor(paths.size(), jobs, [&](size_t i) {
    std::optional<std::string> bytes = disk.ReadFile(paths[i]);
    if (!bytes) {
      facts[i].problem = disk.WhyUnreadable(paths[i]);
      return;
    }
    facts[i].size = bytes->size();
    facts[i].sha256 = Sha256Hex(*bytes);
  });
  for (Record& record : corpus.records)
    for (EvidenceFile& file : record.evidence_files) {
      size_t i = static_cast<size_t>(std::lower_bound(paths.begin(), paths.end(), file.path) -
                                     paths.begin());
      if (!facts[i].problem.empty())
        diags.Error(record.path, file.pos,
                    "cannot read '" + EscapeControl(file.written) + "': " + facts[i].problem,
                    "io-read");
      file.size = facts[i].size;
      file.sha256 = facts[i].sha256;
    }
}

}  // namespace smsdoc
