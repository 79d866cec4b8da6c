#include "adapters/yaml.h"

#include <yaml-cpp/yaml.h>

#include <set>

#include "adapters/yaml_documents.h"
#include "adapters/yaml_scan.h"

namespace smsdoc {

namespace {

// yaml-cpp and the converter below recurse once per level; real content
// nests a handful of levels.
constexpr int kMaxDepth = 100;
// Aliases share nodes in yaml-cpp; copying them out could explode
// ("billion laughs"), so what aliases copy (nodes plus scalar bytes) is
// bounded. Text without aliases is bounded by the file size limit instead.
constexpr size_t kMaxAliasCopy = 1'000'000;

bool Before(Pos a, Pos b) { return a.line < b.line || (a.line == b.line && a.col < b.col); }

struct Converter {
  const std::string& path;
  int first_line;
  Diagnostics& diags;
  Pos last;  // the furthest node seen in file order
  size_t alias_copy = 0;
  Pos too_big, too_deep;

  Pos PosOf(const YAML::Node& n) const {
    YAML::Mark m = n.Mark();
    if (m.line < 0) return {};
    return {m.line + first_line, m.column + 1};
  }

  bool Failed() const { return too_big.line || too_deep.line; }

  // A node met again earlier in the file than one already seen is an
  // alias's copy of its anchor (anchors come before their aliases);
  // `anchor` is then where the copied node is, and problems point there.
  YamlNode Convert(const YAML::Node& n, int depth, Pos anchor) {
    YamlNode out;
    out.pos = PosOf(n);
    if (out.pos.line && !anchor.line) {
      if (Before(out.pos, last))
        anchor = out.pos;
      else
        last = out.pos;
    }
    bool copied = anchor.line != 0;
    if (depth > kMaxDepth) {  // only aliases nest deeper than the text
      too_deep = anchor;
      return out;
    }
    if (copied) {
      alias_copy += 1 + (n.IsScalar() ? n.Scalar().size() : 0);
      if (alias_copy > kMaxAliasCopy) too_big = anchor;
      if (too_big.line) return out;
    }
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        out.type = YamlNode::Type::kScalar;
        out.scalar = n.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.type = YamlNode::Type::kSequence;
        for (const auto& item : n) {
          out.items.push_back(Convert(item, depth + 1, anchor));
          if (Failed()) break;
        }
        break;
      case YAML::NodeType::Map: {
        out.type = YamlNode::Type::kMap;
        std::set<std::string> seen;
        for (const auto& kv : n) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
          Pos key_pos = PosOf(kv.first);
          if (key == "<<" && !copied) {  // YAML 1.1 only; yaml-cpp keeps it as a key
            diags.Error(path, key_pos,
                        "merge keys ('<<: *anchor') are not supported; write the fields out",
                        "yaml-merge-key");
            continue;
          }
          if (!seen.insert(key).second) {
            if (!copied)
              diags.Error(path, key_pos, "duplicate key '" + key + "'", "yaml-duplicate-key");
            continue;
          }
          out.entries.push_back({key, key_pos, Convert(kv.second, depth + 1, anchor)});
          if (Failed()) break;
        }
        break;
      }
      default: out.type = YamlNode::Type::kNull;
    }
    return out;
  }
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
  YAML::Node root;
  try {
    // Not YAML::LoadAll, which can loop for ever (yaml_documents.h).
    std::string input(text);
    std::vector<YAML::Mark> roots = DocumentRoots(input);
    if (roots.size() > 1) {
      int line = roots[1].line;
      diags.Error(path, {line < 0 ? first_line : line + first_line, 1},
                  "more than one YAML document ('---') in one file; use one list instead",
                  "yaml-documents");
      return {};
    }
    root = YAML::Load(input);
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
  Converter converter{path, first_line, diags};
  YamlNode out = converter.Convert(root, 0, {});
  if (converter.too_deep.line) {
    diags.Error(path, converter.too_deep,
                "aliases nest the YAML more than " + std::to_string(kMaxDepth) +
                    " levels deep (an alias inside its own anchor?)",
                "yaml-too-deep");
    return {};
  }
  if (converter.too_big.line) {
    diags.Error(path, converter.too_big,
                "aliases copy more than " + std::to_string(kMaxAliasCopy) +
                    " nodes and bytes (an alias bomb?); write the values out instead",
                "yaml-too-large");
    return {};
  }
  return out;
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
