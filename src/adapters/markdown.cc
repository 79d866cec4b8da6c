#include "adapters/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <map>
#include <mutex>
#include <set>

#include "adapters/markdown_complexity.h"
#include "adapters/markdown_source.h"
#include "base/text.h"

namespace smsdoc {

namespace {

// cmark-gfm 0.29's extensions keep parser state in process-wide tables, so
// two parses at once corrupt each other (see ARCHITECTURE.md).
std::mutex cmark_mutex;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink", "tagfilter",
                                       "tasklist"};

// The nodes under root that `keep`, in document order.
template <typename Keep>
std::vector<cmark_node*> NodesWhere(cmark_node* root, Keep keep) {
  std::vector<cmark_node*> out;
  cmark_iter* it = cmark_iter_new(root);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev == CMARK_EVENT_ENTER && keep(n)) out.push_back(n);
  }
  cmark_iter_free(it);
  return out;
}

std::vector<cmark_node*> NodesOfType(cmark_node* root, cmark_node_type type) {
  return NodesWhere(root, [type](cmark_node* n) { return cmark_node_get_type(n) == type; });
}

bool IsLink(cmark_node* n) {
  cmark_node_type t = cmark_node_get_type(n);
  return t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE;
}

bool IsRawHtml(cmark_node* n) {
  cmark_node_type t = cmark_node_get_type(n);
  return t == CMARK_NODE_HTML_BLOCK || t == CMARK_NODE_HTML_INLINE;
}

bool InsideLink(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p))
    if (IsLink(p)) return true;
  return false;
}

