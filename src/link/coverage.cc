#include "link/coverage.h"

#include <algorithm>

namespace smsdoc {

ClauseCoverage::State ClauseCoverage::state() const {
  bool documented = !documents.empty() || !processes.empty();
  bool evidenced = !records.empty();
  if (documented && evidenced) return State::kCovered;
  if (documented) return State::kDocumentedOnly;
  if (evidenced) return State::kEvidencedOnly;
  return State::kNotCovered;
}

const char* StateName(ClauseCoverage::State state) {
  switch (state) {
    case ClauseCoverage::State::kCovered: return "covered";
    case ClauseCoverage::State::kDocumentedOnly: return "documented only";
    case ClauseCoverage::State::kEvidencedOnly: return "evidenced only";
    case ClauseCoverage::State::kNotCovered: return "not covered";
  }
  return "";
}

std::vector<std::string> ClausesOf(const Graph& graph, int node) {
  const Node& n = graph.nodes[node];
  if (n.type != Node::Type::kRecord) return graph.corpus->documents[n.index].clauses;
  const Record& r = graph.corpus->records[n.index];
  std::vector<std::string> out = r.clauses;
  for (const auto& f : r.fields)
    if (f.spec->type == FieldType::kClause && !f.text.empty()) out.push_back(f.text);
  return out;
}

std::vector<ClauseCoverage> ComputeCoverage(const Graph& graph) {
  std::vector<ClauseCoverage> out;
  for (const Clause& c : ClauseCatalogue()) out.push_back({&c});
  // Nodes in ID order, so every list is sorted and the output stable.
  std::vector<int> nodes(graph.nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i] = static_cast<int>(i);
  std::sort(nodes.begin(), nodes.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
  for (int node : nodes) {
    const Node& n = graph.nodes[node];
    std::vector<std::string> refs = ClausesOf(graph, node);
    const Record* record =
        n.type == Node::Type::kRecord ? &graph.corpus->records[n.index] : nullptr;
    for (auto& cov : out) {
      if (std::none_of(refs.begin(), refs.end(),
                       [&](const std::string& r) { return CoversClause(r, cov.clause->id); }))
        continue;
      if (n.type == Node::Type::kDocument) cov.documents.push_back(node);
      if (n.type == Node::Type::kProcess) cov.processes.push_back(node);
      if (!record) continue;
      const std::string& kind = record->kind->name;
      // An audit evidences a clause once it has been performed.
      if (kind == "audit" && record->status != "completed") continue;
      cov.records.push_back(node);
      if (kind == "audit") {
        cov.audits.push_back(node);
        const FieldValue* performed = record->Field("performed");
        if (performed && performed->text > cov.last_audit) cov.last_audit = performed->text;
      }
      bool done = std::find(record->kind->done.begin(), record->kind->done.end(),
                            record->status) != record->kind->done.end();
      if (kind == "finding" && !done) cov.open_findings.push_back(node);
    }
  }
  return out;
}

}  // namespace smsdoc
