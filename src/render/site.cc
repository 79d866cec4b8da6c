#include "render/site.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <stdexcept>

#include "base/json.h"
#include "base/parallel.h"
#include "base/text.h"
#include "load/clause_catalogue.h"
#include "model/urls.h"
#include "render/page_context.h"
#include "render/process_map.h"
#include "render/script_labels.h"
#include "render/search_index.h"
#include "render/workbooks.h"

namespace smsdoc {

namespace {

struct Page {
  std::string url;
  std::string template_name;
  int node = -1;                   ///< document or record pages
  const KindSpec* kind = nullptr;  ///< kind listing pages
  int clause = -1;                 ///< clause pages: index into the coverage
  int commentary = -1;             ///< service reports: index into Corpus::commentaries
  int framework = -1;              ///< framework pages: index into Analysis::frameworks
};

std::vector<Page> PlanPages(const Graph& graph, const Analysis& analysis, const BuildInfo& info) {
  std::vector<Page> pages = {{kHomeUrl, "home"},           {kDocumentsUrl, "documents"},
                             {kProcessesUrl, "processes"}, {kRegistersUrl, "records"},
                             {kClauseIndexUrl, "clauses"}, {kProcessMapUrl, "process-map"},
                             {kReadinessUrl, "readiness"}, {kStage1Url, "stage-1"},
                             {kSearchUrl, "search"},       {kManualUrl, "manual"},
                             {kKpisUrl, "kpis"},           {kServiceReportsUrl, "service-reports"},
                             {kStage2Url, "stage-2"}};
  // The worklist names files and lines to change: for the team, not the
  // certification body.
  if (!info.auditor) pages.push_back({kAttentionUrl, "attention"});
  if (!graph.corpus->config.base_url.empty()) pages.push_back({kNotFoundUrl, "not-found"});
  const auto& catalogue = ClauseCatalogue();
  for (size_t c = 0; c < catalogue.size(); ++c)
    pages.push_back({ClauseUrl(catalogue[c].id), "clause", -1, nullptr, static_cast<int>(c)});
  // Other frameworks' pages only when smsdoc.yaml names some.
  if (!analysis.frameworks.empty()) pages.push_back({kFrameworksUrl, "frameworks"});
  for (size_t f = 0; f < analysis.frameworks.size(); ++f) {
    Page page{FrameworkUrl(analysis.frameworks[f].framework->id), "framework"};
    page.framework = static_cast<int>(f);
    pages.push_back(std::move(page));
  }
  if (!graph.corpus->config.mappings.empty())
    pages.push_back({kFrameworkMatrixUrl, "framework-matrix"});
  for (size_t n = 0; n < graph.nodes.size(); ++n) {
    bool is_record = graph.nodes[n].type == Node::Type::kRecord;
    if (is_record && graph.corpus->records[graph.nodes[n].index].imported) continue;  // a row
    pages.push_back({graph.nodes[n].url, is_record ? "record" : "document", static_cast<int>(n)});
    if (is_record && graph.corpus->records[graph.nodes[n].index].kind->name == "review")
      pages.push_back({ReviewPackUrl(graph.nodes[n].id), "review-pack", static_cast<int>(n)});
  }
  for (const auto& kind : graph.corpus->kinds.kinds)
    pages.push_back({KindUrl(kind.name), "kind", -1, &kind});
  const auto& commentaries = graph.corpus->commentaries;
  for (size_t i = 0; i < commentaries.size(); ++i)
    pages.push_back({DocumentUrl(commentaries[i].path), "service-report", -1, nullptr, -1,
                     static_cast<int>(i)});
  return pages;
}

// Each template's values, by template name. A page whose template has no
// entry is a programming error: fail loudly rather than render it as
// something else.
using ContextMaker = TemplateValue (*)(const PageContext&, const Page&);
const std::map<std::string, ContextMaker>& ContextMakers() {
  static const std::map<std::string, ContextMaker> makers = {
      {"home", [](const PageContext& c, const Page& p) { return c.Home(p.url); }},
      {"documents",
       [](const PageContext& c, const Page& p) { return c.DocumentList(p.url, false); }},
      {"processes",
       [](const PageContext& c, const Page& p) { return c.DocumentList(p.url, true); }},
      {"records", [](const PageContext& c, const Page& p) { return c.RecordKinds(p.url); }},
      {"clauses", [](const PageContext& c, const Page&) { return c.ClauseIndex(); }},
      {"process-map", [](const PageContext& c, const Page&) { return c.ProcessMap(); }},
      {"readiness", [](const PageContext& c, const Page&) { return c.Readiness(); }},
      {"stage-1", [](const PageContext& c, const Page&) { return c.Stage1(); }},
      {"kpis", [](const PageContext& c, const Page&) { return c.KpiDashboard(); }},
      {"service-reports", [](const PageContext& c, const Page&) { return c.ServiceReports(); }},
      {"stage-2", [](const PageContext& c, const Page&) { return c.Stage2Samples(); }},
      {"service-report",
       [](const PageContext& c, const Page& p) {
         return c.ServiceReportPage(static_cast<size_t>(p.commentary));
       }},
      {"attention", [](const PageContext& c, const Page&) { return c.Attention(); }},
      {"search", [](const PageContext& c, const Page&) { return c.SearchPage(); }},
      {"manual", [](const PageContext& c, const Page&) { return c.ManualPage(); }},
      {"not-found", [](const PageContext& c, const Page&) { return c.NotFoundPage(); }},
      {"clause", [](const PageContext& c,
                    const Page& p) { return c.ClausePage(static_cast<size_t>(p.clause)); }},
      {"frameworks", [](const PageContext& c, const Page&) { return c.FrameworkIndex(); }},
      {"framework",
       [](const PageContext& c, const Page& p) {
         return c.FrameworkPage(static_cast<size_t>(p.framework));
       }},
      {"framework-matrix",
       [](const PageContext& c, const Page&) { return c.FrameworkMatrixPage(); }},
      {"document", [](const PageContext& c, const Page& p) { return c.DocumentPage(p.node); }},
      {"record", [](const PageContext& c, const Page& p) { return c.RecordPage(p.node); }},
      {"review-pack", [](const PageContext& c, const Page& p) { return c.ReviewPackPage(p.node); }},
      {"kind", [](const PageContext& c, const Page& p) { return c.KindPage(*p.kind); }},
  };
  return makers;
}

// Every page's absolute address, for search engines of an intranet or
// the public web; in the order planned, which is fixed.
std::string Sitemap(const std::string& base, const std::vector<Page>& pages) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
  for (const Page& page : pages)
    if (page.url != kNotFoundUrl)
      xml += "  <url><loc>" + HtmlEscape(base + RelativeUrl("", page.url)) + "</loc></url>\n";
  return xml + "</urlset>\n";
}

// `value` with `l`, the labels template `name` names (none: no copy).
TemplateValue WithLabels(TemplateValue value, const Theme& theme, const std::string& name) {
  auto it = theme.labels_of.find(name);
  if (it != theme.labels_of.end() && !it->second.keys.empty()) value.Set("l", it->second);
  return value;
}

TemplateValue ContextFor(const PageContext& context, const Page& page) {
  auto it = ContextMakers().find(page.template_name);
  if (it == ContextMakers().end())
    throw std::logic_error("no page context for template '" + page.template_name + "'");
  return it->second(context, page);
}

// Renders template `name` with `value` plus `slot` = `html`, without
// handing `html` to the template engine (which would copy it into its data
// and again into its output): the slot gets a mark, replaced afterwards. A
// register of 100,000 rows is a page of a few hundred MB. Should the mark
// not come out exactly once (the theme repeats the slot, or content holds
// the mark), the page is rendered the plain way.
bool RenderAround(const TemplateSet& templates, const std::string& name, TemplateValue& value,
                  const std::string& slot, const std::string& html, std::string& out,
                  std::string& error) {
  static const std::string kMark = "\x01smsdoc-slot-5f1c\x01";
  value.Set(slot, kMark);
  std::string shell;
  if (!templates.Render(name, value, shell, error)) return false;
  size_t at = shell.find(kMark);
  if (at == std::string::npos || shell.find(kMark, at + 1) != std::string::npos) {
    value.values.back() = html;
    return templates.Render(name, value, out, error);
  }
  out.clear();
  out.reserve(shell.size() + html.size());
  out.append(shell, 0, at);
  out += html;
  out.append(shell, at + kMark.size(), std::string::npos);
  return true;
}

}  // namespace

