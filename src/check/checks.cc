#include "check/checks.h"

#include <algorithm>

#include "analyse/coverage.h"

namespace smsdoc {

namespace {

std::string WithArticle(const std::string& noun) {
  bool vowel = !noun.empty() && std::string("aeiou").find(noun[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + noun;
}

std::string Describe(const Graph& graph, const Node& node) {
  switch (node.type) {
    case Node::Type::kProcess: return "a process";
    case Node::Type::kDocument: return WithArticle(graph.corpus->documents[node.index].type);
    case Node::Type::kRecord:
      return WithArticle(graph.corpus->records[node.index].kind->name + " record");
  }
  return "";
}

bool HasKind(const Graph& graph, const Node& node, const std::string& kind) {
  if (kind == "process") return node.type == Node::Type::kProcess;
  return node.type == Node::Type::kRecord && graph.corpus->records[node.index].kind->name == kind;
}

// A typed reference (a process's interfaces, a finding's audit, ...) must
// name an item of that type.
void CheckReferenceKinds(const Graph& graph, int n, Diagnostics& diags) {
  const auto& refs = graph.RefsOf(n);
  for (size_t i = 0; i < refs.size(); ++i) {
    const Reference& ref = refs[i];
    int target = graph.links[n][i].target;
    if (target < 0) continue;
    const Node& node = graph.nodes[target];
    if (target == n && ref.relation != "body") {
      diags.Warning(graph.PathOf(n), ref.pos, "'" + ref.relation + "' names this item itself",
                    "ref-self");
    }
    if (ref.required_kind.empty() || HasKind(graph, node, ref.required_kind)) continue;
    diags.Error(graph.PathOf(n), ref.pos,
                "'" + ref.relation + "' must name " +
                    WithArticle(ref.required_kind == "process" ? std::string("process")
                                                               : ref.required_kind + " record") +
                    ", but '" + node.id + "' is " + Describe(graph, node),
                "ref-kind");
  }
}

// True when an item names a clause or control of a framework beside
// ISO/IEC 20000-1: an SoA entry's control, a document's controls.
bool NamesOtherFramework(const Graph& graph, const Node& node) {
  if (node.type != Node::Type::kRecord)
    return !graph.corpus->documents[node.index].controls.empty();
  const Record& r = graph.corpus->records[node.index];
  if (!r.controls.empty()) return true;
  return std::any_of(r.fields.begin(), r.fields.end(), [](const FieldValue& f) {
    return f.spec->type == FieldType::kClause && f.text.find(':') != std::string::npos;
  });
}

// An item that names nothing and that nothing names is out of the web of
// the SMS: often forgotten, or its links were never written.
void CheckOrphan(const Graph& graph, int n, Diagnostics& diags) {
  const Node& node = graph.nodes[n];
  if (node.id.empty() || !graph.backlinks[n].empty() || !ClausesOf(graph, n).empty() ||
      NamesOtherFramework(graph, node))
    return;
  // Exported service records are many and linked in the ITSM tool, not here.
  if (node.type == Node::Type::kRecord && graph.corpus->records[node.index].imported) return;
  for (const Link& link : graph.links[n])
    if (link.target >= 0 && link.target != n) return;
  Pos pos = node.type == Node::Type::kRecord ? graph.corpus->records[node.index].pos
                                             : graph.corpus->documents[node.index].id_pos;
  diags.Warning(graph.PathOf(n), pos,
                "'" + node.id + "' references nothing and nothing references it (an orphan)",
                "orphan");
}

}  // namespace

void CheckGraph(const Graph& graph, Diagnostics& diags) {
  // Orphans are worth a look once the SMS is free of errors; before, the
  // missing links are often the errors' doing.
  for (size_t n = 0; n < graph.nodes.size(); ++n)
    CheckReferenceKinds(graph, static_cast<int>(n), diags);
  if (diags.HasErrors()) return;
  for (size_t n = 0; n < graph.nodes.size(); ++n) CheckOrphan(graph, static_cast<int>(n), diags);
}

}  // namespace smsdoc
