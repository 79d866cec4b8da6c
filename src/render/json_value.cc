#include "render/json_value.h"

#include "base/json.h"

namespace smsdoc {

JsonValue JsonValue::String(std::string s) {
  JsonValue v;
  v.type = Type::kString;
  v.text = std::move(s);
  return v;
}

JsonValue JsonValue::Number(std::string written) {
  JsonValue v;
  v.type = Type::kNumber;
  v.text = std::move(written);
  return v;
}

JsonValue JsonValue::Integer(long n) { return Number(std::to_string(n)); }

JsonValue JsonValue::Bool(bool b) {
  JsonValue v;
  v.type = Type::kBool;
  v.boolean = b;
  return v;
}

JsonValue JsonValue::Array() {
  JsonValue v;
  v.type = Type::kArray;
  return v;
}

JsonValue JsonValue::Object() {
  JsonValue v;
  v.type = Type::kObject;
  return v;
}

JsonValue JsonValue::Strings(const std::vector<std::string>& values) {
  JsonValue v = Array();
  for (const auto& s : values) v.Push(String(s));
  return v;
}

JsonValue& JsonValue::Set(const std::string& key, JsonValue value) {
  type = Type::kObject;
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) {
      values[i] = std::move(value);
      return *this;
    }
  keys.push_back(key);
  values.push_back(std::move(value));
  return *this;
}

JsonValue& JsonValue::Push(JsonValue value) {
  type = Type::kArray;
  items.push_back(std::move(value));
  return *this;
}

const JsonValue* JsonValue::Find(const std::string& key) const {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return &values[i];
  return nullptr;
}

JsonValue* JsonValue::Find(const std::string& key) {
  for (size_t i = 0; i < keys.size(); ++i)
    if (keys[i] == key) return &values[i];
  return nullptr;
}

namespace {

void DumpTo(const JsonValue& v, int depth, std::string& out) {
  const std::string pad(2 * (depth + 1), ' '), end_pad(2 * depth, ' ');
  switch (v.type) {
    case JsonValue::Type::kNull: out += "null"; return;
    case JsonValue::Type::kBool: out += v.boolean ? "true" : "false"; return;
    case JsonValue::Type::kNumber: out += v.text; return;
    case JsonValue::Type::kString: out += JsonQuote(v.text); return;
    case JsonValue::Type::kArray: {
      // Arrays of scalars on one line: enums stay readable.
      bool flat = true;
      for (const auto& item : v.items)
        flat =
            flat && item.type != JsonValue::Type::kArray && item.type != JsonValue::Type::kObject;
      if (v.items.empty() || flat) {
        out += "[";
        for (size_t i = 0; i < v.items.size(); ++i) {
          if (i) out += ", ";
          DumpTo(v.items[i], depth + 1, out);
        }
        out += "]";
        return;
      }
      out += "[\n";
      for (size_t i = 0; i < v.items.size(); ++i) {
        out += pad;
        DumpTo(v.items[i], depth + 1, out);
        out += i + 1 < v.items.size() ? ",\n" : "\n";
      }
      out += end_pad + "]";
      return;
    }
    case JsonValue::Type::kObject: {
      if (v.keys.empty()) {
        out += "{}";
        return;
      }
      out += "{\n";
      for (size_t i = 0; i < v.keys.size(); ++i) {
        out += pad + JsonQuote(v.keys[i]) + ": ";
        DumpTo(v.values[i], depth + 1, out);
        out += i + 1 < v.keys.size() ? ",\n" : "\n";
      }
      out += end_pad + "}";
      return;
    }
  }
}

}  // namespace

std::string JsonValue::Dump() const {
  std::string out;
  DumpTo(*this, 0, out);
  return out + "\n";
}

}  // namespace smsdoc
