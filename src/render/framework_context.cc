// The pages of the frameworks beside ISO/IEC 20000-1 (docs/frameworks.md):
// frameworks/index.html, one page per framework with its items' coverage,
// the matrix of the mappings, and the items documents and records name.
#include <algorithm>

#include "analyse/coverage.h"
#include "analyse/framework_coverage.h"
#include "base/text.h"
#include "load/framework_loader.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

// "partly covered" -> "partly-covered" (a CSS class), "partly_covered" (a key).
std::string Replaced(std::string text, char from, char to) {
  std::replace(text.begin(), text.end(), from, to);
  return text;
}

bool IsBuiltinPrimary(const Config& config, const std::string& framework) {
  return !config.frameworks.empty() && framework == config.frameworks[0].id;
}

// How a page names an item of another framework: ISO/IEC 20000-1's
// clauses by number, every other framework's with its prefix.
std::string RefText(const Config& config, const FrameworkRef& ref) {
  return IsBuiltinPrimary(config, ref.framework) ? ref.item : ref.Text();
}

// Adds `group` with its `rows` to `groups`, when there is one.
void Flush(TemplateValue& groups, TemplateValue& group, TemplateValue& rows) {
  if (rows.list.empty()) return;
  group.Set("rows", std::move(rows));
  groups.Push(std::move(group));
  group = TemplateValue();
  rows = TemplateValue::List();
}

int Depth(const Framework& fw, const FrameworkItem& item) {
  int depth = 0;
  for (const FrameworkItem* p = fw.Find(item.parent); p; p = fw.Find(p->parent)) ++depth;
  return depth;
}

}  // namespace

void PageContext::SetCoverageState(TemplateValue& v, ClauseCoverage::State state,
                                   const std::string& prefix) const {
  v.Set(prefix + "state", labels_(CoverageStateLabel(state)));
  v.Set(prefix + "state_class", Replaced(StateName(state), ' ', '-'));
}

TemplateValue PageContext::FrameworkItemLink(const std::string& page_url,
                                             const FrameworkRef& ref) const {
  const Config& config = graph_.corpus->config;
  const Framework* fw = FindFramework(config, ref.framework);
  const FrameworkItem* item = fw ? fw->Find(ref.item) : nullptr;
  TemplateValue v;
  v.Set("framework", fw ? fw->Title() : ref.framework);
  v.Set("id", ref.item);
  v.Set("title", item ? item->title : "");
  v.Set("url", RelativeUrl(page_url, IsBuiltinPrimary(config, ref.framework)
                                         ? ClauseUrl(ref.item)
                                         : FrameworkItemUrl(ref.framework, ref.item)));
  return v;
}

void PageContext::AddFrameworkItems(TemplateValue& v, int node) const {
  const Node& n = graph_.nodes[node];
  const Config& config = graph_.corpus->config;
  const auto& controls = n.type == Node::Type::kRecord ? graph_.corpus->records[n.index].controls
                                                       : graph_.corpus->documents[n.index].controls;
  TemplateValue named = TemplateValue::List(), mapped = TemplateValue::List();
  for (const FrameworkRef& ref : controls) named.Push(FrameworkItemLink(n.url, ref));
  if (!analysis_.mapped.empty())
    for (const MappedRef& m : analysis_.mapped[node]) {
      TemplateValue link = FrameworkItemLink(n.url, m.item);
      link.Set("via", RefText(config, m.through));
      mapped.Push(std::move(link));
    }
  v.Set("has_framework_items", !named.list.empty());
  v.Set("framework_items", std::move(named));
  v.Set("has_mapped_items", !mapped.list.empty());
  v.Set("mapped_items", std::move(mapped));
}

