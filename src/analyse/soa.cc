#include "analyse/soa.h"

#include <algorithm>
#include <limits>
#include <tuple>

#include "load/framework_loader.h"

namespace smsdoc {

std::optional<FrameworkRef> SoaControlOf(const Config& config, const Record& entry) {
  const FieldValue* value = entry.Field("control");
  if (!value) return std::nullopt;
  // The loader writes another framework's items as "framework:number".
  size_t colon = value->text.find(':');
  if (colon == std::string::npos) return std::nullopt;
  FrameworkRef ref{value->text.substr(0, colon), value->text.substr(colon + 1)};
  const Framework* framework = FindFramework(config, ref.framework);
  if (!framework) return std::nullopt;
  for (const FrameworkItem* control : framework->SoaControls())
    if (control->id == ref.item) return ref;
  return std::nullopt;
}

namespace {

bool Names(const std::vector<FrameworkRef>& controls, const FrameworkRef& control) {
  return std::find(controls.begin(), controls.end(), control) != controls.end();
}

void SortById(const Graph& graph, std::vector<int>& nodes) {
  std::sort(nodes.begin(), nodes.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
}

}  // namespace

std::vector<int> ImplementingDocuments(const Graph& graph, const Analysis& analysis,
                                       const FrameworkRef& control) {
  std::vector<int> out;
  for (size_t i = 0; i < graph.corpus->documents.size(); ++i)
    if (analysis.documents[i].in_force && Names(graph.corpus->documents[i].controls, control))
      out.push_back(graph.DocumentNode(i));
  SortById(graph, out);
  return out;
}

std::vector<int> EvidenceRecords(const Graph& graph, const FrameworkRef& control) {
  std::vector<int> out;
  for (size_t i = 0; i < graph.corpus->records.size(); ++i) {
    const Record& r = graph.corpus->records[i];
    if (r.kind->name != kSoaKind && Names(r.controls, control)) out.push_back(graph.RecordNode(i));
  }
  SortById(graph, out);
  return out;
}

void SortByControl(const Graph& graph, std::vector<int>& nodes) {
  const Config& config = graph.corpus->config;
  constexpr size_t kLast = std::numeric_limits<size_t>::max();
  // (framework position, item position, ID): catalogue order, then the rest.
  auto key = [&](int node) {
    const Record& r = graph.corpus->records[graph.nodes[node].index];
    size_t framework = kLast, item = kLast;
    if (std::optional<FrameworkRef> ref = SoaControlOf(config, r)) {
      for (size_t f = 0; f < config.frameworks.size(); ++f) {
        if (config.frameworks[f].id != ref->framework) continue;
        const auto& items = config.frameworks[f].items;
        framework = f;
        item = static_cast<size_t>(
            std::find_if(items.begin(), items.end(),
                         [&](const FrameworkItem& it) { return it.id == ref->item; }) -
            items.begin());
      }
    }
    return std::tuple<size_t, size_t, const std::string&>(framework, item, graph.nodes[node].id);
  };
  std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) { return key(a) < key(b); });
}

}  // namespace smsdoc
