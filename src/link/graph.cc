#include "link/graph.h"

#include <algorithm>
#include <set>

#include "base/text.h"
#include "model/urls.h"

namespace smsdoc {

namespace {

class Linker {
 public:
  Linker(const Corpus& corpus, Diagnostics& diags) : corpus_(corpus), diags_(diags) {
    graph_.corpus = &corpus;
  }

  Graph Run() {
    AddNodes();
    graph_.links.resize(graph_.nodes.size());
    graph_.backlinks.resize(graph_.nodes.size());
    for (size_t n = 0; n < graph_.nodes.size(); ++n) {
      int node = static_cast<int>(n);
      graph_.links[n] = Resolve(graph_.PathOf(node), graph_.RefsOf(node), node);
    }
    for (const Commentary& c : corpus_.commentaries)
      graph_.commentary_links.push_back(Resolve(c.path, c.refs, -1));
    for (auto& list : graph_.backlinks) {
      std::sort(list.begin(), list.end(), [&](const Backlink& a, const Backlink& b) {
        return std::tie(graph_.nodes[a.source].id, a.relation) <
               std::tie(graph_.nodes[b.source].id, b.relation);
      });
      list.erase(std::unique(list.begin(), list.end(),
                             [](const Backlink& a, const Backlink& b) {
                               return a.source == b.source && a.relation == b.relation;
                             }),
                 list.end());
    }
    return std::move(graph_);
  }

 private:
  void AddNode(Node node, const std::string& path, Pos pos) {
    int index = static_cast<int>(graph_.nodes.size());
    if (!node.id.empty()) {
      auto [it, inserted] = graph_.by_id.emplace(node.id, index);
      if (!inserted) {
        int first = it->second;
        diags_.Error(path, pos,
                     "duplicate ID '" + node.id + "', also used by " + graph_.PathOf(first),
                     "id-duplicate");
      }
    }
    graph_.nodes.push_back(std::move(node));
  }

  void AddNodes() {
    for (size_t i = 0; i < corpus_.documents.size(); ++i) {
      const Document& d = corpus_.documents[i];
      doc_by_path_[d.path] = static_cast<int>(i);
      AddNode({d.is_process ? Node::Type::kProcess : Node::Type::kDocument, i, d.id, d.title,
               DocumentUrl(d.path)},
              d.path, d.id_pos);
    }
    for (size_t i = 0; i < corpus_.records.size(); ++i) {
      const Record& r = corpus_.records[i];
      records_by_path_[r.path].push_back(static_cast<int>(graph_.nodes.size()));
      // An imported record is a row of its register, linked by its anchor.
      std::string url =
          r.imported ? KindUrl(r.kind->name) + "#" + r.id : RecordUrl(r.kind->name, r.id);
      AddNode({Node::Type::kRecord, i, r.id, r.title, std::move(url)}, r.path, r.pos);
    }
    for (const auto& a : corpus_.assets) assets_.insert(a);
    for (const auto& [id, node] : graph_.by_id) ids_.push_back(id);
    std::sort(ids_.begin(), ids_.end());
  }

  // The links of `refs`, written in `path`; those of `node` (-1: a file
  // that is no node, such as a commentary) are its targets' backlinks.
  std::vector<Link> Resolve(const std::string& path, const std::vector<Reference>& refs, int node) {
    std::vector<Link> links;
    for (const Reference& ref : refs) {
      Link link;
      bool anchor_checked = false;  // a records file's '#ID' names a record
      if (ref.by_path) {
        link = ResolvePath(path, ref, anchor_checked);
      } else {
        auto it = graph_.by_id.find(ref.target);
        if (ref.target.empty()) {
          diags_.Error(path, ref.pos, "'[[...]]' needs an ID before '|' or '#'", "ref-unknown");
        } else if (it == graph_.by_id.end()) {
          // Said only when every file loaded: else the ID may be in one that did not.
          if (corpus_.unloaded.empty() && !Withheld(ref.target))
            diags_.Error(path, ref.pos,
                         "unknown reference '" + ref.target + "'" + SuggestId(ref.target),
                         "ref-unknown");
        } else {
          link.target = it->second;
          link.url = graph_.nodes[it->second].url;
        }
      }
      if (link.target >= 0 && !ref.anchor.empty() && !anchor_checked) CheckAnchor(path, ref, link);
      if (link.target >= 0 && node >= 0 && link.target != node)
        graph_.backlinks[link.target].push_back({node, ref.relation});
      links.push_back(std::move(link));
    }
    return links;
  }

