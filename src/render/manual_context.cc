// manual.html: every document and process on one page, for reading from
// start to end and for print (`smsdoc pdf`). Links between documents stay
// inside the page (an anchor per document, `doc-ID`, and per heading,
// `doc-ID--HEADING`); links to records, registers and clauses go to their
// pages.
#include <algorithm>
#include <map>
#include <tuple>

#include "base/text.h"
#include "load/clause_catalogue.h"
#include "model/urls.h"
#include "render/body_links.h"
#include "render/heading_links.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

// A CSS string literal: no quote, backslash or line break ends it, and no
// `<` can close the <style> element it is in.
std::string CssString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '<' || c == '\n' || c == '\r' || c == '\f') {
      static const char* kHex = "0123456789abcdef";
      out += '\\';
      out += kHex[(c >> 4) & 0xf];
      out += kHex[c & 0xf];
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

// The clause group of a process, its first clause to two levels ("8.2.1"
// -> "8.2"); "" when it names none.
std::string ClauseGroup(const Document& d) {
  if (d.clauses.empty()) return "";
  const std::string& id = d.clauses.front();
  size_t dot = id.find('.');
  if (dot == std::string::npos) return id;
  size_t second = id.find('.', dot + 1);
  return second == std::string::npos ? id : id.substr(0, second);
}

// Each href to a page of a document in the manual, as written from
// manual.html, replaced by the document's anchor (and its heading's).
std::string KeepLinksInside(const std::string& html,
                            const std::map<std::string, std::string>& anchors) {
  static const std::string kHref = "href=\"";
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (size_t at; (at = html.find(kHref, pos)) != std::string::npos;) {
    size_t start = at + kHref.size(), end = html.find('"', start);
    if (end == std::string::npos) break;
    std::string url = html.substr(start, end - start);
    size_t hash = url.find('#');
    auto it = anchors.find(url.substr(0, hash));
    out.append(html, pos, start - pos);
    if (it == anchors.end()) {
      out += url;
    } else {
      out += "#" + it->second;
      if (hash != std::string::npos && hash + 1 < url.size()) out += "--" + url.substr(hash + 1);
    }
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace

std::string PageContext::ManualAnchor(int node) const { return "doc-" + graph_.nodes[node].id; }

std::vector<int> PageContext::ManualOrder() const {
  // Policies, plans, other documents by type; processes by clause group;
  // by ID within each.
  auto key = [&](int node) {
    const Document& d = graph_.corpus->documents[graph_.nodes[node].index];
    int rank = d.is_process ? 3 : d.type == "policy" ? 0 : d.type == "plan" ? 1 : 2;
    std::string group = d.is_process ? ClauseGroup(d) : d.type;
    return std::make_tuple(rank, group, graph_.nodes[node].id);
  };
  std::vector<int> nodes = DocumentsById();
  std::stable_sort(nodes.begin(), nodes.end(), [&](int a, int b) { return key(a) < key(b); });
  return nodes;
}

TemplateValue PageContext::ManualPage() const {
  const std::string page_url = kManualUrl;
  TemplateValue v = Common(page_url, labels_("manual_title"));
  // The manual's own running header and page numbers are page_rules_html.
  for (size_t i = 0; i < v.keys.size(); ++i)
    if (v.keys[i] == "print_style_html") v.values[i] = TemplateValue("");
  v.Set("as_of", info_.as_of);
  v.Set("version", info_.version);
  v.Set("has_revision", !info_.revision.empty());
  v.Set("revision", info_.revision);
  // The contents, in sections as the documents come.
  TemplateValue sections = TemplateValue::List();
  std::string css =
      "@page { @top-left { content: " + CssString(graph_.corpus->config.organization) +
      "; } @bottom-right { content: " + CssString(labels_("print_page_capital") + " ") +
      " counter(page) " + CssString(" " + labels_("print_of") + " ") + " counter(pages); } }\n";
  std::string last;
  int count = 0;
  for (int node : ManualOrder()) {
    const Document& d = graph_.corpus->documents[graph_.nodes[node].index];
    std::string section = TypeHeading(d.is_process ? "process" : d.type, labels_);
    if (d.is_process) {
      std::string group = ClauseGroup(d);
      const Clause* clause = group.empty() ? nullptr : FindClause(group);
      section += group.empty() ? "" : ": " + group + (clause ? " " + clause->title : "");
    }
    if (section != last) {
      TemplateValue s;
      s.Set("title", section);
      s.Set("items", TemplateValue::List());
      sections.Push(std::move(s));
      last = section;
    }
    TemplateValue item;
    item.Set("id", d.id);
    item.Set("title", d.title);
    item.Set("anchor", ManualAnchor(node));
    sections.list.back().values.back().Push(std::move(item));
    // A named page per document, for its running header (Chromium has
    // @page margin boxes but not string-set).
    std::string page = "m" + std::to_string(count++);
    css += "[id=" + CssString(ManualAnchor(node)) + "] { page: " + page + "; }\n@page " + page +
           " { @top-right { content: " +
           CssString(d.id + " · " + labels_("version") + " " + d.version) + "; } }\n";
  }
  v.Set("sections", std::move(sections));
  v.Set("document_count", std::to_string(count));
  v.Set("page_rules_html", css);
  AddRegisters(v, page_url);
  return v;
}

std::map<std::string, std::string> PageContext::ManualAnchors() const {
  std::map<std::string, std::string> anchors;
  for (int node : DocumentsById())
    anchors[RelativeUrl(kManualUrl, graph_.nodes[node].url)] = ManualAnchor(node);
  return anchors;
}

TemplateValue PageContext::ManualDocument(int node,
                                          const std::map<std::string, std::string>& anchors) const {
  const std::string page_url = kManualUrl;
  const Node& n = graph_.nodes[node];
  const Document& d = graph_.corpus->documents[n.index];
  std::string anchor = ManualAnchor(node);
  TemplateValue v;
  v.Set("anchor", anchor);
  AddDocumentFacts(v, d);
  v.Set("page_url", RelativeUrl(page_url, n.url));
  TemplateValue clauses = Clauses(page_url, d.clauses);
  for (size_t i = 0; i < clauses.list.size(); ++i)
    clauses.list[i].Set("last", i + 1 == clauses.list.size());
  v.Set("clauses", std::move(clauses));
  v.Set("has_clauses", !d.clauses.empty());
  // Heading ids get the document's prefix before the links are resolved
  // (their placeholders hold no '#'), then links to documents stay here.
  std::string body = PrefixHeadingIds(heading_ids_.Apply(node, d.body.html), anchor + "--");
  body = KeepLinksInside(ResolveBodyLinks(body, graph_, node, page_url, heading_ids_), anchors);
  v.Set("body_html", AddHeadingLinks(body));
  v.Set("is_process", d.is_process);
  if (d.is_process) {
    v.Set("has_purpose", !d.purpose.empty());
    v.Set("purpose", d.purpose);
    AddProcessTables(v, d, page_url);
    TemplateValue interfaces = TemplateValue::List();
    const auto& links = graph_.links[node];
    for (size_t i = 0; i < d.refs.size(); ++i) {
      int target = links[i].target;
      if (d.refs[i].relation != "interfaces" || target < 0) continue;
      TemplateValue link = LinkTo(page_url, target);
      link.Set("url", "#" + ManualAnchor(target));
      interfaces.Push(std::move(link));
    }
    v.Set("has_interfaces", !interfaces.list.empty());
    v.Set("interfaces", std::move(interfaces));
  }
  return v;
}

}  // namespace smsdoc
