#include "render/body_links.h"

#include <cctype>

#include "base/text.h"

namespace smsdoc {

namespace {

// `html`, the rendered `body`, with the placeholders of its links replaced;
// `links` are those of `refs`, which hold the body's links (link_index).
std::string Resolve(const std::string& html, const Body& body, const std::vector<Reference>& refs,
                    const std::vector<Link>& links, const Graph& graph, const std::string& page_url,
                    const HeadingIds& heading_ids) {
  std::vector<const Link*> by_link_index;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (refs[i].link_index < 0) continue;
    if (by_link_index.size() <= static_cast<size_t>(refs[i].link_index))
      by_link_index.resize(refs[i].link_index + 1, nullptr);
    by_link_index[refs[i].link_index] = &links[i];
  }

  // A placeholder URL renders as `="%3Csmsdoc:N%3E"` right after href or
  // src; text cannot produce that (its quotes are escaped) and external
  // URLs cannot start with it.
  static const std::string kOpen = "=\"%3Csmsdoc:", kClose = "%3E\"";
  std::string out;
  out.reserve(html.size());
  size_t pos = 0;
  for (size_t at; (at = html.find(kOpen, pos)) != std::string::npos;) {
    size_t digits = at + kOpen.size(), end = digits;
    while (end < html.size() && end - digits < 9 &&
           std::isdigit(static_cast<unsigned char>(html[end])))
      ++end;
    bool attribute = (at >= 4 && html.compare(at - 4, 4, "href") == 0) ||
                     (at >= 3 && html.compare(at - 3, 3, "src") == 0);
    const Link* link = nullptr;
    size_t k = 0;
    if (attribute && end > digits && html.compare(end, kClose.size(), kClose) == 0) {
      k = std::stoul(html.substr(digits, end - digits));
      if (k < by_link_index.size()) link = by_link_index[k];
    }
    out.append(html, pos, at - pos);
    if (!link) {  // not ours (raw HTML the author allowed): keep it
      out += '=';
      pos = at + 1;
      continue;
    }
    if (link->target < 0 && link->url.empty()) {  // a draft left out of the site
      out.resize(out.size() - (html.compare(at - 4, 4, "href") == 0 ? 4 : 3));
      out += "class=\"unpublished\" title=\"not published\"";
      pos = end + kClose.size();
      if (body.links[k].show_title && html.compare(pos, 5, "></a>") == 0) {
        out += ">" + HtmlEscape(body.links[k].target);
        pos += 1;
      }
      continue;
    }
    std::string url =
        link->file ? RelativeUrl(page_url, link->url, "") + UrlAsWritten(body.links[k].suffix)
                   : RelativeUrl(page_url, link->url, heading_ids.Of(link->target, link->anchor));
    out += "=\"" + HtmlEscape(url) + "\"";
    pos = end + kClose.size();
    if (body.links[k].show_title && html.compare(pos, 5, "></a>") == 0) {
      out += ">" + HtmlEscape(graph.nodes[link->target].title);
      pos += 1;
    }
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace

std::string ResolveBodyLinks(const std::string& html, const Graph& graph, int node,
                             const std::string& page_url, const HeadingIds& heading_ids) {
  // Body links were appended to the references after the front matter's.
  return Resolve(html, graph.corpus->documents[graph.nodes[node].index].body, graph.RefsOf(node),
                 graph.links[node], graph, page_url, heading_ids);
}

std::string ResolveCommentaryLinks(const Graph& graph, size_t commentary,
                                   const std::string& page_url, const HeadingIds& heading_ids) {
  const Commentary& c = graph.corpus->commentaries[commentary];
  return Resolve(c.body.html, c.body, c.refs, graph.commentary_links[commentary], graph, page_url,
                 heading_ids);
}

}  // namespace smsdoc
