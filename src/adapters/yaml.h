#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// A parsed YAML value with the position of every node: plain data, so
/// nothing outside this adapter sees yaml-cpp.
struct YamlNode {
  enum class Type { kNull, kScalar, kSequence, kMap };
  struct Entry;

  Type type = Type::kNull;
  std::string scalar;           ///< for kScalar
  Pos pos;                      ///< 1-based, in the file (offsets applied)
  std::vector<YamlNode> items;  ///< for kSequence
  std::vector<Entry> entries;   ///< for kMap, in file order

  bool IsScalar() const { return type == Type::kScalar; }
  bool IsSequence() const { return type == Type::kSequence; }
  bool IsMap() const { return type == Type::kMap; }
  bool IsNull() const { return type == Type::kNull; }
  /// The value of `key` in a map, or nullptr.
  const YamlNode* Find(std::string_view key) const;
  /// The entry of `key` in a map (for the key's position), or nullptr.
  const Entry* FindEntry(std::string_view key) const;
};

struct YamlNode::Entry {
  std::string key;
  Pos key_pos;
  YamlNode value;
};

/// Parses YAML text. `first_line` is the file line where the text starts,
/// so positions point into the file. Syntax errors (at the slip when the
/// scan of yaml_scan.h finds one), duplicate and merge keys, nesting beyond
/// 100 levels and alias bombs are reported to `diags` against `path`; on
/// all but the key errors the result is null.
YamlNode ParseYaml(std::string_view text, const std::string& path, int first_line,
                   Diagnostics& diags);

/// Describes a node's type for messages: "a list", "a mapping", "'text'".
std::string DescribeYaml(const YamlNode& node);

}  // namespace smsdoc