void RenderSite(const Graph& graph, const Analysis& analysis, const Theme& theme,
                const BuildInfo& info, int jobs, Diagnostics& diags, const FileSink& sink) {
  PageContext context(graph, analysis, info, theme.document_page_ids, theme.labels);
  std::vector<Page> pages = PlanPages(graph, analysis, info);
  // The files besides the pages: workbooks (their rows are made as they are
  // written), theme assets and copied content.
  std::vector<OutputFile> others;
  for (auto& workbook : BuildWorkbooks(graph, analysis, info, theme.labels)) {
    std::string path = kRegisterFolder + workbook.file;
    others.push_back({path, "", "", std::make_shared<const Workbook>(std::move(workbook))});
  }
  for (const auto& [path, bytes] : theme.assets)
    others.push_back(
        {path, EndsWith(path, ".js") ? WithScriptLabels(bytes, theme.labels) : bytes, ""});
  // The side list, once for the whole site: on every page it would make
  // a site of 10,000 documents some GB (docs/PERFORMANCE.md).
  std::string side_nav, nav_error;
  if (!theme.templates.Render("partials/side-nav",
                              WithLabels(context.SideNav(), theme, "partials/side-nav"), side_nav,
                              nav_error)) {
    diags.Error(theme.files.count("partials/side-nav") ? theme.files.at("partials/side-nav")
                                                       : "partials/side-nav",
                {}, "template error: " + nav_error, "template");
    return;
  }
  others.push_back({kNavScript, "window.smsdocNav = " + JsonQuoteForScript(side_nav) + ";\n", ""});
  others.push_back({kSearchIndexScript, SearchIndexScript(graph), ""});
  for (const auto& asset : graph.corpus->assets) others.push_back({asset, "", asset});
  if (const std::string& base = graph.corpus->config.base_url; !base.empty())
    others.push_back({kSitemapUrl, Sitemap(base, pages), ""});

  std::atomic<bool> stop{false};
  Diagnostics template_error;  // the first only: the rest would repeat it
  ParallelFor(pages.size(), jobs, [&](size_t i) {
    if (stop) return;
    const Page& page = pages[i];
    TemplateValue value = WithLabels(ContextFor(context, page), theme, page.template_name);
    std::string content, html, error;
    auto fail = [&](const std::string& name) {
      if (stop.exchange(true)) return;
      template_error.Error(theme.files.count(name) ? theme.files.at(name) : name, {},
                           "template error: " + error, "template");
    };
    bool rendered;
    if (page.kind) {
      std::string rows, row;
      for (int node : context.KindRecords(*page.kind)) {
        if (!theme.templates.Render(
                "partials/register-row",
                WithLabels(context.RegisterRow(*page.kind, node), theme, "partials/register-row"),
                row, error))
          return fail("partials/register-row");
        rows += row;
      }
      rendered = RenderAround(theme.templates, page.template_name, value, "rows_html", rows,
                              content, error);
    } else if (page.template_name == "manual") {
      std::string documents, one;
      const auto anchors = context.ManualAnchors();
      for (int node : context.ManualOrder()) {
        if (!theme.templates.Render("partials/manual-document",
                                    WithLabels(context.ManualDocument(node, anchors), theme,
                                               "partials/manual-document"),
                                    one, error))
          return fail("partials/manual-document");
        documents += one;
      }
      rendered = RenderAround(theme.templates, page.template_name, value, "documents_html",
                              documents, content, error);
    } else {
      rendered = theme.templates.Render(page.template_name, value, content, error);
    }
    if (!rendered) return fail(page.template_name);
    // The layout sees the frame's values only, not the page's (which may be big).
    const TemplateValue* title = value.Find("page_title");
    TemplateValue frame =
        WithLabels(context.Common(page.url, title ? title->text : ""), theme, "layout");
    if (page.url == kNotFoundUrl) frame.Set("base_href", graph.corpus->config.base_url);
    // ...but the page's own print style (a document's ID and version atop each sheet).
    for (size_t k = 0; k < frame.keys.size(); ++k)
      if (const TemplateValue* own = value.Find(frame.keys[k]);
          own && frame.keys[k] == "print_style_html")
        frame.values[k] = *own;
    if (!RenderAround(theme.templates, "layout", frame, "content_html", content, html, error))
      return fail("layout");
    if (!sink({page.url, std::move(html), ""})) stop = true;
  });
  diags.Merge(std::move(template_error));
  if (stop) return;
  ParallelFor(others.size(), jobs, [&](size_t i) {
    if (!stop && !sink(others[i])) stop = true;
  });
}

OutputFiles RenderSite(const Graph& graph, const Analysis& analysis, const Theme& theme,
                       const BuildInfo& info, int jobs, Diagnostics& diags) {
  OutputFiles files;
  std::mutex mutex;
  RenderSite(graph, analysis, theme, info, jobs, diags, [&](const OutputFile& f) {
    std::lock_guard<std::mutex> lock(mutex);
    files.push_back(f);
    return true;
  });
  std::sort(files.begin(), files.end(),
            [](const OutputFile& a, const OutputFile& b) { return a.path < b.path; });
  return files;
}

}  // namespace smsdoc
