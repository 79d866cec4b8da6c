#include "adapters/yaml.h"

#include <yaml-cpp/yaml.h>

#include <set>

namespace smsdoc {

namespace {

// Aliases share nodes in yaml-cpp; copying them out could explode
// ("billion laughs"), so the copy is bounded.
constexpr size_t kMaxNodes = 2'000'000;

struct Converter {
  const std::string& path;
  int first_line;
  Diagnostics& diags;
  size_t count = 0;
  bool too_big = false;

  Pos PosOf(const YAML::Node& n) const {
    YAML::Mark m = n.Mark();
    if (m.line < 0) return {};
    return {m.line + first_line, m.column + 1};
  }

  YamlNode Convert(const YAML::Node& n) {
    YamlNode out;
    if (++count > kMaxNodes) {
      too_big = true;
      return out;
    }
    out.pos = PosOf(n);
    switch (n.Type()) {
      case YAML::NodeType::Scalar:
        out.type = YamlNode::Type::kScalar;
        out.scalar = n.Scalar();
        break;
      case YAML::NodeType::Sequence:
        out.type = YamlNode::Type::kSequence;
        for (const auto& item : n) {
          out.items.push_back(Convert(item));
          if (too_big) break;
        }
        break;
      case YAML::NodeType::Map: {
        out.type = YamlNode::Type::kMap;
        std::set<std::string> seen;
        for (const auto& kv : n) {
          std::string key = kv.first.IsScalar() ? kv.first.Scalar() : "";
          Pos key_pos = PosOf(kv.first);
          if (!seen.insert(key).second) {
            diags.Error(path, key_pos, "duplicate key '" + key + "'",
                        "yaml-duplicate-key");
            continue;
          }
          out.entries.push_back({key, key_pos, Convert(kv.second)});
          if (too_big) break;
        }
        break;
      }
      default:
        out.type = YamlNode::Type::kNull;
    }
    return out;
  }
};

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

YamlNode ParseYaml(std::string_view text, const std::string& path,
                   int first_line, Diagnostics& diags) {
  YAML::Node root;
  try {
    std::vector<YAML::Node> documents = YAML::LoadAll(std::string(text));
    if (documents.size() > 1) {
      int line = documents[1].Mark().line;
      diags.Error(path, {line < 0 ? first_line : line + first_line, 1},
                  "more than one YAML document ('---') in one file; use one list instead",
                  "yaml-documents");
      return {};
    }
    if (!documents.empty()) root = documents[0];
  } catch (const YAML::ParserException& e) {
    Pos pos{e.mark.line < 0 ? first_line : e.mark.line + first_line,
            e.mark.column < 0 ? 1 : e.mark.column + 1};
    diags.Error(path, pos, "YAML syntax: " + e.msg, "yaml-syntax");
    return {};
  } catch (const YAML::Exception& e) {
    diags.Error(path, {first_line, 1}, "YAML: " + e.msg, "yaml-syntax");
    return {};
  }
  Converter converter{path, first_line, diags};
  YamlNode out = converter.Convert(root);
  if (converter.too_big) {
    diags.Error(path, {first_line, 1},
                "YAML expands to more than " + std::to_string(kMaxNodes) +
                    " nodes (alias bomb?)",
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
