#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// One JSON value with where it starts (1-based line and byte column of
/// its first character: the opening quote, bracket or digit).
struct JsonNode {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  std::string text;  ///< a string unescaped (UTF-8), a number as written, "true"/"false"
  Pos pos;
  std::vector<JsonNode> items;    ///< an array's items, an object's values (in order)
  std::vector<std::string> keys;  ///< an object's keys, one for each of its items

  /// The member named `key` of an object, or nullptr.
  const JsonNode* Find(std::string_view key) const;
};

/// A JSON text (RFC 8259) and its problems. Parsing stops at the first
/// syntax error (nothing after it can be trusted); a key repeated in an
/// object is a problem too, listed without stopping.
struct ParsedJson {
  JsonNode root;
  std::vector<std::pair<Pos, std::string>> problems;
  bool complete = true;  ///< false after a syntax error: `root` is partial
};

/// Parses `text` strictly: no comments, no trailing commas, strings with
/// the JSON escapes only (`\u` surrogate pairs made one code point, a lone
/// surrogate refused), nesting at most 256 deep. A leading UTF-8 byte
/// order mark is skipped.
ParsedJson ParseJson(std::string_view text);

}  // namespace smsdoc
