#include "render/heading_ids.h"

#include "base/text.h"

namespace smsdoc {

namespace {

// Every anchor a heading keeps, or the next free suffix of one the theme
// uses; ids of other headings are never taken.
std::map<std::string, std::string> Changed(const std::vector<Heading>& headings,
                                           const std::set<std::string>& theme_ids) {
  std::map<std::string, std::string> changed;
  std::set<std::string> taken = theme_ids;
  for (const Heading& h : headings) taken.insert(h.anchor);
  for (const Heading& h : headings) {
    if (!theme_ids.count(h.anchor)) continue;
    int k = 1;
    while (taken.count(h.anchor + "-" + std::to_string(k))) ++k;
    std::string id = h.anchor + "-" + std::to_string(k);
    taken.insert(id);
    changed[h.anchor] = id;
  }
  return changed;
}

}  // namespace

HeadingIds::HeadingIds(const Graph& graph, const std::set<std::string>& theme_ids) : graph_(graph) {
  for (const Document& d : graph.corpus->documents)
    changed_.push_back(Changed(d.body.headings, theme_ids));
}

const std::string& HeadingIds::Of(int node, const std::string& anchor) const {
  if (node < 0 || graph_.nodes[node].type == Node::Type::kRecord) return anchor;
  const auto& changed = changed_[graph_.nodes[node].index];
  auto it = changed.find(anchor);
  return it == changed.end() ? anchor : it->second;
}

std::string HeadingIds::Apply(int node, const std::string& html) const {
  size_t index = graph_.nodes[node].index;
  if (changed_[index].empty()) return html;
  const Body& body = graph_.corpus->documents[index].body;
  std::string out = html;
  size_t from = 0;
  // The markdown adapter writes each heading as `<hN id="ANCHOR">`, in order.
  for (const Heading& h : body.headings) {
    std::string tag = "<h" + std::to_string(h.level) + " id=\"" + HtmlEscape(h.anchor) + "\">";
    size_t at = out.find(tag, from);
    if (at == std::string::npos) continue;
    const std::string& id = Of(node, h.anchor);
    from = at + tag.size();
    if (id == h.anchor) continue;
    std::string renamed = "<h" + std::to_string(h.level) + " id=\"" + HtmlEscape(id) + "\">";
    out.replace(at, tag.size(), renamed);
    from += renamed.size() - tag.size();
  }
  return out;
}

}  // namespace smsdoc
