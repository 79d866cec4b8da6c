#include "render/process_map.h"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.h"
#include "load/clause_catalogue.h"

namespace smsdoc {

namespace {

// Sizes in px, drawn at its natural size (never scaled down): text is 12 px
// or more. Boxes sit in a grid; between columns run vertical channels and
// between rows horizontal corridors, and every arrow runs only along those,
// so none crosses a box.
constexpr int kBoxWidth = 200, kBoxHeight = 58, kChannel = 64, kCorridor = 28;
constexpr int kColumnWidth = kBoxWidth + kChannel, kRowPitch = kBoxHeight + kCorridor;
constexpr int kTop = 92, kMargin = kChannel / 2 + 4, kLane = 4, kLanes = 7;
constexpr size_t kLineChars = 27;  // a 12 px line in a box
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

// `text` in at most `lines` lines of about `width` characters, broken
// between words; the last line ends in "…" when text is left over.
std::vector<std::string> Wrap(const std::string& text, size_t width, size_t lines) {
  std::vector<std::string> out(1);
  size_t at = 0;
  while (at < text.size()) {
    size_t space = text.find(' ', at);
    std::string word = text.substr(at, space == std::string::npos ? std::string::npos : space - at);
    at = space == std::string::npos ? text.size() : space + 1;
    if (!out.back().empty() && out.back().size() + 1 + word.size() > width) {
      if (out.size() == lines) {  // the rest does not fit: cut with an ellipsis
        std::string rest = out.back() + " " + word + " " + text.substr(std::min(at, text.size()));
        out.back() = Shorten(rest, width);
        return out;
      }
      out.emplace_back();
    }
    out.back() += (out.back().empty() ? "" : " ") + word;
  }
  return out;
}

// Lines of text as <tspan>s, `dy` apart, starting at x, y.
std::string Lines(const std::vector<std::string>& lines, int x, int y, int dy) {
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i)
    out += "<tspan x=\"" + Num(x) + "\" y=\"" + Num(y + static_cast<int>(i) * dy) + "\">" +
           HtmlEscape(Shorten(lines[i], kLineChars + 3)) + "</tspan>";
  return out;
}

std::string Arrowhead(const std::string& id) {
  return "<defs><marker id=\"" + id +
         "\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" "
         "orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" "
         "class=\"arrowhead\"/></marker></defs>\n";
}

// A box linking to the process page: its ID, then its title on two lines.
std::string BoxSvg(const Graph& graph, int node, int x, int y, const std::string& page_url,
                   bool current = false) {
  const Node& n = graph.nodes[node];
  return "<a href=\"" + HtmlEscape(RelativeUrl(page_url, n.url)) + "\"" +
         (current ? " aria-current=\"page\"" : "") + "><rect x=\"" + Num(x) + "\" y=\"" + Num(y) +
         "\" width=\"" + Num(kBoxWidth) + "\" height=\"" + Num(kBoxHeight) + "\" rx=\"4\"" +
         (current ? " class=\"current\"" : "") + "/><text x=\"" + Num(x + 8) + "\" y=\"" +
         Num(y + 17) + "\" class=\"id\">" + HtmlEscape(n.id) + "</text><text>" +
         Lines(Wrap(n.title, kLineChars, 2), x + 8, y + 34, 15) + "</text><title>" +
         HtmlEscape(n.id + " " + n.title) + "</title></a>\n";
}

std::string EdgeSvg(const Graph& graph, int from, int to, const std::string& d,
                    const std::string& marker) {
  return "<path class=\"edge\" d=\"" + d + "\" marker-end=\"url(#" + marker + ")\"><title>" +
         HtmlEscape(graph.nodes[from].id + " interfaces with " + graph.nodes[to].id) +
         "</title></path>\n";
}

// The route of an arrow from box `a` to box `b` along channels and
// corridors; `lane` spreads arrows that share them.
std::string Route(const Box& a, const Box& b, int lane) {
  int offset = (lane % kLanes - kLanes / 2) * kLane;
  int ya = a.y + kBoxHeight / 2 + offset / 2, yb = b.y + kBoxHeight / 2 + offset / 2;
  bool rightward = b.x >= a.x;  // the same column: out and in on the right
  int xa = rightward ? a.x + kBoxWidth : a.x;
  int xb = b.x > a.x ? b.x : b.x + kBoxWidth;
  int channel_a = xa + (rightward ? 1 : -1) * kChannel / 2 + offset;
  int channel_b = xb + (b.x > a.x ? -1 : 1) * kChannel / 2 + offset;
  int corridor = b.y - kCorridor / 2 + offset / 2;
  std::string d = "M " + Num(xa) + " " + Num(ya) + " H " + Num(channel_a);
  if (channel_a == channel_b) return d + " V " + Num(yb) + " H " + Num(xb);
  return d + " V " + Num(corridor) + " H " + Num(channel_b) + " V " + Num(yb) + " H " + Num(xb);
}

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

std::string ProcessMapSvg(const Graph& graph, const std::string& page_url, const Labels& labels) {
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
                       kTop + static_cast<int>(r) * kRowPitch};
    rows = std::max(rows, col.size());
  }
  int width = kMargin * 2 + static_cast<int>(columns.size()) * kColumnWidth - kChannel;
  int height = kTop + static_cast<int>(rows) * kRowPitch + kMargin;

  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-map\" width=\"" +
                    Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(width) +
                    " " + Num(height) +
                    "\" aria-labelledby=\"Process-map-title\">\n"
                    "<title id=\"Process-map-title\">" +
                    HtmlEscape(labels("map_title")) + "</title>\n" + Arrowhead("Map-arrow");
  for (size_t c = 0; c < columns.size(); ++c) {
    std::string number = c < 6 ? std::string(kGroups[c]) + " " : "";
    std::string title = c < 6 ? FindClause(kGroups[c])->title : labels("map_other_processes");
    int x = kMargin + static_cast<int>(c) * kColumnWidth;
    svg += "<text class=\"group\">" + Lines(Wrap(number + title, kLineChars, 2), x, kTop - 46, 15) +
           "</text>\n";
  }
  // Arrows first, so the boxes sit on top of them.
  int lane = 0;
  for (const auto& [node, target] : ProcessInterfaces(graph))
    svg +=
        EdgeSvg(graph, node, target, Route(boxes.at(node), boxes.at(target), lane++), "Map-arrow");
  for (const auto& [node, box] : boxes) svg += BoxSvg(graph, node, box.x, box.y, page_url);
  return svg + "</svg>\n";
}

