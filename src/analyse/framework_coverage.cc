#include "analyse/framework_coverage.h"

#include <algorithm>
#include <map>

#include "analyse/coverage.h"
#include "analyse/soa.h"
#include "load/framework_loader.h"

namespace smsdoc {

namespace {

using State = ClauseCoverage::State;

// True when `id` is `ancestor` or lies below it, by the items' parents.
bool IsWithin(const Framework& fw, std::string_view id, std::string_view ancestor) {
  for (const FrameworkItem* item = fw.Find(id); item; item = fw.Find(item->parent))
    if (item->id == ancestor) return true;
  return false;
}

// Evidence of the organisation's own: external audits are the
// certification body's (as in ComputeCoverage).
bool CountsAsEvidence(const Record& record, const std::string& as_of) {
  if (!IsEvidence(record, as_of)) return false;
  return record.kind->name != "audit" || IsInternalAudit(record);
}

template <typename T>
void AddOnce(std::vector<T>& list, const T& value) {
  if (std::find(list.begin(), list.end(), value) == list.end()) list.push_back(value);
}

// Nodes in ID order, so every list is sorted and the output stable.
std::vector<int> NodesById(const Graph& graph) {
  std::vector<int> nodes(graph.nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i] = static_cast<int>(i);
  std::sort(nodes.begin(), nodes.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
  return nodes;
}

// Controls whose Statement of Applicability entry says `applicable: false`.
void MarkExcluded(const Graph& graph, const Framework& fw, FrameworkCoverage& out) {
  for (size_t i = 0; i < graph.corpus->records.size(); ++i) {
    const Record& r = graph.corpus->records[i];
    if (r.kind->name != kSoaKind) continue;
    std::optional<FrameworkRef> control = SoaControlOf(graph.corpus->config, r);
    const FieldValue* applicable = r.Field("applicable");
    if (!control || control->framework != fw.id || !applicable || applicable->text != "false")
      continue;
    for (ItemCoverage& cov : out.items)
      if (cov.item->id == control->item && cov.leaf) {
        cov.excluded_by = graph.RecordNode(i);
        cov.state = State::kExcluded;
      }
  }
}

FrameworkCoverage Cover(const Graph& graph, const Framework& fw,
                        const std::vector<std::vector<MappedRef>>& mapped,
                        const std::vector<int>& nodes, const std::string& as_of) {
  FrameworkCoverage out{.framework = &fw, .items = {}};
  for (const FrameworkItem& item : fw.items)
    out.items.push_back({.item = &item, .leaf = fw.IsLeaf(item)});
  for (int node : nodes) {
    std::vector<std::string> direct = ItemsNamed(graph, node, fw.id);
    std::vector<MappedRef> via;
    if (!mapped.empty())
      for (const MappedRef& m : mapped[node])
        if (m.item.framework == fw.id) via.push_back(m);
    if (direct.empty() && via.empty()) continue;
    const Node& n = graph.nodes[node];
    const Record* record =
        n.type == Node::Type::kRecord ? &graph.corpus->records[n.index] : nullptr;
    bool in_force = !record && graph.corpus->documents[n.index].status == "approved";
    bool evidence = record && CountsAsEvidence(*record, as_of);
    for (ItemCoverage& cov : out.items) {
      const std::string& id = cov.item->id;
      if (std::any_of(direct.begin(), direct.end(),
                      [&](const std::string& r) { return NamesPartOfItem(fw, r, id); })) {
        if (!record) (in_force ? cov.documents : cov.not_in_force).push_back(node);
        if (evidence) cov.records.push_back(node);
        continue;
      }
      if (!in_force && !evidence) continue;  // drafts and plans address nothing
      ItemCoverage::Mapped m{.node = node, .through = {}};
      for (const MappedRef& v : via)
        if (NamesPartOfItem(fw, v.item.item, id)) AddOnce(m.through, v.through);
      if (!m.through.empty())
        (record ? cov.mapped_records : cov.mapped_documents).push_back(std::move(m));
    }
  }
  MarkExcluded(graph, fw, out);
  for (ItemCoverage& cov : out.items)
    if (cov.leaf && cov.excluded_by < 0)
      cov.state = LeafStateOf(!cov.documents.empty() || !cov.mapped_documents.empty(),
                              !cov.records.empty() || !cov.mapped_records.empty());
  for (ItemCoverage& parent : out.items) {
    if (parent.leaf) continue;
    // Excluded controls judge nothing; a parent of excluded ones only is excluded.
    std::vector<State> leaves;
    bool any = false;
    for (const ItemCoverage& cov : out.items)
      if (cov.leaf && IsWithin(fw, cov.item->id, parent.item->id)) {
        any = true;
        if (cov.state != State::kExcluded) leaves.push_back(cov.state);
      }
    parent.state = any && leaves.empty() ? State::kExcluded : ParentStateOf(leaves);
  }
  return out;
}

}  // namespace

std::vector<std::string> ItemsNamed(const Graph& graph, int node, std::string_view framework) {
  const Config& config = graph.corpus->config;
  std::vector<std::string> out;
  if (!config.frameworks.empty() && framework == config.frameworks[0].id) {
    // A clause field may hold another framework's "iso27001:A.8.13".
    for (std::string& c : ClausesOf(graph, node))
      if (c.find(':') == std::string::npos) out.push_back(std::move(c));
    return out;
  }
  const Node& n = graph.nodes[node];
  bool is_record = n.type == Node::Type::kRecord;
  const auto& controls = is_record ? graph.corpus->records[n.index].controls
                                   : graph.corpus->documents[n.index].controls;
  for (const FrameworkRef& ref : controls)
    if (ref.framework == framework) AddOnce(out, ref.item);
  if (is_record) {
    std::string prefix = std::string(framework) + ":";
    for (const FieldValue& f : graph.corpus->records[n.index].fields)
      if (f.spec->type == FieldType::kClause && f.text.rfind(prefix, 0) == 0)
        AddOnce(out, f.text.substr(prefix.size()));
  }
  return out;
}

bool NamesPartOfItem(const Framework& fw, std::string_view ref, std::string_view item) {
  return IsWithin(fw, item, ref) || IsWithin(fw, ref, item);
}

std::vector<std::vector<MappedRef>> MappedRefs(const Graph& graph) {
  const Config& config = graph.corpus->config;
  std::vector<std::vector<MappedRef>> out;
  if (config.mappings.empty()) return out;
  out.resize(graph.nodes.size());
  for (const Mapping& m : config.mappings) {
    const Framework* from = FindFramework(config, m.from);
    const Framework* to = FindFramework(config, m.to);
    if (!from || !to) continue;
    for (size_t node = 0; node < graph.nodes.size(); ++node) {
      int n = static_cast<int>(node);
      std::vector<std::string> named_from = ItemsNamed(graph, n, m.from);
      std::vector<std::string> named_to = ItemsNamed(graph, n, m.to);
      auto names = [](const Framework& fw, const std::vector<std::string>& named,
                      const std::string& item) {
        return std::any_of(named.begin(), named.end(),
                           [&](const std::string& r) { return NamesPartOfItem(fw, r, item); });
      };
      for (const auto& [a, b] : m.pairs) {
        if (names(*from, named_from, a)) out[node].push_back({{m.to, b}, {m.from, a}});
        if (names(*to, named_to, b)) out[node].push_back({{m.from, a}, {m.to, b}});
      }
    }
  }
  for (auto& list : out) {
    std::sort(list.begin(), list.end());
    list.erase(std::unique(list.begin(), list.end()), list.end());
  }
  return out;
}

std::vector<FrameworkCoverage> ComputeFrameworkCoverage(
    const Graph& graph, const std::vector<std::vector<MappedRef>>& mapped,
    const std::string& as_of) {
  const auto& frameworks = graph.corpus->config.frameworks;
  std::vector<FrameworkCoverage> out;
  if (frameworks.size() < 2) return out;
  std::vector<int> nodes = NodesById(graph);
  for (size_t f = 1; f < frameworks.size(); ++f)
    out.push_back(Cover(graph, frameworks[f], mapped, nodes, as_of));
  return out;
}

std::vector<std::pair<std::string, int>> CountByState(const FrameworkCoverage& coverage) {
  std::vector<std::pair<std::string, int>> out;
  for (State s : {State::kCovered, State::kPartlyCovered, State::kDocumentedOnly,
                  State::kEvidencedOnly, State::kNotCovered, State::kExcluded}) {
    int n = static_cast<int>(std::count_if(coverage.items.begin(), coverage.items.end(),
                                           [&](const ItemCoverage& i) { return i.state == s; }));
    out.emplace_back(StateName(s), n);
  }
  return out;
}

namespace {

// How item `id` of framework `fw` stands, and the documents in force
// naming it: ISO/IEC 20000-1's from the clause coverage.
std::pair<ClauseCoverage::State, std::vector<int>> SideOf(const Graph& graph,
                                                          const Analysis& analysis,
                                                          const std::string& fw,
                                                          const std::string& id) {
  const auto& frameworks = graph.corpus->config.frameworks;
  if (!frameworks.empty() && fw == frameworks[0].id) {
    const ClauseCoverage* cov = analysis.CoverageOf(id);
    if (!cov) return {State::kNotCovered, {}};
    std::vector<int> docs = cov->documents;
    docs.insert(docs.end(), cov->processes.begin(), cov->processes.end());
    return {cov->state, docs};
  }
  const FrameworkCoverage* f = analysis.FrameworkOf(fw);
  const ItemCoverage* cov = f ? f->Find(id) : nullptr;
  if (!cov) return {State::kNotCovered, {}};
  return {cov->state, cov->documents};
}

}  // namespace

std::vector<MatrixRow> FrameworkMatrix(const Graph& graph, const Analysis& analysis) {
  const Config& config = graph.corpus->config;
  std::vector<MatrixRow> out;
  for (size_t m = 0; m < config.mappings.size(); ++m) {
    const Mapping& mapping = config.mappings[m];
    const Framework* from = FindFramework(config, mapping.from);
    const Framework* to = FindFramework(config, mapping.to);
    if (!from || !to) continue;
    size_t first = out.size();
    for (const auto& [a, b] : mapping.pairs) {
      MatrixRow row{.mapping = m, .from = from->Find(a), .to = to->Find(b)};
      if (!row.from || !row.to) continue;  // reported by the loader
      auto [from_state, from_docs] = SideOf(graph, analysis, mapping.from, a);
      auto [to_state, to_docs] = SideOf(graph, analysis, mapping.to, b);
      row.from_state = from_state;
      row.to_state = to_state;
      row.documents = from_docs;
      for (int d : to_docs) AddOnce(row.documents, d);
      std::sort(row.documents.begin(), row.documents.end(),
                [&](int x, int y) { return graph.nodes[x].id < graph.nodes[y].id; });
      out.push_back(std::move(row));
    }
    // In catalogue order (the mapping holds its pairs sorted as text).
    std::stable_sort(out.begin() + static_cast<long>(first), out.end(),
                     [&](const MatrixRow& x, const MatrixRow& y) {
                       return std::pair(x.from - from->items.data(), x.to - to->items.data()) <
                              std::pair(y.from - from->items.data(), y.to - to->items.data());
                     });
  }
  return out;
}

}  // namespace smsdoc
