#include "render/process_map.h"

#include <algorithm>
#include <map>

#include "base/text.h"
#include "model/clauses.h"

namespace smsdoc {

namespace {

constexpr int kColumnWidth = 210, kBoxWidth = 180, kBoxHeight = 40, kRowGap = 16;
constexpr int kTop = 66, kMargin = 15;
const char* kGroups[] = {"8.2", "8.3", "8.4", "8.5", "8.6", "8.7"};

// The group (8.2 to 8.7) a process belongs to: its first clause under 8.
int GroupOf(const Document& d) {
  for (const auto& clause : d.clauses)
    for (int g = 0; g < 6; ++g)
      if (CoversClause(clause, kGroups[g])) return g;
  return -1;
}

struct Box {
  int node, x, y;
};

std::string Num(int n) { return std::to_string(n); }

}  // namespace

std::vector<std::pair<int, int>> ProcessInterfaces(const Graph& graph) {
  std::vector<std::pair<int, int>> edges;
  for (size_t i = 0; i < graph.corpus->documents.size(); ++i) {
    int node = graph.DocumentNode(i);
    if (graph.nodes[node].type != Node::Type::kProcess) continue;
    const auto& refs = graph.RefsOf(node);
    for (size_t r = 0; r < refs.size(); ++r) {
      int target = graph.links[node][r].target;
      if (refs[r].relation == "interfaces" && target >= 0 && target != node &&
          graph.nodes[target].type == Node::Type::kProcess)
        edges.push_back({node, target});
    }
  }
  auto id = [&](int n) { return graph.nodes[n].id; };
  std::sort(edges.begin(), edges.end(), [&](const auto& a, const auto& b) {
    return std::make_pair(id(a.first), id(a.second)) < std::make_pair(id(b.first), id(b.second));
  });
  edges.erase(std::unique(edges.begin(), edges.end()), edges.end());
  return edges;
}

std::string ProcessMapSvg(const Graph& graph, const std::string& page_url) {
  // Processes by group, in ID order; those naming no 8.x clause go last.
  std::vector<std::vector<int>> columns(7);
  for (size_t i = 0; i < graph.corpus->documents.size(); ++i) {
    const Document& d = graph.corpus->documents[i];
    if (!d.is_process) continue;
    int g = GroupOf(d);
    columns[g < 0 ? 6 : g].push_back(graph.DocumentNode(i));
  }
  if (columns[6].empty()) columns.pop_back();
  std::map<int, Box> boxes;
  size_t rows = 0;
  for (size_t c = 0; c < columns.size(); ++c) {
    auto& col = columns[c];
    std::sort(col.begin(), col.end(),
              [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
    for (size_t r = 0; r < col.size(); ++r)
      boxes[col[r]] = {col[r], kMargin + static_cast<int>(c) * kColumnWidth,
                       kTop + static_cast<int>(r) * (kBoxHeight + kRowGap)};
    rows = std::max(rows, col.size());
  }
  int width =
      kMargin * 2 + static_cast<int>(columns.size()) * kColumnWidth - (kColumnWidth - kBoxWidth);
  int height = kTop + static_cast<int>(rows) * (kBoxHeight + kRowGap) + kMargin;

  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-map\" viewBox=\"0 0 " +
      Num(width) + " " + Num(height) +
      "\" aria-labelledby=\"process-map-title\">\n"
      "<title id=\"process-map-title\">Clause 8 processes and their interfaces</title>\n"
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
      "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
      "<path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#5b6577\"/></marker></defs>\n";
  for (size_t c = 0; c < columns.size(); ++c) {
    std::string number = c < 6 ? kGroups[c] : "";
    std::string title = c < 6 ? Shorten(FindClause(kGroups[c])->title, 30) : "Other processes";
    std::string x = Num(kMargin + static_cast<int>(c) * kColumnWidth);
    svg += "<text class=\"group\" x=\"" + x + "\" y=\"" + Num(kTop - 30) + "\">" + "<tspan x=\"" +
           x + "\">" + number + "</tspan><tspan x=\"" + x + "\" dy=\"14\">" + HtmlEscape(title) +
           "</tspan></text>\n";
  }
  // Arrows first, so the boxes sit on top of them.
  for (const auto& [node, target] : ProcessInterfaces(graph)) {
    const Box& from = boxes.at(node);
    const Box& to = boxes.at(target);
    int x1 = from.x + (to.x > from.x ? kBoxWidth : to.x < from.x ? 0 : kBoxWidth / 2);
    int x2 = to.x + (to.x > from.x ? 0 : to.x < from.x ? kBoxWidth : kBoxWidth / 2);
    int y1 = from.y + kBoxHeight / 2 +
             (to.x == from.x ? (to.y > from.y ? kBoxHeight / 2 : -kBoxHeight / 2) : 0);
    int y2 = to.y + kBoxHeight / 2 +
             (to.x == from.x ? (to.y > from.y ? -kBoxHeight / 2 : kBoxHeight / 2) : 0);
    svg += "<line class=\"edge\" x1=\"" + Num(x1) + "\" y1=\"" + Num(y1) + "\" x2=\"" + Num(x2) +
           "\" y2=\"" + Num(y2) + "\" marker-end=\"url(#arrow)\"><title>" +
           HtmlEscape(graph.nodes[node].id + " interfaces with " + graph.nodes[target].id) +
           "</title></line>\n";
  }
  for (const auto& [node, box] : boxes) {
    const Node& n = graph.nodes[node];
    std::string title = Shorten(n.title, 26);
    svg += "<a href=\"" + HtmlEscape(RelativeUrl(page_url, n.url)) + "\"><rect x=\"" + Num(box.x) +
           "\" y=\"" + Num(box.y) + "\" width=\"" + Num(kBoxWidth) + "\" height=\"" +
           Num(kBoxHeight) + "\" rx=\"4\"/><text x=\"" + Num(box.x + 8) + "\" y=\"" +
           Num(box.y + 16) + "\" class=\"id\">" + HtmlEscape(n.id) + "</text><text x=\"" +
           Num(box.x + 8) + "\" y=\"" + Num(box.y + 32) + "\">" + HtmlEscape(title) +
           "</text><title>" + HtmlEscape(n.id + " " + n.title) + "</title></a>\n";
  }
  return svg + "</svg>\n";
}

}  // namespace smsdoc