void PageContext::AddMappedToClause(TemplateValue& v, const ClauseCoverage& cov,
                                    const std::string& page_url) const {
  TemplateValue list = TemplateValue::List();
  std::vector<std::pair<std::string, TemplateValue>> found;  // by ID
  if (!analysis_.mapped.empty()) {
    const Config& config = graph_.corpus->config;
    auto named = [&](const std::vector<int>& nodes, int node) {
      return std::find(nodes.begin(), nodes.end(), node) != nodes.end();
    };
    for (size_t i = 0; i < graph_.nodes.size(); ++i) {
      int node = static_cast<int>(i);
      const Node& n = graph_.nodes[i];
      bool is_record = n.type == Node::Type::kRecord;
      // Documents in force and evidence only, as the other frameworks count.
      if (is_record ? !IsEvidence(graph_.corpus->records[n.index], analysis_.as_of)
                    : graph_.corpus->documents[n.index].status != "approved")
        continue;
      if (named(cov.documents, node) || named(cov.processes, node) || named(cov.records, node) ||
          named(cov.external_audits, node))
        continue;
      std::vector<std::string> via;
      for (const MappedRef& m : analysis_.mapped[i])
        if (IsBuiltinPrimary(config, m.item.framework) && NamesPartOf(m.item.item, cov.clause->id))
          via.push_back(RefText(config, m.through));
      if (via.empty()) continue;
      std::sort(via.begin(), via.end());
      via.erase(std::unique(via.begin(), via.end()), via.end());
      TemplateValue link = LinkTo(page_url, node);
      link.Set("via", Join(via, ", "));
      found.emplace_back(n.id, std::move(link));
    }
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [id, link] : found) list.Push(std::move(link));
  v.Set("has_mapped_links", !list.list.empty());
  v.Set("mapped_links", std::move(list));
}

TemplateValue PageContext::FrameworkIndex() const {
  const std::string page_url = kFrameworksUrl;
  TemplateValue v = Common(page_url, labels_("frameworks_title"));
  TemplateValue list = TemplateValue::List();
  for (const FrameworkCoverage& f : analysis_.frameworks) {
    TemplateValue row;
    row.Set("id", f.framework->id);
    row.Set("title", f.framework->Title());
    row.Set("url", RelativeUrl(page_url, FrameworkUrl(f.framework->id)));
    row.Set("items", std::to_string(f.items.size()));
    for (const auto& [state, n] : CountByState(f))
      row.Set("count_" + Replaced(state, ' ', '_'), std::to_string(n));
    list.Push(std::move(row));
  }
  v.Set("frameworks", std::move(list));
  v.Set("clauses_url", RelativeUrl(page_url, kClauseIndexUrl));
  v.Set("primary_title", graph_.corpus->config.frameworks[0].Title());
  v.Set("has_matrix", !graph_.corpus->config.mappings.empty());
  v.Set("matrix_url", RelativeUrl(page_url, kFrameworkMatrixUrl));
  return v;
}

