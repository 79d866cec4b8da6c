#include "render/body_links.h"

#include <algorithm>
#include <cctype>

#include "adapters/markdown.h"
#include "base/text.h"

namespace smsdoc {

std::string ResolveBodyLinks(const std::string& html, const Graph& graph,
                             int node, const std::string& page_url) {
  const std::vector<Reference>& refs = graph.RefsOf(node);
  // Body links were appended after the front-matter references.
  std::vector<const Link*> by_link_index;
  for (size_t i = 0; i < refs.size(); ++i) {
    if (refs[i].link_index < 0) continue;
    if (by_link_index.size() <= static_cast<size_t>(refs[i].link_index))
      by_link_index.resize(refs[i].link_index + 1, nullptr);
    by_link_index[refs[i].link_index] = &graph.links[node][i];
  }
  auto link_at = [&](size_t k) -> const Link* {
    return k < by_link_index.size() ? by_link_index[k] : nullptr;
  };

  std::string out;
  out.reserve(html.size());
  const std::string title_mark = std::string(kLinkTitleMark) + "title:";
  size_t pos = 0;
  while (pos < html.size()) {
    size_t url_at = html.find(kLinkUrlPrefix, pos);
    size_t title_at = html.find(title_mark, pos);
    size_t at = std::min(url_at, title_at);
    if (at == std::string::npos) break;
    out.append(html, pos, at - pos);
    bool is_url = at == url_at;
    size_t digits = at + (is_url ? kLinkUrlPrefix.size() : title_mark.size());
    size_t end = digits;
    while (end < html.size() && std::isdigit(static_cast<unsigned char>(html[end]))) ++end;
    const Link* link = end > digits ? link_at(std::stoul(html.substr(digits, end - digits))) : nullptr;
    if (!link) {  // not ours: keep the text
      out.append(html, at, end - at);
      pos = end;
      continue;
    }
    if (is_url) {
      out += RelativeUrl(page_url, link->url);
    } else {
      out += HtmlEscape(link->target >= 0 ? graph.nodes[link->target].title : link->url);
      end += kLinkTitleMark.size();
    }
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

}  // namespace smsdoc
