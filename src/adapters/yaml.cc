#include "adapters/yaml.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "adapters/yaml_scan.h"

namespace smsdoc {

namespace {

// yaml-cpp recurses once per level; real content nests a handful.
constexpr int kMaxDepth = 100;
// Copying what aliases name could explode ("billion laughs"), so what they
// copy (nodes plus scalar bytes) is bounded. Text without aliases is
// bounded by the file size limit instead.
constexpr size_t kMaxAliasCopy = 1'000'000;

bool Before(Pos a, Pos b) { return a.line < b.line || (a.line == b.line && a.col < b.col); }

// Builds the tree from yaml-cpp's parser events in the one pass over the
// text (yaml-cpp's own node tree would cost a second pass and more than the
// parse). Aliases copy their anchor's finished subtree, so copies keep the
// anchor's positions; what they copy is measured before copying.
class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view text, const std::string& path, int first_line)
      : text_(text), path_(path), first_line_(first_line) {}

  YamlNode root;
  size_t documents = 0;
  Pos second_root;         // where a second document starts
  Pos comma_root;          // a root at a ',' (yaml-cpp 0.7 takes it for a document)
  Pos too_big, too_deep;   // at the anchor whose copies are too much
  Diagnostics key_errors;  // duplicate and merge keys: said once the text parses

  void OnDocumentStart(const YAML::Mark&) override { ++documents; }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& m, YAML::anchor_t anchor) override {
    YamlNode node;
    node.pos = PosOf(m);
    Finish(std::move(node), anchor, m);
  }

  void OnScalar(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.type = YamlNode::Type::kScalar;
    node.pos = PosOf(m);
    node.scalar = value;
    Finish(std::move(node), anchor, m);
  }

  void OnAlias(const YAML::Mark& m, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {  // an alias inside its own anchor
      auto open = open_anchors_.find(anchor);
      if (!too_deep.line) too_deep = open != open_anchors_.end() ? open->second : PosOf(m);
      return Finish(YamlNode{}, 0, m);
    }
    const Anchored& anchored = it->second;
    if (static_cast<int>(stack_.size()) + anchored.height > kMaxDepth && !too_deep.line)
      too_deep = anchored.node.pos;
    copied_ += anchored.size;
    if (copied_ > kMaxAliasCopy && !too_big.line) too_big = anchored.node.pos;
    NoteRoot(m);
    if (Failed()) return AddTo(YamlNode{}, 0, 1, 1);
    AddTo(YamlNode(anchored.node), 0, anchored.size, anchored.height);
  }

  void OnSequenceStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(YamlNode::Type::kSequence, m, anchor);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& m, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(YamlNode::Type::kMap, m, anchor);
  }
  void OnMapEnd() override { Close(); }

  bool Failed() const { return too_big.line || too_deep.line; }

 private:
  struct Anchored {
    YamlNode node;
    size_t size;  // nodes plus scalar bytes, what one copy costs
    int height;
  };
  struct Frame {
    YamlNode node;
    YAML::anchor_t anchor;
    size_t size = 1;
    int height = 1;
    std::optional<YamlNode> key;  // in a map: the key waiting for its value
    std::set<std::string> keys;   // in a map: the keys so far
  };

  Pos PosOf(const YAML::Mark& m) const {
    if (m.line < 0) return {};
    return {m.line + first_line_, m.column + 1};
  }

  void Open(YamlNode::Type type, const YAML::Mark& m, YAML::anchor_t anchor) {
    Frame frame;
    frame.node.type = type;
    frame.node.pos = PosOf(m);
    frame.anchor = anchor;
    if (anchor) open_anchors_[anchor] = frame.node.pos;
    NoteRoot(m);
    stack_.push_back(std::move(frame));
  }

  void Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    size_t size = frame.size;
    int height = frame.height;
    AddTo(std::move(frame.node), frame.anchor, size, height);
  }

  // A node complete in itself (a scalar, a null, an alias's copy).
  void Finish(YamlNode node, YAML::anchor_t anchor, const YAML::Mark& m) {
    NoteRoot(m);
    size_t size = 1 + node.scalar.size();
    AddTo(std::move(node), anchor, size, 1);
  }

  void NoteRoot(const YAML::Mark& m) {
    if (!stack_.empty() || noted_ == documents) return;
    noted_ = documents;
    if (documents == 2) second_root = {m.line < 0 ? first_line_ : m.line + first_line_, 1};
    if (m.pos >= 0 && static_cast<size_t>(m.pos) < text_.size() && text_[m.pos] == ',' &&
        !comma_root.line)
      comma_root = {m.line + 1, m.column + 1};
  }

  void AddTo(YamlNode node, YAML::anchor_t anchor, size_t size, int height) {
    if (anchor) {
      // Kept for its aliases, within the same bound as what they copy, so
      // nested anchors cannot make the kept copies grow without end: past
      // it, an anchor keeps only its position, and an alias to it is too
      // much to copy.
      if (kept_ + size <= kMaxAliasCopy) {
        kept_ += size;
        anchors_[anchor] = {node, size, height};
      } else {
        YamlNode position_only;
        position_only.pos = node.pos;
        anchors_[anchor] = {std::move(position_only), kMaxAliasCopy + 1, height};
      }
      open_anchors_.erase(anchor);
    }
    if (stack_.empty()) {
      if (documents == 1) root = std::move(node);
      return;
    }
    Frame& parent = stack_.back();
    parent.size += size;
    parent.height = std::max(parent.height, height + 1);
    if (parent.node.type == YamlNode::Type::kSequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.key) {
      parent.key = std::move(node);
    } else {
      YamlNode key = std::move(*parent.key);
      parent.key.reset();
      const std::string name = key.IsScalar() ? key.scalar : "";
      if (name == "<<") {  // YAML 1.1 only; yaml-cpp keeps it as a key
        key_errors.Error(path_, key.pos,
                         "merge keys ('<<: *anchor') are not supported; write the fields out",
                         "yaml-merge-key");
      } else if (!parent.keys.insert(name).second) {
        key_errors.Error(path_, key.pos, "duplicate key '" + name + "'", "yaml-duplicate-key");
      } else {
        parent.node.entries.push_back({name, key.pos, std::move(node)});
      }
    }
  }

  std::string_view text_;  // for the ',' check
  const std::string& path_;
  int first_line_;
  std::vector<Frame> stack_;
  std::map<YAML::anchor_t, Anchored> anchors_;
  std::map<YAML::anchor_t, Pos> open_anchors_;
  size_t copied_ = 0;  // what aliases copied
  size_t kept_ = 0;    // what anchors keep for their aliases
  size_t noted_ = 0;
};

