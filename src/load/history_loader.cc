#include "load/history_loader.h"

#include <functional>
#include <unordered_map>

#include "adapters/yaml.h"
#include "load/document_control.h"
#include "load/front_matter.h"

namespace smsdoc {

namespace {

// What a revision's file said: parsed quietly, since only the current
// version's problems are reported.
struct FileFacts {
  std::string version, approved_on;
  size_t body_hash = 0;
};

FileFacts ReadFacts(const std::string& text) {
  Diagnostics quiet;
  FileFacts facts;
  FrontMatter fm = SplitFrontMatter(text, "", quiet);
  facts.body_hash = std::hash<std::string_view>{}(fm.ok ? fm.body : std::string_view(text));
  if (!fm.ok) return facts;
  YamlNode meta = ParseYaml(fm.yaml, "", 1, quiet);
  if (const YamlNode* v = meta.Find("version"); v && v->IsScalar()) facts.version = v->scalar;
  if (const YamlNode* a = meta.Find("approved_on"); a && a->IsScalar())
    facts.approved_on = a->scalar;
  return facts;
}

std::string Trailer(const GitRevision& g, const std::string& key) {
  for (const auto& [k, v] : g.trailers)
    if (k == key) return v;
  return "";
}

Revision FromGit(const GitRevision& g, const FileFacts& facts) {
  std::string change = Trailer(g, "Change");
  return {.commit = g.commit,
          .path = g.path,
          .date = g.date,
          .author = g.author,
          .summary = change.empty() ? g.subject : change,
          .approved_by = Trailer(g, "Approved-by"),
          .version = facts.version,
          .approved_on = facts.approved_on,
          .body_hash = facts.body_hash};
}

}  // namespace

void LoadHistory(Corpus& corpus, const GitRepo* repo, const std::string& commit,
                 const Disk* work_tree, const std::string& why_not) {
  std::vector<std::vector<GitRevision>> history;
  if (repo && !commit.empty()) {
    std::vector<std::string> paths;
    for (const Document& doc : corpus.documents) paths.push_back(doc.path);
    history = repo->History(commit, paths);
  }
  std::unordered_map<std::string, FileFacts> by_blob;  // renames keep their blob
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    Document& doc = corpus.documents[i];
    if (!repo) doc.control.no_history = why_not;
    if (i < history.size()) {
      for (const GitRevision& g : history[i]) {
        auto it = by_blob.find(g.blob);
        if (it == by_blob.end())
          it = by_blob.emplace(g.blob, ReadFacts(repo->ReadBlob(g.blob).value_or(""))).first;
        doc.control.history.push_back(FromGit(g, it->second));
      }
    }
    if (repo && work_tree) {
      std::optional<std::string> text = work_tree->ReadFile(doc.path);
      FileFacts now = ReadFacts(text.value_or(""));
      const std::vector<Revision>& h = doc.control.history;
      bool committed = !h.empty() && h[0].path == doc.path && h[0].body_hash == now.body_hash &&
                       h[0].version == now.version && h[0].approved_on == now.approved_on;
      if (!committed)
        doc.control.history.insert(
            doc.control.history.begin(),
            {.path = doc.path,
             .summary = h.empty() ? "Not committed yet" : "Uncommitted changes",
             .version = now.version,
             .approved_on = now.approved_on,
             .body_hash = now.body_hash});
    }
    DeriveControl(doc);
  }
}

}  // namespace smsdoc
