#pragma once
#include <string>
#include <vector>

namespace smsdoc {

/// A JSON value built in code and printed with its members in the order
/// they were set, so the same input always prints the same bytes (files
/// other tools read: `smsdoc schema`).
struct JsonValue {
  enum class Type { kNull, kBool, kNumber, kString, kArray, kObject };
  Type type = Type::kNull;
  bool boolean = false;
  std::string text;  ///< a string, or a number as written
  std::vector<JsonValue> items;
  /// An object's members, in the order set: keys[i] names values[i]
  /// (parallel vectors: a pair would need JsonValue complete here).
  std::vector<std::string> keys;
  std::vector<JsonValue> values;

  static JsonValue String(std::string s);
  static JsonValue Number(std::string written);
  static JsonValue Integer(long n);
  static JsonValue Bool(bool b);
  static JsonValue Array();
  static JsonValue Object();
  /// An array of strings.
  static JsonValue Strings(const std::vector<std::string>& values);

  /// Sets `key`, replacing a member of that name in place; returns this
  /// object, for chains.
  JsonValue& Set(const std::string& key, JsonValue value);
  /// Appends to this array; returns it.
  JsonValue& Push(JsonValue value);
  /// The member `key`, or nullptr.
  const JsonValue* Find(const std::string& key) const;
  JsonValue* Find(const std::string& key);

  /// Pretty-printed with two-space indents and a final newline.
  std::string Dump() const;
};

}  // namespace smsdoc
