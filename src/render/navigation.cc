#include "render/navigation.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <tuple>

#include "base/text.h"
#include "load/clause_catalogue.h"
#include "model/urls.h"

namespace smsdoc {

namespace {

// Policies and plans first (what an auditor reads first), other document
// types by name, processes last.
int TypeRank(const std::string& type) {
  if (type == "policy") return 0;
  if (type == "plan") return 1;
  if (type == "process") return 3;
  return 2;
}

}  // namespace

std::string TypeHeading(const std::string& type, const Labels& labels) {
  if (type.empty()) return labels("documents");
  if (type == "process") return labels("processes");
  std::string plural = type;
  if (EndsWith(plural, "y") && plural.size() > 1) {
    plural.back() = 'i';
    plural += "es";
  } else {
    plural += EndsWith(plural, "s") ? "es" : "s";  // "process" -> "processes"
  }
  plural[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(plural[0])));
  return plural;
}

Navigation::Navigation(const Graph& graph, const Labels& labels)
    : graph_(graph), labels_(labels), place_(graph.nodes.size(), {-1, -1}) {
  // (rank, type, folder) -> nodes; a std::map keeps the order stable.
  std::map<std::tuple<int, std::string, std::string>, std::vector<int>> by_key;
  std::map<std::string, std::set<std::string>> folders_of_type;
  for (size_t n = 0; n < graph.nodes.size(); ++n) {
    node_at_[graph.nodes[n].url] = static_cast<int>(n);
    if (graph.nodes[n].type == Node::Type::kRecord) continue;
    const Document& d = graph.corpus->documents[graph.nodes[n].index];
    std::string type = d.is_process ? "process" : d.type;
    std::string folder = DirName(d.path);
    by_key[{TypeRank(type), type, folder}].push_back(static_cast<int>(n));
    folders_of_type[type].insert(folder);
  }
  for (auto& [key, nodes] : by_key) {
    const std::string& type = std::get<1>(key);
    const std::string& folder = std::get<2>(key);
    std::sort(nodes.begin(), nodes.end(),
              [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
    NavGroup group;
    group.title = TypeHeading(type, labels);
    if (folders_of_type[type].size() > 1)
      group.title += " (" + (folder.empty() ? "." : folder) + ")";
    group.nodes = nodes;
    for (size_t i = 0; i < nodes.size(); ++i)
      place_[nodes[i]] = {static_cast<int>(groups_.size()), static_cast<int>(i)};
    groups_.push_back(std::move(group));
  }
}

int Navigation::NodeAt(const std::string& page_url) const {
  auto it = node_at_.find(page_url);
  return it == node_at_.end() ? -1 : it->second;
}

std::pair<int, int> Navigation::Neighbours(int node) const {
  auto [group, at] = place_[node];
  if (group < 0) return {-1, -1};
  const auto& nodes = groups_[group].nodes;
  return {at > 0 ? nodes[at - 1] : -1,
          at + 1 < static_cast<int>(nodes.size()) ? nodes[at + 1] : -1};
}

std::vector<Crumb> Navigation::Trail(const std::string& page_url, const std::string& title) const {
  std::vector<Crumb> trail;
  if (page_url != kHomeUrl) trail.push_back({labels_("nav_home"), kHomeUrl});
  int node = NodeAt(page_url);
  if (node >= 0 && graph_.nodes[node].type == Node::Type::kRecord) {
    const Record& r = graph_.corpus->records[graph_.nodes[node].index];
    trail.push_back({labels_("registers"), kRegistersUrl});
    trail.push_back({r.kind->title, KindUrl(r.kind->name)});
  } else if (node >= 0) {
    bool process = graph_.nodes[node].type == Node::Type::kProcess;
    trail.push_back(process ? Crumb{labels_("processes"), kProcessesUrl}
                            : Crumb{labels_("documents"), kDocumentsUrl});
    trail.push_back({groups_[place_[node].first].title, ""});
  } else if (StartsWith(page_url, "records/") || page_url == kServiceReportsUrl) {
    trail.push_back({labels_("registers"), kRegistersUrl});
  } else if (std::any_of(graph_.corpus->commentaries.begin(), graph_.corpus->commentaries.end(),
                         [&](const Commentary& c) { return DocumentUrl(c.path) == page_url; })) {
    trail.push_back({labels_("registers"), kRegistersUrl});
    trail.push_back({labels_("service_reports"), kServiceReportsUrl});
  } else if (page_url == kProcessMapUrl) {
    trail.push_back({labels_("processes"), kProcessesUrl});
  } else if (StartsWith(page_url, "frameworks/") && page_url != kFrameworksUrl) {
    trail.push_back({labels_("frameworks_title"), kFrameworksUrl});
  } else if (StartsWith(page_url, "clauses/") && page_url != kClauseIndexUrl) {
    trail.push_back({labels_("nav_clauses"), kClauseIndexUrl});
    // The parents of "8.2.3": 8, 8.2.
    std::string id = page_url.substr(8, page_url.size() - 8 - 5);
    for (size_t dot = id.find('.'); dot != std::string::npos; dot = id.find('.', dot + 1)) {
      const Clause* parent = FindClause(id.substr(0, dot));
      trail.push_back(
          {id.substr(0, dot) + (parent ? " " + parent->title : ""), ClauseUrl(id.substr(0, dot))});
    }
  }
  trail.push_back({title, ""});
  return trail;
}

}  // namespace smsdoc
