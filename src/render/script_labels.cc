#include "render/script_labels.h"

#include "base/json.h"

namespace smsdoc {

std::string WithScriptLabels(std::string script, const Labels& labels) {
  static const std::string kMark = "/* smsdoc: labels */ {";
  size_t open = script.find(kMark);
  if (open == std::string::npos) return script;
  open += kMark.size() - 1;
  size_t close = script.find('}', open);
  if (close == std::string::npos) return script;
  // The object as the default scripts write it: "key": "text", one line.
  std::string object = "{", source = script.substr(open, close - open);
  for (size_t key = source.find('"'); key != std::string::npos;) {
    size_t key_end = source.find('"', key + 1);
    size_t value = key_end == std::string::npos ? key_end : source.find('"', key_end + 1);
    size_t value_end = value == std::string::npos ? value : source.find('"', value + 1);
    while (value_end != std::string::npos && source[value_end - 1] == '\\')
      value_end = source.find('"', value_end + 1);
    if (value_end == std::string::npos) return script;  // not an object of strings: leave it
    std::string name = source.substr(key + 1, key_end - key - 1);
    auto it = labels.text.find(name);
    if (object.size() > 1) object += ", ";
    object += "\"" + name + "\": " +
              (it == labels.text.end() ? source.substr(value, value_end - value + 1)
                                       : JsonQuoteForScript(it->second));
    key = source.find('"', value_end + 1);
  }
  return script.replace(open, close + 1 - open, object + "}");
}

}  // namespace smsdoc
