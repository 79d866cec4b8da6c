#include "load/kind_translations.h"

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "base/embedded.h"
#include "base/text.h"
#include "load/kinds_loader.h"

namespace smsdoc {

namespace {

// field -> label of a `{field: label}` mapping, each checked against `known`.
std::map<std::string, std::string> ReadLabels(const YamlNode& node, const std::string& where,
                                              const std::vector<FieldSpec>& known,
                                              const std::string& path, Diagnostics& diags) {
  std::map<std::string, std::string> out;
  if (!node.IsMap()) {
    diags.Error(path, node.pos, where + " must map field names to labels", "schema-kind");
    return out;
  }
  for (const auto& e : node.entries) {
    bool exists = std::any_of(known.begin(), known.end(),
                              [&](const FieldSpec& f) { return f.name == e.key; });
    if (!exists)
      diags.Error(path, e.key_pos, where + " names field '" + e.key + "', which has none",
                  "schema-kind");
    else if (!e.value.IsScalar() || Trim(e.value.scalar).empty())
      diags.Error(path, e.value.pos, "the label of '" + e.key + "' must be text", "schema-kind");
    else
      out[e.key] = std::string(Trim(e.value.scalar));
  }
  return out;
}

// Excel compares a Table's column names ignoring ASCII case.
std::string AsciiLower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

void TranslateKinds(KindCatalogue& catalogue, const YamlNode& table, const std::string& path,
                    Diagnostics& diags) {
  std::map<std::string, std::string> common;
  if (const YamlNode* node = table.Find("common"))
    common = ReadLabels(*node, "common", catalogue.common, path, diags);
  // Kinds an SMS defines get their common fields from here.
  for (FieldSpec& f : catalogue.common)
    if (auto it = common.find(f.name); it != common.end())
      f.label = it->second;
    else
      diags.Error(path, table.pos, "common field '" + f.name + "' has no translated label",
                  "schema-kind");
  const YamlNode* kinds = table.Find("kinds");
  if (!kinds || !kinds->IsMap()) {
    diags.Error(path, table.pos,
                "a kinds translation needs 'kinds:', mapping each kind to its "
                "title and fields",
                "schema-kind");
    return;
  }
  for (const auto& e : kinds->entries)
    if (!catalogue.Find(e.key))
      diags.Error(path, e.key_pos, "kind '" + e.key + "' is not a built-in kind", "schema-kind");
  for (KindSpec& kind : catalogue.kinds) {
    const YamlNode* entry = kinds->Find(kind.name);
    const YamlNode* title = entry ? entry->Find("title") : nullptr;
    if (title && title->IsScalar() && !Trim(title->scalar).empty())
      kind.title = std::string(Trim(title->scalar));
    else
      diags.Error(path, entry ? entry->pos : kinds->pos,
                  "kind '" + kind.name + "' needs a translated 'title'", "schema-kind");
    std::map<std::string, std::string> own;
    if (const YamlNode* fields = entry ? entry->Find("fields") : nullptr)
      own = ReadLabels(*fields, "kind '" + kind.name + "'", kind.fields, path, diags);
    std::set<std::string> seen;
    for (FieldSpec& f : kind.fields) {
      auto it = own.find(f.name);
      bool is_common = std::any_of(catalogue.common.begin(), catalogue.common.end(),
                                   [&](const FieldSpec& c) { return c.name == f.name; });
      if (it != own.end())
        f.label = it->second;
      else if (is_common && common.count(f.name))
        f.label = common.at(f.name);
      else
        diags.Error(path, entry ? entry->pos : kinds->pos,
                    "field '" + f.name + "' of kind '" + kind.name + "' has no translated label",
                    "schema-kind");
      if (!seen.insert(AsciiLower(f.label)).second)
        diags.Error(path, entry ? entry->pos : kinds->pos,
                    "kind '" + kind.name + "' has the label '" + f.label + "' twice",
                    "schema-kind");
    }
  }
}

KindCatalogue BuiltinKindsIn(const std::string& language) {
  KindCatalogue catalogue = BuiltinKinds();
  const std::string path = "src/model/kinds." + language + ".yaml";
  if (language == "en" || EmbeddedFile(path).empty()) return catalogue;
  Diagnostics diags;
  YamlNode table = ParseYaml(EmbeddedFile(path), path, 1, diags);
  TranslateKinds(catalogue, table, path, diags);
  // The tables ship inside the binary; kind_translations_test keeps them whole.
  if (diags.HasErrors()) throw std::logic_error(FormatDiagnostic(diags.items().front()));
  return catalogue;
}

}  // namespace smsdoc
