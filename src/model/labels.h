#pragma once
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace smsdoc {

/// The words of pages and workbooks in one language: key -> text, from the
/// theme's `labels/<language>.yaml` (render/labels.h chooses them once).
struct Labels {
  std::string language = "en";
  std::map<std::string, std::string> text;

  /// The text of `key`; a key no table has is a programming error
  /// (tests/guards/labels.py checks every key used exists).
  const std::string& operator()(const std::string& key) const {
    auto it = text.find(key);
    if (it == text.end()) throw std::logic_error("no label '" + key + "'");
    return it->second;
  }
  /// The text of `key` with each `{name}` replaced by its value.
  std::string Format(const std::string& key,
                     const std::vector<std::pair<std::string, std::string>>& values) const {
    std::string out = (*this)(key);
    for (const auto& [name, value] : values) {
      std::string mark = "{" + name + "}";
      for (size_t at = out.find(mark); at != std::string::npos;
           at = out.find(mark, at + value.size()))
        out.replace(at, mark.size(), value);
    }
    return out;
  }
};

}  // namespace smsdoc
