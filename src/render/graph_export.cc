#include "render/graph_export.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "analyse/coverage.h"
#include "analyse/document_control.h"
#include "base/json.h"
#include "load/clause_catalogue.h"
#include "model/urls.h"

namespace smsdoc {

namespace {

struct Edge {
  std::string from, to, relation;
  bool operator<(const Edge& o) const {
    return std::tie(from, to, relation) < std::tie(o.from, o.to, o.relation);
  }
};

struct ExportNode {
  std::string id, type, title, url;
  std::vector<std::pair<const char*, std::string>> state;  ///< JSON only
};

std::string TypeOf(const Graph& graph, const Node& n) {
  switch (n.type) {
    case Node::Type::kDocument: return "document";
    case Node::Type::kProcess: return "process";
    case Node::Type::kRecord: return graph.corpus->records[n.index].kind->name;
  }
  return "";
}

// Nodes and edges, each sorted, so the output is stable.
void Collect(const Graph& graph, std::vector<ExportNode>& nodes, std::set<Edge>& edges) {
  for (const Node& n : graph.nodes)
    if (!n.id.empty()) nodes.push_back({n.id, TypeOf(graph, n), n.title, n.url});
  for (const Clause& c : ClauseCatalogue())
    nodes.push_back({"clause:" + c.id, "clause", c.title, ClauseUrl(c.id)});
  std::sort(nodes.begin(), nodes.end(),
            [](const ExportNode& a, const ExportNode& b) { return a.id < b.id; });
  for (size_t i = 0; i < graph.nodes.size(); ++i) {
    int node = static_cast<int>(i);
    const std::string& from = graph.nodes[i].id;
    const auto& refs = graph.RefsOf(node);
    for (size_t r = 0; r < refs.size(); ++r) {
      int target = graph.links[i][r].target;
      if (target < 0 || target == node) continue;
      edges.insert({from, graph.nodes[target].id, RelationName(graph, node, refs[r].relation)});
    }
    bool is_record = graph.nodes[i].type == Node::Type::kRecord;
    for (const auto& clause : ClausesOf(graph, node))
      edges.insert({from, "clause:" + clause, is_record ? "evidences" : "implements"});
  }
}

// The analysis' facts of a node, by its exported ID.
void AddState(const Graph& graph, const Analysis& analysis, std::vector<ExportNode>& nodes) {
  for (ExportNode& n : nodes) {
    if (n.type == "clause") {
      const ClauseCoverage* cov = analysis.CoverageOf(n.id.substr(7));
      n.state = {{"coverage", StateName(cov->state)},
                 {"last_internal_audit", cov->last_internal_audit},
                 {"last_external_audit", cov->last_external_audit}};
      continue;
    }
    auto it = graph.by_id.find(n.id);
    if (it == graph.by_id.end() || graph.nodes[it->second].type == Node::Type::kRecord) continue;
    size_t index = graph.nodes[it->second].index;
    const Document& d = graph.corpus->documents[index];
    const DocumentState& s = analysis.documents[index];
    n.state = {{"status", d.status},           {"version", d.version},
               {"approved_on", s.approved_on}, {"approved_by", s.approved_by},
               {"next_review", s.next_review}, {"review", ReviewStateName(s.review)}};
  }
}

}  // namespace

std::string GraphJson(const Graph& graph, const Analysis& analysis) {
  std::vector<ExportNode> nodes;
  std::set<Edge> edges;
  Collect(graph, nodes, edges);
  AddState(graph, analysis, nodes);
  std::string out = "{\n  \"nodes\": [\n";
  for (size_t i = 0; i < nodes.size(); ++i) {
    const auto& n = nodes[i];
    out += "    {\"id\": " + JsonQuote(n.id) + ", \"type\": " + JsonQuote(n.type) +
           ", \"title\": " + JsonQuote(n.title) + ", \"url\": " + JsonQuote(n.url);
    for (const auto& [key, value] : n.state) out += ", " + JsonQuote(key) + ": " + JsonQuote(value);
    out += std::string("}") + (i + 1 < nodes.size() ? ",\n" : "\n");
  }
  out += "  ],\n  \"edges\": [\n";
  size_t k = 0;
  for (const auto& e : edges) {
    out += "    {\"from\": " + JsonQuote(e.from) + ", \"to\": " + JsonQuote(e.to) +
           ", \"relation\": " + JsonQuote(e.relation) + "}" + (++k < edges.size() ? ",\n" : "\n");
  }
  return out + "  ]\n}\n";
}

std::string GraphDot(const Graph& graph) {
  std::vector<ExportNode> nodes;
  std::set<Edge> edges;
  Collect(graph, nodes, edges);
  std::string out = "digraph sms {\n  rankdir=LR;\n  node [shape=box, fontsize=10];\n";
  for (const auto& n : nodes)
    out += "  " + JsonQuote(n.id) + " [label=" + JsonQuote(n.id + "\n" + n.title) +
           ", class=" + JsonQuote(n.type) + "];\n";
  for (const auto& e : edges)
    out += "  " + JsonQuote(e.from) + " -> " + JsonQuote(e.to) +
           " [label=" + JsonQuote(e.relation) + "];\n";
  return out + "}\n";
}

}  // namespace smsdoc
