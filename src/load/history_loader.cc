#include "load/history_loader.h"

#include <algorithm>
#include <functional>
#include <unordered_map>

#include "base/text.h"
#include "load/front_matter.h"
#include "model/config.h"

namespace smsdoc {

namespace {

// What a revision's file said. Old revisions are not validated, only read:
// a scan of the front matter's top-level lines instead of a YAML parse,
// which would dominate the time of a long history.
struct FileFacts {
  std::string version, approved_on;
  size_t body_hash = 0;
};

std::string ScalarOf(std::string_view line) {
  std::string_view v = Trim(line);
  if (size_t hash = v.find(" #"); hash != std::string_view::npos) v = Trim(v.substr(0, hash));
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return std::string(v);
}

FileFacts ReadFacts(const std::string& text) {
  Diagnostics quiet;
  FileFacts facts;
  FrontMatter fm = SplitFrontMatter(text, "", quiet);
  facts.body_hash = std::hash<std::string_view>{}(fm.ok ? fm.body : std::string_view(text));
  if (!fm.ok) return facts;
  for (std::string_view rest = fm.yaml; !rest.empty();) {
    size_t end = rest.find('\n');
    std::string_view line = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    if (StartsWith(line, "version:")) facts.version = ScalarOf(line.substr(8));
    if (StartsWith(line, "approved_on:")) facts.approved_on = ScalarOf(line.substr(12));
  }
  return facts;
}

// Every value of a trailer, once each; keys compared as git does
// (case-insensitive).
std::vector<std::string> Trailers(const GitRevision& g, std::string_view key) {
  std::vector<std::string> values;
  for (const auto& [k, v] : g.trailers)
    if (EqualsIgnoreCase(k, key) && std::find(values.begin(), values.end(), v) == values.end())
      values.push_back(v);
  return values;
}

Revision FromGit(const GitRevision& g, const FileFacts& facts) {
  std::vector<std::string> change = Trailers(g, "Change");
  return {.commit = g.commit,
          .path = g.path,
          .date = g.date,
          .author = g.author,
          .summary = change.empty() ? g.subject : change.front(),
          .approved_by = Trailers(g, "Approved-by"),
          .version = facts.version,
          .approved_on = facts.approved_on,
          .boundary = g.boundary,
          .body_hash = facts.body_hash};
}

}  // namespace

void LoadHistory(Corpus& corpus, const GitRepo* repo, const std::string& commit,
                 const Disk* work_tree, const std::string& why_not, Diagnostics& diags) {
  // A repository smsdoc cannot read would turn document control off
  // unseen (no changes after approval, `status --fail-on changed` passing).
  if (!repo && why_not != kNotInGit)
    diags.Error(kConfigFile, {}, "no revision history: the SMS is " + why_not, "git-unreadable");
  std::vector<std::vector<GitRevision>> history;
  if (repo && !commit.empty()) {
    std::vector<std::string> paths;
    for (const Document& doc : corpus.documents) paths.push_back(doc.path);
    history = repo->History(commit, paths);
  }
  std::unordered_map<std::string, FileFacts> by_blob;  // renames keep their blob
  bool shallow = false;
  for (size_t i = 0; i < corpus.documents.size(); ++i) {
    Document& doc = corpus.documents[i];
    if (!repo) doc.control.no_history = why_not;
    if (i < history.size()) {
      for (const GitRevision& g : history[i]) {
        auto it = by_blob.find(g.blob);
        if (it == by_blob.end()) {
          std::optional<std::string> text = repo->ReadBlob(g.blob);
          if (!text) continue;  // not in this clone (a partial one): nothing to judge
          it = by_blob.emplace(g.blob, ReadFacts(*text)).first;
        }
        doc.control.history.push_back(FromGit(g, it->second));
        shallow = shallow || g.boundary;
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
  }
  if (shallow)
    diags.Warning(kConfigFile, {},
                  "the repository is a shallow clone: history, approvals and changes before "
                  "its first commit are not seen (fetch the whole history: git fetch --unshallow)",
                  "history-shallow");
}

}  // namespace smsdoc
