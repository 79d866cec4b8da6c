#pragma once
#include <map>
#include <string>
#include <vector>

namespace smsdoc {

/// A value handed to a template: text, a flag, a list or an object. The
/// site renderer builds these; only the adapter knows the template engine.
struct TemplateValue {
  enum class Type { kText, kFlag, kList, kObject };
  Type type = Type::kObject;
  std::string text;
  bool flag = false;
  std::vector<TemplateValue> list;
  std::vector<std::string> keys;  ///< object fields, parallel to `values`
  std::vector<TemplateValue> values;

  TemplateValue() = default;
  TemplateValue(std::string t) : type(Type::kText), text(std::move(t)) {}
  TemplateValue(const char* t) : type(Type::kText), text(t) {}
  TemplateValue(bool f) : type(Type::kFlag), flag(f) {}
  static TemplateValue List() {
    TemplateValue v;
    v.type = Type::kList;
    return v;
  }
  TemplateValue& Set(std::string key, TemplateValue value) {
    keys.push_back(std::move(key));
    values.push_back(std::move(value));
    return *this;
  }
  /// The value of `key` in an object, or nullptr.
  const TemplateValue* Find(const std::string& key) const {
    for (size_t i = 0; i < keys.size(); ++i)
      if (keys[i] == key) return &values[i];
    return nullptr;
  }
  TemplateValue& Push(TemplateValue value) {
    list.push_back(std::move(value));
    return *this;
  }
};

/// A `{{> name}}` in a Mustache source; `offset` is where its tag starts.
struct PartialInclude {
  std::string name;
  size_t offset = 0;
  bool operator==(const PartialInclude&) const = default;
};

/// The partials a Mustache source includes, in order, also after a change
/// of delimiters (`{{=<% %>=}}`).
std::vector<PartialInclude> PartialsIncluded(const std::string& source);

/// Logic-less (Mustache) templates by name. Templates named with a folder
/// ("partials/toc") are partials: `{{> partials/toc}}`.
class TemplateSet {
 public:
  /// Adds a template; returns an error message when it does not compile.
  std::string Add(const std::string& name, std::string source);
  /// Renders `name`; on failure returns false and sets `error`.
  bool Render(const std::string& name, const TemplateValue& context, std::string& out,
              std::string& error) const;

 private:
  std::map<std::string, std::string> sources_;
  unsigned long serial_ = 0;  ///< changes with every Add, keys compiled copies
};

}  // namespace smsdoc