TemplateValue PageContext::FrameworkPage(size_t index) const {
  const FrameworkCoverage& f = analysis_.frameworks[index];
  const Framework& fw = *f.framework;
  const Config& config = graph_.corpus->config;
  const std::string page_url = FrameworkUrl(fw.id);
  TemplateValue v = Common(page_url, fw.Title());
  SetPrintStyle(v, fw.Title() + " · " + labels_("as_of") + " " + info_.as_of, true);
  v.Set("framework_id", fw.id);
  for (const auto& [state, n] : CountByState(f))
    v.Set("count_" + Replaced(state, ' ', '_'), std::to_string(n));
  auto links = [&](const std::vector<int>& nodes) {
    TemplateValue list = TemplateValue::List();
    for (int node : nodes) list.Push(LinkTo(page_url, node));
    return list;
  };
  auto mapped_links = [&](const std::vector<ItemCoverage::Mapped>& nodes) {
    TemplateValue list = TemplateValue::List();
    for (const ItemCoverage::Mapped& m : nodes) {
      TemplateValue link = LinkTo(page_url, m.node);
      std::vector<std::string> via;
      for (const FrameworkRef& r : m.through) via.push_back(RefText(config, r));
      link.Set("via", Join(via, ", "));
      list.Push(std::move(link));
    }
    return list;
  };
  // Items under their top-level item (a clause, or an Annex A theme).
  TemplateValue groups = TemplateValue::List(), group, rows = TemplateValue::List();
  for (const ItemCoverage& cov : f.items) {
    const FrameworkItem& item = *cov.item;
    if (item.parent.empty()) {
      Flush(groups, group, rows);
      group.Set("id", item.id);
      group.Set("title", item.title);
    }
    TemplateValue row;
    row.Set("id", item.id);
    row.Set("title", item.title);
    row.Set("depth", std::to_string(Depth(fw, item)));
    row.Set("leaf", cov.leaf);
    SetCoverageState(row, cov.state, "");
    row.Set("is_control", item.kind == FrameworkItem::Kind::kControl);
    for (const auto& [name, value] : item.attributes)
      if (name == "theme") row.Set("theme", value);
    row.Set("has_documents", !cov.documents.empty() || !cov.mapped_documents.empty());
    row.Set("documents", links(cov.documents));
    row.Set("mapped_documents", mapped_links(cov.mapped_documents));
    row.Set("has_records", !cov.records.empty() || !cov.mapped_records.empty());
    row.Set("records", links(cov.records));
    row.Set("mapped_records", mapped_links(cov.mapped_records));
    row.Set("has_not_in_force", !cov.not_in_force.empty());
    row.Set("not_in_force", links(cov.not_in_force));
    rows.Push(std::move(row));
  }
  Flush(groups, group, rows);
  v.Set("groups", std::move(groups));
  v.Set("index_url", RelativeUrl(page_url, kFrameworksUrl));
  v.Set("has_matrix", !config.mappings.empty());
  v.Set("matrix_url", RelativeUrl(page_url, kFrameworkMatrixUrl));
  return v;
}

TemplateValue PageContext::FrameworkMatrixPage() const {
  const std::string page_url = kFrameworkMatrixUrl;
  const Config& config = graph_.corpus->config;
  TemplateValue v = Common(page_url, labels_("framework_matrix"));
  SetPrintStyle(v, labels_("framework_matrix") + " · " + labels_("as_of") + " " + info_.as_of,
                true);
  TemplateValue mappings = TemplateValue::List(), section, rows = TemplateValue::List();
  size_t current = config.mappings.size();
  for (const MatrixRow& r : analysis_.matrix) {
    const Mapping& m = config.mappings[r.mapping];
    if (r.mapping != current) {
      Flush(mappings, section, rows);
      current = r.mapping;
      section.Set("from", FindFramework(config, m.from)->Title());
      section.Set("to", FindFramework(config, m.to)->Title());
    }
    TemplateValue row;
    auto side = [&](const char* prefix, const std::string& fw, const FrameworkItem& item,
                    ClauseCoverage::State state) {
      TemplateValue link = FrameworkItemLink(page_url, {fw, item.id});
      for (const char* key : {"id", "title", "url"})
        row.Set(std::string(prefix) + key, link.Find(key)->text);
      SetCoverageState(row, state, prefix);
    };
    side("from_", m.from, *r.from, r.from_state);
    side("to_", m.to, *r.to, r.to_state);
    TemplateValue docs = TemplateValue::List();
    for (int node : r.documents) docs.Push(LinkTo(page_url, node));
    row.Set("has_documents", !docs.list.empty());
    row.Set("documents", std::move(docs));
    rows.Push(std::move(row));
  }
  Flush(mappings, section, rows);
  v.Set("mappings", std::move(mappings));
  v.Set("index_url", RelativeUrl(page_url, kFrameworksUrl));
  v.Set("workbook_url",
        RelativeUrl(page_url, std::string(kRegisterFolder) + kFrameworkMatrixRegister));
  return v;
}

}  // namespace smsdoc
