#include "adapters/markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <cstdlib>
#include <map>
#include <mutex>

#include "base/text.h"

namespace smsdoc {

namespace {

// cmark-gfm 0.29's extensions keep parser state in process-wide tables, so
// two parses at once corrupt each other (see ARCHITECTURE.md).
std::mutex cmark_mutex;

constexpr const char* kExtensions[] = {"table", "strikethrough", "autolink",
                                       "tagfilter", "tasklist"};

bool InsideLink(cmark_node* node) {
  for (cmark_node* p = cmark_node_parent(node); p; p = cmark_node_parent(p)) {
    cmark_node_type t = cmark_node_get_type(p);
    if (t == CMARK_NODE_LINK || t == CMARK_NODE_IMAGE) return true;
  }
  return false;
}

std::string PlainText(cmark_node* node) {
  std::string out;
  cmark_iter* it = cmark_iter_new(node);
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    cmark_node* n = cmark_iter_get_node(it);
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node_type t = cmark_node_get_type(n);
    if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE) {
      const char* lit = cmark_node_get_literal(n);
      if (lit) out += lit;
    } else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
      out += ' ';
    }
  }
  cmark_iter_free(it);
  return out;
}

bool IsExternal(std::string_view url) {
  if (StartsWith(url, "//")) return true;
  size_t colon = url.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '+' ||
          c == '-' || c == '.'))
      return false;
  }
  return true;
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() &&
        std::isxdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(s[i + 2]))) {
      out += static_cast<char>(std::stoi(std::string(s.substr(i + 1, 2)), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

class BodyRenderer {
 public:
  BodyRenderer(const MarkdownOptions& options) : options_(options) {}

  MarkdownResult Run(std::string_view text) {
    cmark_parser* parser = parser_ = cmark_parser_new(Flags());
    for (const char* name : kExtensions)
      cmark_parser_attach_syntax_extension(parser,
                                           cmark_find_syntax_extension(name));
    cmark_parser_feed(parser, text.data(), text.size());
    cmark_node* doc = cmark_parser_finish(parser);
    cmark_consolidate_text_nodes(doc);

    ExpandWikiLinks(doc);
    CollectPathLinks(doc);
    AnchorHeadings(doc);

    char* html = cmark_render_html(doc, Flags(),
                                   cmark_parser_get_syntax_extensions(parser));
    result_.html = html;
    free(html);
    cmark_node_free(doc);
    cmark_parser_free(parser);
    return std::move(result_);
  }

 private:
  int Flags() const {
    int flags = CMARK_OPT_DEFAULT | CMARK_OPT_GITHUB_PRE_LANG;
    if (options_.allow_raw_html) flags |= CMARK_OPT_UNSAFE;
    return flags;
  }

  Pos FilePos(cmark_node* n, int col_offset = 0) const {
    int line = cmark_node_get_start_line(n);
    if (line <= 0) return {};
    return {line + options_.first_line - 1,
            cmark_node_get_start_column(n) + col_offset};
  }

  std::string AddLink(MarkdownLink link) {
    result_.links.push_back(std::move(link));
    return std::string(kLinkUrlPrefix) +
           std::to_string(result_.links.size() - 1);
  }

  // `[[ID]]`, `[[ID|text]]`, `[[ID#anchor]]` become link nodes.
  void ExpandWikiLinks(cmark_node* doc) {
    std::vector<cmark_node*> texts;
    cmark_iter* it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_TEXT)
        texts.push_back(n);
    }
    cmark_iter_free(it);
    for (cmark_node* n : texts) {
      if (!InsideLink(n)) SplitText(n);
    }
  }

  // Splits one text node into text, link, text, ... for each `[[...]]`.
  void SplitText(cmark_node* node) {
    const std::string lit = cmark_node_get_literal(node);
    const Pos start = FilePos(node);
    std::vector<cmark_node*> pieces;
    std::string pending;  // text since the last link
    size_t cursor = 0;
    while (cursor < lit.size()) {
      size_t open = lit.find("[[", cursor);
      size_t close =
          open == std::string::npos ? open : lit.find("]]", open + 2);
      if (close == std::string::npos) break;
      std::string inner = lit.substr(open + 2, close - open - 2);
      if (inner.find('[') != std::string::npos || Trim(inner).empty()) {
        pending += lit.substr(cursor, open + 1 - cursor);
        cursor = open + 1;
        continue;
      }
      pending += lit.substr(cursor, open - cursor);
      pieces.push_back(TextNode(pending));
      pending.clear();
      pieces.push_back(WikiLink(inner, start.line ? Pos{start.line, start.col + static_cast<int>(open)} : Pos{}));
      cursor = close + 2;
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

  static cmark_node* TextNode(const std::string& text) {
    cmark_node* n = cmark_node_new(CMARK_NODE_TEXT);
    cmark_node_set_literal(n, text.c_str());
    return n;
  }

  cmark_node* WikiLink(const std::string& inner, Pos pos) {
    MarkdownLink link;
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
    link.has_text = !label.empty();
    if (!link.has_text) label = LinkTitlePlaceholder(result_.links.size());
    cmark_node* anchor = cmark_node_new(CMARK_NODE_LINK);
    cmark_node_set_url(anchor, AddLink(std::move(link)).c_str());
    cmark_node_append_child(anchor, TextNode(label));
    return anchor;
  }

  void CollectPathLinks(cmark_node* doc) {
    cmark_iter* it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* n = cmark_iter_get_node(it);
      cmark_node_type t = cmark_node_get_type(n);
      if (ev != CMARK_EVENT_ENTER ||
          (t != CMARK_NODE_LINK && t != CMARK_NODE_IMAGE))
        continue;
      std::string url = cmark_node_get_url(n) ? cmark_node_get_url(n) : "";
      if (url.empty() || StartsWith(url, kLinkUrlPrefix) || IsExternal(url))
        continue;
      MarkdownLink link;
      link.kind = MarkdownLink::Kind::kPath;
      link.pos = FilePos(n);
      size_t hash = url.find('#');
      if (hash != std::string::npos) {
        link.anchor = PercentDecode(url.substr(hash + 1));
        url = url.substr(0, hash);
      }
      size_t query = url.find('?');
      if (query != std::string::npos) url = url.substr(0, query);
      link.target = PercentDecode(url);
      cmark_node_set_url(n, AddLink(std::move(link)).c_str());
    }
    cmark_iter_free(it);
  }

  void AnchorHeadings(cmark_node* doc) {
    std::vector<cmark_node*> headings;
    cmark_iter* it = cmark_iter_new(doc);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
      cmark_node* n = cmark_iter_get_node(it);
      if (ev == CMARK_EVENT_ENTER &&
          cmark_node_get_type(n) == CMARK_NODE_HEADING)
        headings.push_back(n);
    }
    cmark_iter_free(it);

    std::map<std::string, int> used;
    for (cmark_node* n : headings) {
      Heading h;
      h.level = cmark_node_get_heading_level(n);
      h.text = std::string(Trim(PlainText(n)));
      h.line = FilePos(n).line;
      std::string base = Slugify(h.text);
      if (base.empty()) base = "section";
      h.anchor = base;
      for (int k = 1; used.count(h.anchor); ++k)
        h.anchor = base + "-" + std::to_string(k);
      used[h.anchor] = 1;

      // Render the heading alone, then give it its id; a custom block
      // carries the HTML through the renderer whatever the raw-HTML setting.
      char* inner = cmark_render_html(
          n, Flags(), cmark_parser_get_syntax_extensions(parser_));
      std::string html = inner;
      free(inner);
      std::string open = "<h" + std::to_string(h.level) + ">";
      if (StartsWith(html, open)) {
        html = "<h" + std::to_string(h.level) + " id=\"" + HtmlEscape(h.anchor) +
               "\">" + html.substr(open.size());
      }
      cmark_node* block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
      cmark_node_set_on_enter(block, html.c_str());
      cmark_node_set_on_exit(block, "");
      cmark_node_replace(n, block);
      cmark_node_free(n);
      result_.headings.push_back(std::move(h));
    }
  }

  const MarkdownOptions& options_;
  MarkdownResult result_;
  cmark_parser* parser_ = nullptr;
};

}  // namespace

std::string LinkTitlePlaceholder(size_t n) {
  return std::string(kLinkTitleMark) + "title:" + std::to_string(n) +
         std::string(kLinkTitleMark);
}

MarkdownResult RenderMarkdown(std::string_view text,
                              const MarkdownOptions& options) {
  std::lock_guard<std::mutex> lock(cmark_mutex);
  static const bool registered = [] {
    cmark_gfm_core_extensions_ensure_registered();
    return true;
  }();
  (void)registered;
  return BodyRenderer(options).Run(text);
}

}  // namespace smsdoc
