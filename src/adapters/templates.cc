#include "adapters/templates.h"

#include <atomic>
#include <kainjow/mustache.hpp>
#include <map>
#include <memory>

namespace smsdoc {

namespace mstch = kainjow::mustache;

namespace {

mstch::data ToData(const TemplateValue& v) {
  switch (v.type) {
    case TemplateValue::Type::kText: return mstch::data(v.text);
    case TemplateValue::Type::kFlag: return mstch::data(v.flag);
    case TemplateValue::Type::kList: {
      // kainjow only takes a list by copying it, item by item and deeply;
      // its own list (allocated, not const) is filled in place instead.
      mstch::data list{mstch::data::type::list};
      auto& items = const_cast<mstch::list&>(list.list_value());
      items.reserve(v.list.size());
      for (const auto& item : v.list) items.push_back(ToData(item));
      return list;
    }
    case TemplateValue::Type::kObject: {
      mstch::data object{mstch::data::type::object};
      for (size_t i = 0; i < v.keys.size(); ++i) object[v.keys[i]] = ToData(v.values[i]);
      return object;
    }
  }
  return {};
}

}  // namespace

namespace {
std::atomic<unsigned long> next_serial{1};

std::string Trimmed(const std::string& s) {
  size_t first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}
}  // namespace

std::vector<PartialInclude> PartialsIncluded(const std::string& source) {
  std::vector<PartialInclude> out;
  std::string open = "{{", close = "}}";
  for (size_t at = source.find(open); at != std::string::npos; at = source.find(open, at)) {
    size_t start = at + open.size();
    bool triple = open == "{{" && source.compare(start, 1, "{") == 0;
    size_t end = source.find(triple ? "}" + close : close, start);
    if (end == std::string::npos) break;
    std::string tag = source.substr(start, end - start);
    at = end + close.size() + (triple ? 1 : 0);
    if (!tag.empty() && tag[0] == '>') {
      out.push_back({Trimmed(tag.substr(1)), start - open.size()});
    } else if (tag.size() >= 2 && tag.front() == '=' && tag.back() == '=') {
      std::string pair = Trimmed(tag.substr(1, tag.size() - 2));
      size_t space = pair.find_first_of(" \t");
      if (space == std::string::npos) break;  // kainjow rejects it
      open = pair.substr(0, space);
      close = Trimmed(pair.substr(space));
    }
  }
  return out;
}

std::string TemplateSet::Add(const std::string& name, std::string source) {
  mstch::mustache compiled{source};
  if (!compiled.is_valid()) return compiled.error_message();
  sources_[name] = std::move(source);
  serial_ = next_serial++;
  return "";
}

bool TemplateSet::Render(const std::string& name, const TemplateValue& context, std::string& out,
                         std::string& error) const {
  auto it = sources_.find(name);
  if (it == sources_.end()) {
    error = "no template '" + name + "'";
    return false;
  }
  mstch::data data = ToData(context);
  // Partials share the data's namespace; their names hold a '/'
  // ("partials/toc"), which no data key does.
  for (const auto& [partial_name, source] : sources_) {
    if (partial_name.find('/') == std::string::npos) continue;
    const std::string* src = &source;
    data.set(partial_name, mstch::data(mstch::partial([src] { return *src; })));
  }
  // Compiled once per thread: kainjow's render is not const, so threads
  // cannot share a compiled template. The serial tells template sets apart.
  thread_local std::map<std::pair<unsigned long, std::string>, std::unique_ptr<mstch::mustache>>
      compiled;
  auto& tmpl_ptr = compiled[{serial_, name}];
  if (!tmpl_ptr) tmpl_ptr = std::make_unique<mstch::mustache>(it->second);
  mstch::mustache& tmpl = *tmpl_ptr;
  out = tmpl.render(data);
  if (!tmpl.is_valid()) {
    error = tmpl.error_message();
    return false;
  }
  return true;
}

}  // namespace smsdoc