std::string ProcessNeighbourhoodSvg(const Graph& graph, int process, const std::string& page_url,
                                    const Labels& labels) {
  // Who names this process on the left, whom it names on the right (both
  // ways: right, with a head at each end); the process in the middle.
  std::vector<int> in, out;
  std::set<int> both;
  for (const auto& [from, to] : ProcessInterfaces(graph)) {
    if (from == process) out.push_back(to);
    if (to == process) in.push_back(from);
  }
  for (int n : in)
    if (std::find(out.begin(), out.end(), n) != out.end()) both.insert(n);
  in.erase(std::remove_if(in.begin(), in.end(), [&](int n) { return both.count(n); }), in.end());
  if (in.empty() && out.empty()) return "";
  size_t rows = std::max({in.size(), out.size(), size_t{1}});
  int height = kMargin * 2 + static_cast<int>(rows) * kRowPitch - kCorridor;
  int width = kMargin * 2 + 3 * kBoxWidth + 2 * kChannel * 2;
  auto y_of = [&](size_t i, size_t count) {
    return kMargin + static_cast<int>(i) * kRowPitch +
           static_cast<int>(rows - count) * kRowPitch / 2;
  };
  Box centre{process, kMargin + kBoxWidth + kChannel * 2, y_of(0, 1)};
  std::string svg =
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"process-map neighbourhood\" "
      "width=\"" +
      Num(width) + "\" height=\"" + Num(height) + "\" viewBox=\"0 0 " + Num(width) + " " +
      Num(height) +
      "\" aria-labelledby=\"Neighbourhood-title\">\n"
      "<title id=\"Neighbourhood-title\">" +
      HtmlEscape(labels.Format("map_neighbourhood_title", {{"id", graph.nodes[process].id}})) +
      "</title>\n" + Arrowhead("Near-arrow");
  std::string boxes;
  auto side = [&](const std::vector<int>& nodes, int x, bool outgoing) {
    for (size_t i = 0; i < nodes.size(); ++i) {
      int y = y_of(i, nodes.size());
      int cy = centre.y + kBoxHeight / 2, ny = y + kBoxHeight / 2;
      std::string d =
          outgoing
              ? "M " + Num(centre.x + kBoxWidth) + " " + Num(cy) + " L " + Num(x) + " " + Num(ny)
              : "M " + Num(x + kBoxWidth) + " " + Num(ny) + " L " + Num(centre.x) + " " + Num(cy);
      std::string edge = EdgeSvg(graph, outgoing ? process : nodes[i],
                                 outgoing ? nodes[i] : process, d, "Near-arrow");
      if (both.count(nodes[i]))
        edge.replace(edge.find(" marker-end"), 0, " marker-start=\"url(#Near-arrow)\"");
      svg += edge;
      boxes += BoxSvg(graph, nodes[i], x, y, page_url);
    }
  };
  side(in, kMargin, false);
  side(out, centre.x + kBoxWidth + kChannel * 2, true);
  svg += boxes + BoxSvg(graph, process, centre.x, centre.y, page_url, true);
  return svg + "</svg>\n";
}

}  // namespace smsdoc
