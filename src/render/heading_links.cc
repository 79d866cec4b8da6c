#include "render/heading_links.h"

#include <cctype>

namespace smsdoc {

namespace {

// Where the next `<hN id="` starts at or after `from`, its level and where
// the id starts; npos when there is none.
size_t FindHeading(const std::string& html, size_t from, char& level, size_t& id_at) {
  for (size_t at = html.find("<h", from); at != std::string::npos; at = html.find("<h", at + 2)) {
    if (at + 9 > html.size() || html[at + 2] < '1' || html[at + 2] > '6') continue;
    if (html.compare(at + 3, 5, " id=\"") != 0) continue;
    level = html[at + 2];
    id_at = at + 8;
    return at;
  }
  return std::string::npos;
}

}  // namespace

std::string AddHeadingLinks(const std::string& html) {
  std::string out;
  out.reserve(html.size() + html.size() / 8);
  size_t pos = 0, id_at = 0;
  char level = 0;
  for (size_t at; (at = FindHeading(html, pos, level, id_at)) != std::string::npos;) {
    size_t id_end = html.find('"', id_at);
    std::string close = std::string("</h") + level + ">";
    size_t end = id_end == std::string::npos ? id_end : html.find(close, id_end);
    if (end == std::string::npos) break;
    // The id is already escaped for an attribute: it goes into href as is.
    out.append(html, pos, end - pos);
    out += "<a class=\"heading-link\" href=\"#";
    out.append(html, id_at, id_end - id_at);
    out += "\" aria-label=\"Link to this section\">#</a>";
    pos = end;
  }
  out.append(html, pos, std::string::npos);
  return out;
}

std::string PrefixHeadingIds(const std::string& html, const std::string& prefix) {
  std::string out;
  out.reserve(html.size() + html.size() / 16);
  size_t pos = 0, id_at = 0;
  char level = 0;
  for (size_t at; (at = FindHeading(html, pos, level, id_at)) != std::string::npos;) {
    out.append(html, pos, id_at - pos);
    out += prefix;
    pos = id_at;
  }
  out.append(html, pos, std::string::npos);
  // Same-page links: href="#x" -> href="#PREFIXx".
  std::string result;
  result.reserve(out.size());
  static const std::string kHref = "href=\"#";
  pos = 0;
  for (size_t at; (at = out.find(kHref, pos)) != std::string::npos;) {
    result.append(out, pos, at + kHref.size() - pos);
    result += prefix;
    pos = at + kHref.size();
  }
  result.append(out, pos, std::string::npos);
  return result;
}

}  // namespace smsdoc
