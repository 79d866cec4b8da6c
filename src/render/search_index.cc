#include "render/search_index.h"

#include "analyse/service_report.h"
#include "base/json.h"
#include "base/text.h"
#include "model/urls.h"

namespace smsdoc {

std::string HtmlText(const std::string& html) {
  static const std::pair<const char*, const char*> kEntities[] = {
      {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}};
  std::string out;
  out.reserve(html.size());
  bool space = false;
  for (size_t i = 0; i < html.size();) {
    char c = html[i];
    if (c == '<') {
      size_t end = html.find('>', i);
      if (end == std::string::npos) break;
      i = end + 1;
      space = true;  // block ends and <br> separate words
      continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      ++i;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    if (c == '&') {
      bool decoded = false;
      for (const auto& [entity, text] : kEntities)
        if (html.compare(i, std::char_traits<char>::length(entity), entity) == 0) {
          out += text;
          i += std::char_traits<char>::length(entity);
          decoded = true;
          break;
        }
      if (decoded) continue;
    }
    out += c;
    ++i;
  }
  return out;
}

std::string SearchIndexScript(const Graph& graph) {
  std::string out = "window.smsdocSearch = {\"docs\": [\n";
  size_t entries = 0;
  for (size_t n = 0; n < graph.nodes.size(); ++n) {
    const Node& node = graph.nodes[n];
    std::string type, headings, text;
    if (node.type == Node::Type::kRecord) {
      const Record& r = graph.corpus->records[node.index];
      // Thousands of exported rows would swell every page's index: they
      // are found on their register page.
      if (r.imported) continue;
      type = r.kind->name;
      for (const FieldValue& f : r.fields) {
        if (f.spec && f.spec->name == "title") continue;
        text += f.text;
        for (const auto& item : f.items) text += (text.empty() ? "" : " ") + item;
        text += ' ';
      }
    } else {
      const Document& d = graph.corpus->documents[node.index];
      type = d.is_process ? "process" : d.type;
      for (const auto& h : d.body.headings) headings += (headings.empty() ? "" : " · ") + h.text;
      text = d.purpose.empty() ? "" : d.purpose + " ";
      // document_fields: and kept unknown fields are found like record fields.
      for (const FieldValue& f : d.fields) {
        text += f.text;
        for (const auto& item : f.items) text += (text.empty() ? "" : " ") + item;
        text += ' ';
      }
      for (const KeptField& k : d.kept) text += k.text + ' ';
      text += HtmlText(d.body.html);
    }
    text = std::string(Utf8Head(Trim(text), kSearchTextChars));
    out += entries++ ? ",\n[" : "[";
    const std::string* fields[] = {&type, &node.id, &node.title, &node.url, &headings, &text};
    for (const std::string* field : fields) {
      out += JsonQuoteForScript(*field);
      if (field != &text) out += ',';
    }
    out += ']';
  }
  // Service reports: found by their commentary, named by period and service.
  for (const Commentary& c : graph.corpus->commentaries) {
    std::string headings, text(Utf8Head(Trim(HtmlText(c.body.html)), kSearchTextChars));
    for (const auto& h : c.body.headings) headings += (headings.empty() ? "" : " · ") + h.text;
    const std::string fields[] = {
        "service report",    c.period, ServiceBySlug(*graph.corpus, c.service_slug),
        DocumentUrl(c.path), headings, text};
    out += entries++ ? ",\n[" : "[";
    for (size_t i = 0; i < 6; ++i) out += JsonQuoteForScript(fields[i]) + (i < 5 ? "," : "");
    out += ']';
  }
  out += "\n]};\n";
  return out;
}

}  // namespace smsdoc