bool IsExternal(std::string_view url) {
  if (StartsWith(url, "//")) return true;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' || c == '-' || c == '.'))
      return false;
  }
  return true;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The scheme of a URL that can run script or reach local files ("" if
// none), as a browser reads it: ignoring case, whitespace and controls.
std::string BlockedScheme(std::string_view url) {
  static const std::set<std::string> kBlocked = {"javascript", "vbscript", "data", "file"};
  std::string scheme;
  for (unsigned char c : url) {
    if (c <= 0x20 || c == 0x7f) continue;
    if (c == ':') return kBlocked.count(scheme) ? scheme : "";
    if (scheme.size() > 10) break;
    scheme += static_cast<char>(std::tolower(c));
  }
  return "";
}

bool IsHtmlComment(std::string_view html) {
  html = Trim(html);
  return StartsWith(html, "<!--") && html.find("-->") == html.size() - 3;
}

// Moves a node's children before it and frees it: a link keeps its text.
void Unwrap(cmark_node* node) {
  while (cmark_node* child = cmark_node_first_child(node)) cmark_node_insert_before(node, child);
  cmark_node_free(node);
}

cmark_node* TextNode(const std::string& text) {
  cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
  cmark_node_set_literal(n, text.c_str());
  return n;
}

// A task list's checkboxes have no label, so a screen reader says only
// "checkbox": name them by their state.
std::string LabelTaskCheckboxes(std::string html) {
  static const std::pair<std::string_view, std::string_view> kBoxes[] = {
      {"<input type=\"checkbox\" checked=\"\" disabled=\"\" />",
       "<input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"done\" />"},
      {"<input type=\"checkbox\" disabled=\"\" />",
       "<input type=\"checkbox\" disabled=\"\" aria-label=\"not done\" />"}};
  for (const auto& [from, to] : kBoxes)
    for (size_t at = html.find(from); at != std::string::npos; at = html.find(from, at + to.size()))
      html.replace(at, from.size(), to);
  return html;
}

class BodyRenderer {
 public:
  BodyRenderer(std::string_view text, const MarkdownOptions& options, Diagnostics& diags)
      : text_(text), options_(options), diags_(diags) {
    for (size_t start = 0; start <= text.size();) {
      size_t end = text.find('\n', start);
      if (end == std::string_view::npos) end = text.size();
      lines_.push_back(text.substr(start, end - start));
      start = end + 1;
    }
  }

  Body Run() {
    parser_ = cmark_parser_new(Flags());
    for (const char* name : kExtensions)
      cmark_parser_attach_syntax_extension(parser_, cmark_find_syntax_extension(name));
    cmark_parser_feed(parser_, text_.data(), text_.size());
    cmark_node* doc = cmark_parser_finish(parser_);
    cmark_consolidate_text_nodes(doc);

    for (cmark_node* n : NodesOfType(doc, CMARK_NODE_TEXT))
      if (!InsideLink(n)) SplitText(n);
    for (cmark_node* n : NodesWhere(doc, IsLink))
      if (!DropBlockedUrl(n) && !RemoteImage(n)) PathLink(n);
    RawHtml(doc);
    AnchorHeadings(doc);
    WrapTables(doc);

    char* html = cmark_render_html(doc, Flags(), cmark_parser_get_syntax_extensions(parser_));
    body_.html = LabelTaskCheckboxes(html);
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser_);
    return std::move(body_);
  }

 private:
  int Flags() const {
    // Without CMARK_OPT_GITHUB_PRE_LANG: CommonMark's `<code class="language-x">`,
    // which highlighters and readers expect, not `<pre lang="x">`.
    int flags = CMARK_OPT_DEFAULT;
    if (options_.allow_raw_html) flags |= CMARK_OPT_UNSAFE;
    return flags;
  }

  std::string_view Line(int body_line) const {
    return body_line >= 1 && static_cast<size_t>(body_line) <= lines_.size() ? lines_[body_line - 1]
                                                                             : std::string_view();
  }

  Pos FilePos(int body_line, int col) const {
    return body_line > 0 ? Pos{body_line + options_.first_line - 1, col} : Pos{};
  }

  // Where a node starts in the file: at the next `marker` from cmark's
  // column, since cmark's inline columns can fall short on indented
  // continuation lines (and overshoot for autolinks after a line break).
  Pos SourcePos(cmark_node* n, std::string_view marker) const {
    int line = cmark_node_get_start_line(n);
    size_t from = std::max(cmark_node_get_start_column(n) - 1, 0);
    if (from >= Line(line).size()) from = 0;
    size_t at = Line(line).find(marker, from);
    return FilePos(line, static_cast<int>(at != std::string_view::npos ? at : from) + 1);
  }

  size_t AddLink(BodyLink link) {
    body_.links.push_back(std::move(link));
    return body_.links.size() - 1;
  }

  // Splits a text node into text, link, text... for each `[[...]]`. The
  // node's literal is unescaped, so it is mapped back onto the source line:
  // that gives each link its true column, and a bracket written `\[` (or
  // as an entity) is never part of a link.
  void SplitText(cmark_node* node) {
    const std::string lit = cmark_node_get_literal(node);
    if (lit.find("[[") == std::string::npos) return;
    const int line = cmark_node_get_start_line(node);
    const SourceMap map =
        MapToSource(lit, Line(line), std::max(cmark_node_get_start_column(node) - 1, 0));

    std::vector<cmark_node*> pieces;
    std::string pending;
    size_t cursor = 0;  // lit before it is in pieces or pending
    for (size_t open = lit.find("[["); open != std::string::npos;) {
      size_t close = lit.find("]]", open + 2);
      if (close == std::string::npos) break;
      std::string inner = lit.substr(open + 2, close - open - 2);
      // `\[[[ID]]` and `[[[ID]]`: the link may start at the next bracket.
      if (map.escaped[open] || map.escaped[open + 1] || inner.find('[') != std::string::npos) {
        open = lit.find("[[", open + 1);
        continue;
      }
      int col = map.column[open] >= 0 ? map.column[open] + 1
                                      : cmark_node_get_start_column(node) + static_cast<int>(open);
      pending += lit.substr(cursor, open - cursor);
      pieces.push_back(TextNode(pending));
      pending.clear();
      pieces.push_back(WikiLink(inner, FilePos(line, col)));
      cursor = close + 2;
      open = lit.find("[[", cursor);
    }
    if (pieces.empty()) return;
    pending += lit.substr(std::min(cursor, lit.size()));
    pieces.push_back(TextNode(pending));
    cmark_node* prev = node;
    for (cmark_node* piece : pieces) {
      cmark_node_insert_after(prev, piece);
      prev = piece;
    }
    cmark_node_free(node);
  }

  // `[[ID]]`, `[[ID|text]]`, `[[ID#anchor]]`, `[[#anchor]]` (this page).
  cmark_node* WikiLink(const std::string& inner, Pos pos) {
    BodyLink link;
    link.pos = pos;
    std::string ref = inner, label;
    size_t bar = inner.find('|');
    if (bar != std::string::npos) {
      label = std::string(Trim(inner.substr(bar + 1)));
      ref = inner.substr(0, bar);
    }
    size_t hash = ref.find('#');
    if (hash != std::string::npos) {
      link.anchor = std::string(Trim(ref.substr(hash + 1)));
      ref = ref.substr(0, hash);
    }
    link.target = std::string(Trim(ref));
    if (link.target.empty() && !link.anchor.empty()) link.kind = BodyLink::Kind::kPath;
    link.show_title = label.empty();
    std::string shown = label.empty() ? link.target : label;
    size_t n = AddLink(std::move(link));
    cmark_node* anchor = cmark_node_new(CMARK_NODE_LINK);
    cmark_node_set_url(anchor, LinkUrlPlaceholder(n).c_str());
    if (!label.empty()) cmark_node_append_child(anchor, TextNode(label));
    plain_text_[anchor] = shown;
    return anchor;
  }

  // A relative link or image gets a placeholder URL; external ones stay.
  void PathLink(cmark_node* n) {
    std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
    if (url.empty() || IsExternal(url) || plain_text_.count(n)) return;
    bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
    BodyLink link;
    link.kind = BodyLink::Kind::kPath;
    link.pos = SourcePos(n, image ? "![" : "[");
    size_t suffix = std::min(url.find('?'), url.find('#'));
    if (suffix != std::string::npos) link.suffix = url.substr(suffix);
    size_t hash = url.find('#');
    if (hash != std::string::npos) {
      link.anchor = PercentDecode(url.substr(hash + 1));
      url = url.substr(0, hash);
    }
    size_t query = url.find('?');
    if (query != std::string::npos) url = url.substr(0, query);
    link.target = PercentDecode(url);
    cmark_node_set_url(n, LinkUrlPlaceholder(AddLink(std::move(link))).c_str());
  }

  // A link or image whose URL could run script keeps only its text (an
  // image its alt text), whatever the raw-HTML setting: Markdown links
  // have no business with such URLs.
  bool DropBlockedUrl(cmark_node* n) {
    const char* url = cmark_node_get_url(n);
    std::string scheme = url ? BlockedScheme(url) : "";
    if (scheme.empty()) return false;
    bool image = cmark_node_get_type(n) == CMARK_NODE_IMAGE;
    cmark_node* child = cmark_node_first_child(n);
    bool autolink = !image && child && cmark_node_get_literal(child) &&
                    cmark_node_get_literal(child) == std::string_view(url);
    std::string marker = image ? "![" : autolink ? "<" : "[";
    if (autolink) marker += url;
    Warn(SourcePos(n, marker),
         std::string(image ? "image" : "link") + " to a '" + scheme + ":' URL removed; only its " +
             (image ? "alt " : "") + "text is shown",
         "url-blocked");
    Unwrap(n);
    return true;
  }

  // An image from another host would make the page load it (and tell that
  // host who reads the SMS): it becomes a link to the image instead, or
  // its alt text where a link cannot nest (inside a link, or around one).
  bool RemoteImage(cmark_node* n) {
    const char* url = cmark_node_get_url(n);
    if (cmark_node_get_type(n) != CMARK_NODE_IMAGE || !url || !IsExternal(url)) return false;
    bool nests =
        InsideLink(n) || !NodesWhere(n, [n](cmark_node* c) { return c != n && IsLink(c); }).empty();
    Warn(SourcePos(n, "!["),
         "image '" + Shorten(url, 80) + "' is on another host and pages load nothing from " +
             "outside the site: " + (nests ? "only its alt text" : "a link to it") +
             " is shown; copy the image into the SMS and link it by a relative path",
         "url-remote");
    if (nests) {
      Unwrap(n);
      return true;
    }
    cmark_node* link = cmark_node_new(CMARK_NODE_LINK);
    cmark_node_set_url(link, url);
    if (cmark_node_get_title(n)) cmark_node_set_title(link, cmark_node_get_title(n));
    while (cmark_node* child = cmark_node_first_child(n)) cmark_node_append_child(link, child);
    if (!cmark_node_first_child(link)) cmark_node_append_child(link, TextNode(url));
    cmark_node_replace(n, link);
    cmark_node_free(n);
    return true;
  }

  // Raw HTML is shown as text unless smsdoc.yaml allows it; either way one
  // warning per file, at the first use, says so. Comments are dropped.
  void RawHtml(cmark_node* doc) {
    Pos first;
    std::string first_tag;
    int uses = 0;
    for (cmark_node* n : NodesWhere(doc, IsRawHtml)) {
      std::string html = cmark_node_get_literal(n) ? cmark_node_get_literal(n) : "";
      if (IsHtmlComment(html)) {
        if (!options_.allow_raw_html) cmark_node_free(n);
        continue;
      }
      if (uses++ == 0) {
        size_t end = html.find_first_of(">\n");
        first_tag = Shorten(Trim(html.substr(0, end == std::string::npos ? end : end + 1)), 40);
        first = SourcePos(n, "<");
      }
      if (options_.allow_raw_html) continue;
      bool block = cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK;
      cmark_node* text = cmark_node_new(block ? CMARK_NODE_CODE_BLOCK : CMARK_NODE_TEXT);
      cmark_node_set_literal(text, html.c_str());
      cmark_node_replace(n, text);
      cmark_node_free(n);
    }
    if (uses == 0) return;
    std::string what = "raw HTML '" + first_tag + "' is ";
    std::string count = uses > 1 ? " (" + std::to_string(uses) + " uses in this file)" : "";
    if (options_.allow_raw_html)
      Warn(first,
           what + "passed to the page as written" + count +
               ", since smsdoc.yaml sets 'allow_raw_html: true'",
           "raw-html");
    else
      Warn(first,
           what + "shown as text, not rendered" + count +
               "; write Markdown instead, or set 'allow_raw_html: true' in smsdoc.yaml "
               "if every author is trusted",
           "raw-html-text");
  }

  // A wide table scrolls inside its own box, never the page, and the box is
  // a focusable, named region so the keyboard can scroll it too.
  void WrapTables(cmark_node* doc) {
    auto is_table = [](cmark_node* n) {
      const char* type = cmark_node_get_type_string(n);
      return type && std::string_view(type) == "table";
    };
    for (cmark_node* table : NodesWhere(doc, is_table)) {
      cmark_node* open = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter(open,
                              "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
                              "aria-label=\"Table\">");
      cmark_node_set_on_exit(open, "");
      cmark_node* close = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter(close, "</div>");
      cmark_node_set_on_exit(close, "");
      cmark_node_insert_before(table, open);
      cmark_node_insert_after(table, close);
    }
  }

  void Warn(Pos pos, std::string message, std::string code) {
    diags_.Warning(options_.path, pos, std::move(message), std::move(code));
  }

  // Text of a node as a reader sees it; `[[ID]]` counts as its ID.
  std::string PlainText(cmark_node* node) const {
    std::string out;
    cmark_iter* it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev != CMARK_EVENT_ENTER) continue;
      cmark_node_type t = cmark_node_get_type(n);
      if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
        if (const char* lit = cmark_node_get_literal(n)) out += lit;
      } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
        out += ' ';
      } else if (auto p = plain_text_.find(n);
                 p != plain_text_.end() && cmark_node_first_child(n) == nullptr) {
        out += p->second;
      }
    }
    cmark_iter_free(it);
    return out;
  }

  void AnchorHeadings(cmark_node* doc) {
    std::set<std::string> used;
    for (cmark_node* n : NodesOfType(doc, CMARK_NODE_HEADING)) {
      Heading h;
      h.level = cmark_node_get_heading_level(n);
      h.text = std::string(Trim(PlainText(n)));
      std::string base = Slugify(h.text);
      if (base.empty()) base = "section";
      h.anchor = base;
      for (int k = 1; used.count(h.anchor); ++k) h.anchor = base + "-" + std::to_string(k);
      used.insert(h.anchor);

      // Render the heading alone, then give it its id; a custom block
      // carries the HTML through the renderer whatever the raw-HTML setting.
      char* rendered = cmark_render_html(n, Flags(), cmark_parser_get_syntax_extensions(parser_));
      std::string html = rendered;
      free(rendered);
      std::string open = "<h" + std::to_string(h.level) + ">";
      if (StartsWith(html, open)) {
        html = "<h" + std::to_string(h.level) + " id=\"" + HtmlEscape(h.anchor) + "\">" +
               html.substr(open.size());
      }
      cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter(block, html.c_str());
      cmark_node_set_on_exit(block, "");
      cmark_node_replace(n, block);
      cmark_node_free(n);
      body_.headings.push_back(std::move(h));
    }
  }

  std::string_view text_;
  const MarkdownOptions& options_;
  Diagnostics& diags_;
  std::vector<std::string_view> lines_;
  cmark_parser* parser_ = nullptr;
  std::map<cmark_node*, std::string> plain_text_;  ///< wiki links' reader text
  Body body_;
};

}  // namespace

Body RenderMarkdown(std::string_view text, const MarkdownOptions& options, Diagnostics* diags) {
  // Refused before the parse: Debian's cmark-gfm would stall on it.
  if (auto too_complex = FindMarkdownTooComplex(text)) {
    if (diags)
      diags->Error(options.path, {too_complex->line + options.first_line - 1, too_complex->col},
                   "Markdown too complex to parse: " + too_complex->message,
                   "markdown-too-complex");
    return {};
  }
  std::lock_guard<std::mutex> lock(cmark_mutex);
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  Diagnostics ignored;
  return BodyRenderer(text, options, diags ? *diags : ignored).Run();
}

}  // namespace smsdoc