  // The file, or a folder holding it, could not be loaded.
  bool Unloaded(const std::string& path) const {
    return std::any_of(corpus_.unloaded.begin(), corpus_.unloaded.end(), [&](const std::string& u) {
      return path == u || StartsWith(path, u + "/");
    });
  }

  bool Withheld(const std::string& id_or_path) const {
    return std::find(corpus_.withheld.begin(), corpus_.withheld.end(), id_or_path) !=
           corpus_.withheld.end();
  }

  // GitHub shows a folder's README: a link to a folder holding one (or an
  // index.md) leads to that document, as it does there.
  const std::string* FolderDocument(const std::string& target) const {
    for (const char* name : {"README.md", "readme.md", "index.md"}) {
      auto it = doc_by_path_.find(target.empty() ? name : target + "/" + name);
      if (it != doc_by_path_.end()) return &it->first;
    }
    return nullptr;
  }

  Link ResolvePath(const std::string& path, const Reference& ref, bool& anchor_checked) {
    Link link;
    auto it = doc_by_path_.find(ref.target);
    if (it == doc_by_path_.end() && IsFolder(ref.target))
      if (const std::string* readme = FolderDocument(ref.target)) it = doc_by_path_.find(*readme);
    if (it != doc_by_path_.end()) {
      link.target = it->second;
      link.url = graph_.nodes[it->second].url;
    } else if (auto file = records_by_path_.find(ref.target); file != records_by_path_.end()) {
      anchor_checked = true;
      link = ResolveRecordsFile(path, ref, file->second);
    } else if (assets_.count(ref.target)) {
      link.url = ref.target;
      link.anchor = ref.anchor;
      link.file = true;
    } else if (Unloaded(ref.target) || Withheld(ref.target)) {
      // Exists, but failed to load (its own errors say why) or is a draft
      // left out of the published site.
    } else if (IsFolder(ref.target)) {
      diags_.Error(path, ref.pos,
                   ref.target.empty()
                       ? "link to the SMS root folder: link to a document or file in it"
                       : "link to the folder '" + ref.target +
                             "': a folder has a page only when it holds a README.md (or readme.md, "
                             "index.md) document; link to a document or file in it, or add one",
                   "link-unknown");
    } else {
      std::vector<std::string> known;
      for (const auto& [p, i] : doc_by_path_) known.push_back(p);
      known.insert(known.end(), assets_.begin(), assets_.end());
      std::sort(known.begin(), known.end());
      diags_.Error(path, ref.pos,
                   "link to '" + ref.target +
                       "' matches no document or file in the content folders" +
                       DidYouMean(ref.target, known),
                   "link-unknown");
    }
    return link;
  }

  // A records file has no page of its own: `file.yaml#ID` leads to that
  // record's page, the file to its kind's register page when all its
  // records are of one kind; else the author must say which.
  Link ResolveRecordsFile(const std::string& path, const Reference& ref,
                          const std::vector<int>& records) {
    Link link;
    std::vector<std::string> ids, kinds;
    for (int node : records) {
      ids.push_back(graph_.nodes[node].id);
      const std::string& kind = corpus_.records[graph_.nodes[node].index].kind->name;
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
      if (!ref.anchor.empty() && ids.back() == ref.anchor) {
        link.target = node;
        link.url = graph_.nodes[node].url;
      }
    }
    if (!ref.anchor.empty() && link.target < 0) {
      diags_.Error(path, ref.pos,
                   "no record '" + ref.anchor + "' in '" + ref.target + "'" +
                       DidYouMean(ref.anchor, ids) +
                       ": after '#' name the ID of one of its records",
                   "anchor-unknown");
    } else if (ref.anchor.empty() && kinds.size() == 1) {
      link.url = KindUrl(kinds[0]);
    } else if (ref.anchor.empty()) {
      std::sort(kinds.begin(), kinds.end());
      diags_.Error(path, ref.pos,
                   "link to '" + ref.target + "': it holds records of several kinds (" +
                       Join(kinds, ", ") +
                       "), so no one page lists them; link a record by its ID (" + "[[" + ids[0] +
                       "]]) or add '#" + ids[0] + "' to the link",
                   "link-records-file");
    }
    return link;
  }