// Explains a parse that failed at `at` by the first slip the scan found
// before it, pointing at the slip rather than where the parser gave up.
std::pair<Pos, std::string> Explain(const YamlScan& scan, Pos at) {
  std::pair<Pos, std::string> best{at, ""};
  auto consider = [&](Pos pos, std::string message) {
    if (pos.line && !Before(at, pos) && (best.second.empty() || Before(pos, best.first)))
      best = {pos, std::move(message)};
  };
  consider(scan.tab_indent, "a tab in the indentation; YAML indents with spaces only");
  consider(scan.open_quote, "the quote opened here is not closed on its line");
  consider(scan.open_bracket, std::string("the '") + scan.bracket +
                                  "' opened here is never closed with '" +
                                  (scan.bracket == '[' ? ']' : '}') + "'");
  return best;
}

}  // namespace

const YamlNode* YamlNode::Find(std::string_view key) const {
  const Entry* e = FindEntry(key);
  return e ? &e->value : nullptr;
}

const YamlNode::Entry* YamlNode::FindEntry(std::string_view key) const {
  for (const auto& e : entries)
    if (e.key == key) return &e;
  return nullptr;
}

YamlNode ParseYaml(std::string_view text, const std::string& path, int first_line,
                   Diagnostics& diags) {
  YamlScan scan = ScanYaml(text, kMaxDepth);
  auto in_file = [&](Pos p) { return Pos{p.line + first_line - 1, p.col}; };
  if (scan.too_deep.line) {
    diags.Error(path, in_file(scan.too_deep),
                "YAML nested more than " + std::to_string(kMaxDepth) + " levels deep",
                "yaml-too-deep");
    return {};
  }
  TreeBuilder builder(text, path, first_line);
  try {
    std::string input(text);
    std::istringstream in(input);
    YAML::Parser parser(in);
    // At most two documents: the second is an error, and yaml-cpp 0.7
    // would return empty documents for ever at a ',' (jbeder/yaml-cpp#1040).
    while (builder.documents < 2 && !builder.comma_root.line &&
           parser.HandleNextDocument(builder)) {
    }
    if (builder.comma_root.line) {
      YAML::Mark m;
      m.line = builder.comma_root.line - 1;
      m.column = builder.comma_root.col - 1;
      throw YAML::ParserException(m, "a ',' outside a [list] or {mapping}");
    }
    if (builder.documents > 1 && builder.second_root.line) {
      diags.Error(path, builder.second_root,
                  "more than one YAML document ('---') in one file; use one list instead",
                  "yaml-documents");
      return {};
    }
  } catch (const YAML::ParserException& e) {
    // A mark of -1 means the end of the text: every slip lies before it.
    Pos at = e.mark.line < 0 ? Pos{1 << 30, 1} : Pos{e.mark.line + 1, e.mark.column + 1};
    auto [pos, hint] = Explain(scan, at);
    if (hint.empty() && e.mark.line < 0) pos = {1, 1};
    diags.Error(path, in_file(pos), "YAML syntax: " + (hint.empty() ? e.msg : hint), "yaml-syntax");
    return {};
  } catch (const YAML::Exception& e) {
    diags.Error(path, {first_line, 1}, "YAML: " + e.msg, "yaml-syntax");
    return {};
  }
  diags.Merge(std::move(builder.key_errors));
  if (builder.too_deep.line) {
    diags.Error(path, builder.too_deep,
                "aliases nest the YAML more than " + std::to_string(kMaxDepth) +
                    " levels deep (an alias inside its own anchor?)",
                "yaml-too-deep");
    return {};
  }
  if (builder.too_big.line) {
    diags.Error(path, builder.too_big,
                "aliases copy more than " + std::to_string(kMaxAliasCopy) +
                    " nodes and bytes (an alias bomb?); write the values out instead",
                "yaml-too-large");
    return {};
  }
  return std::move(builder.root);
}

std::string DescribeYaml(const YamlNode& node) {
  switch (node.type) {
    case YamlNode::Type::kNull: return "nothing";
    case YamlNode::Type::kScalar: return "'" + node.scalar + "'";
    case YamlNode::Type::kSequence: return "a list";
    case YamlNode::Type::kMap: return "a mapping";
  }
  return "";
}

}  // namespace smsdoc
