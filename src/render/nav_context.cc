// The navigation values of the templates: breadcrumbs, previous/next, the
// contents box and the side list (docs/themes.md).
#include <algorithm>

#include "base/text.h"
#include "model/urls.h"
#include "render/page_context.h"

namespace smsdoc {

void PageContext::AddNavigation(TemplateValue& v, const std::string& page_url,
                                const std::string& title) const {
  v.Set("page_url", page_url);
  TemplateValue crumbs = TemplateValue::List();
  for (const Crumb& c : nav_.Trail(page_url, title)) {
    TemplateValue crumb;
    crumb.Set("title", c.title);
    crumb.Set("has_url", !c.url.empty());
    crumb.Set("url", c.url.empty() ? "" : RelativeUrl(page_url, c.url));
    crumbs.Push(std::move(crumb));
  }
  for (size_t i = 0; i < crumbs.list.size(); ++i)
    crumbs.list[i].Set("last", i + 1 == crumbs.list.size());
  v.Set("breadcrumbs", std::move(crumbs));
  int node = nav_.NodeAt(page_url);
  auto [prev, next] = node >= 0 ? nav_.Neighbours(node) : std::pair<int, int>{-1, -1};
  v.Set("has_prev", prev >= 0);
  if (prev >= 0) v.Set("prev", LinkTo(page_url, prev));
  v.Set("has_next", next >= 0);
  if (next >= 0) v.Set("next", LinkTo(page_url, next));
  v.Set("has_prev_next", prev >= 0 || next >= 0);
}

// Everything a document page holds that has an id: the process sections
// (when the theme's document page has their ids), the body's headings of
// levels 1 to 3, Referenced by and the revision history.
TemplateValue PageContext::Contents(int node, size_t skip) const {
  const Document& d = graph_.corpus->documents[graph_.nodes[node].index];
  TemplateValue toc = TemplateValue::List();
  auto add = [&](const std::string& anchor, const std::string& text, bool sub) {
    if (!theme_ids_.count(anchor)) return;
    TemplateValue entry;
    entry.Set("anchor", anchor);
    entry.Set("text", text);
    entry.Set("is_sub", sub);
    toc.Push(std::move(entry));
  };
  if (d.is_process) {
    if (!d.purpose.empty()) add("Purpose", labels_("purpose"), false);
    if (!d.activities.empty()) add("Activities", labels_("activities_raci"), false);
    if (!d.kpis.empty()) add("KPIs", labels_("kpis"), false);
    bool interfaces = false;
    const auto& links = graph_.links[node];
    for (size_t i = 0; i < d.refs.size(); ++i)
      interfaces = interfaces || (d.refs[i].relation == "interfaces" && links[i].target >= 0);
    if (interfaces) add("Interfaces", labels_("interfaces"), false);
  }
  // The body's two highest heading levels left, so a body of `#`
  // sections lists them and one of `##` sections its `###` too.
  int top = 7;
  for (size_t i = skip; i < d.body.headings.size(); ++i)
    top = std::min(top, d.body.headings[i].level);
  for (size_t i = skip; i < d.body.headings.size(); ++i) {
    const Heading& h = d.body.headings[i];
    if (h.level > top + 1) continue;
    TemplateValue entry;
    entry.Set("anchor", heading_ids_.Of(node, h.anchor));
    entry.Set("text", h.text);
    entry.Set("is_sub", h.level == top + 1);
    toc.Push(std::move(entry));
  }
  add("Referenced-by", labels_("referenced_by"), false);
  add("revision-history", labels_("revision_history"), false);
  return toc;
}

TemplateValue PageContext::SideNav() const {
  TemplateValue v;
  TemplateValue groups = TemplateValue::List();
  for (const NavGroup& g : nav_.Groups()) {
    TemplateValue group;
    group.Set("title", g.title);
    group.Set("count", std::to_string(g.nodes.size()));
    TemplateValue items = TemplateValue::List();
    for (int n : g.nodes) items.Push(LinkTo("", n));
    group.Set("items", std::move(items));
    groups.Push(std::move(group));
  }
  v.Set("groups", std::move(groups));
  TemplateValue kinds = KindSummaries("");
  v.Set("kinds", std::move(kinds));
  v.Set("documents_url", kDocumentsUrl);
  v.Set("processes_url", kProcessesUrl);
  v.Set("registers_url", kRegistersUrl);
  v.Set("clauses_url", kClauseIndexUrl);
  return v;
}

TemplateValue PageContext::SearchPage() const {
  TemplateValue v = Common(kSearchUrl, labels_("search"));
  v.Set("documents_url", kDocumentsUrl);
  v.Set("processes_url", kProcessesUrl);
  v.Set("registers_url", kRegistersUrl);
  return v;
}

// Served for any missing address, at any depth: its links are absolute,
// through <base href> with the published base URL.
TemplateValue PageContext::NotFoundPage() const {
  TemplateValue v = Common(kNotFoundUrl, labels_("not_found"));
  v.Set("home_url", kHomeUrl);
  v.Set("documents_url", kDocumentsUrl);
  return v;
}

}  // namespace smsdoc