  bool IsFolder(const std::string& target) const {
    std::string prefix = target.empty() ? "" : target + "/";
    auto under = [&](const std::string& p) { return StartsWith(p, prefix); };
    return std::any_of(doc_by_path_.begin(), doc_by_path_.end(),
                       [&](const auto& entry) { return under(entry.first); }) ||
           std::any_of(assets_.begin(), assets_.end(), under);
  }

  void CheckAnchor(const std::string& path, const Reference& ref, Link& link) {
    const Node& target = graph_.nodes[link.target];
    std::vector<std::string> anchors;
    if (target.type != Node::Type::kRecord) {
      for (const auto& h : corpus_.documents[target.index].body.headings)
        anchors.push_back(h.anchor);
    }
    if (std::find(anchors.begin(), anchors.end(), ref.anchor) == anchors.end()) {
      diags_.Error(path, ref.pos,
                   "unknown anchor '#" + ref.anchor + "' in '" + target.id + "'" +
                       DidYouMean(ref.anchor, anchors),
                   "anchor-unknown");
      return;
    }
    link.anchor = ref.anchor;
  }

  const Corpus& corpus_;
  Diagnostics& diags_;
  Graph graph_;
  std::unordered_map<std::string, int> doc_by_path_;
  std::unordered_map<std::string, std::vector<int>> records_by_path_;  ///< nodes, file order
  std::set<std::string> assets_;
  std::vector<std::string> ids_;
  // A bulk rename leaves the same unknown ID in many files: one search each.
  std::unordered_map<std::string, std::string> suggestions_;

  // Each search looks at every ID; past this many looks in one run (about a
  // second's work: 20,000 unknown IDs among 10,000) the rest go without.
  static constexpr size_t kSuggestionBudget = 200'000'000;
  size_t suggestion_looks_ = 0;

  const std::string& SuggestId(const std::string& id) {
    auto it = suggestions_.find(id);
    if (it != suggestions_.end()) return it->second;
    std::string suggestion;
    if (suggestion_looks_ + ids_.size() <= kSuggestionBudget) {
      suggestion_looks_ += ids_.size();
      suggestion = DidYouMean(id, ids_);
    }
    return suggestions_.emplace(id, std::move(suggestion)).first->second;
  }
};

}  // namespace

const std::vector<Reference>& Graph::RefsOf(int node) const {
  const Node& n = nodes[node];
  return n.type == Node::Type::kRecord ? corpus->records[n.index].refs
                                       : corpus->documents[n.index].refs;
}

std::string Graph::PathOf(int node) const {
  const Node& n = nodes[node];
  return n.type == Node::Type::kRecord ? corpus->records[n.index].path
                                       : corpus->documents[n.index].path;
}

int Graph::RefTarget(int node, const std::string& field) const {
  const auto& refs = RefsOf(node);
  for (size_t i = 0; i < refs.size(); ++i) {
    if (refs[i].relation != field) continue;
    int target = links[node][i].target;
    return target >= 0 && nodes[target].type == Node::Type::kRecord ? target : -1;
  }
  return -1;
}

const FieldValue* Graph::LookUp(int node, const FieldSpec& spec, int& target) const {
  target = spec.of.empty() ? -1 : RefTarget(node, spec.of[0]);
  return target < 0 ? nullptr : corpus->records[nodes[target].index].Field(spec.lookup);
}

// Beside, not inside, records/KIND/: a record ID can never take its name.
std::string RelationName(const Graph& graph, int source, const std::string& field) {
  if (field == "body") return "mentions";
  const Node& n = graph.nodes[source];
  if (n.type != Node::Type::kRecord) return field;  // related, interfaces
  const std::string& kind = graph.corpus->records[n.index].kind->name;
  if (kind == "finding" && field == "audit") return "raised-in";
  if (kind == "action" && field == "source") return "addresses";
  if (kind == "risk" && field == "actions") return "treated-by";
  return field;
}

Graph LinkCorpus(const Corpus& corpus, Diagnostics& diags) { return Linker(corpus, diags).Run(); }

}  // namespace smsdoc
