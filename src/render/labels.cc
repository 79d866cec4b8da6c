#include "render/labels.h"

#include <cctype>

#include "adapters/yaml.h"
#include "base/embedded.h"
#include "base/text.h"
#include "model/config.h"

namespace smsdoc {

namespace {

// One table's entries over `into`; false when the file is not a mapping of
// keys to text.
void ReadTable(const std::string& file, const std::string& source,
               std::map<std::string, std::string>& into, Diagnostics& diags) {
  YamlNode root = ParseYaml(source, file, 1, diags);
  if (root.IsNull()) return;
  if (!root.IsMap()) {
    diags.Error(file, root.pos, "a label table must map keys to text, e.g. 'documents: Dokumente'",
                "theme-labels");
    return;
  }
  for (const auto& e : root.entries) {
    std::string text = e.value.IsScalar() ? std::string(Trim(e.value.scalar)) : "";
    if (text.empty()) {
      diags.Error(file, e.key_pos,
                  "label '" + e.key + "' must be text, got " + DescribeYaml(e.value),
                  "theme-labels");
      continue;
    }
    // Templates insert labels as they are ({{{l.key}}}), inside attributes too.
    if (text.find_first_of("<>&\"") != std::string::npos) {
      diags.Error(file, e.value.pos,
                  "label '" + e.key + "' must not hold <, >, & or \": labels are plain text",
                  "theme-labels");
      continue;
    }
    into[e.key] = text;
  }
}

std::map<std::string, std::string> ReadTables(
    const std::vector<std::pair<std::string, std::string>>& files, Diagnostics& diags) {
  std::map<std::string, std::string> table;
  for (const auto& [file, source] : files) ReadTable(file, source, table, diags);
  return table;
}

std::vector<std::string> Keys(const std::map<std::string, std::string>& table) {
  std::vector<std::string> keys;
  for (const auto& entry : table) keys.push_back(entry.first);
  return keys;
}

}  // namespace

Labels ChooseLabels(const LabelSources& sources, const std::string& language, Pos pos,
                    Diagnostics& diags) {
  Labels labels;
  auto english = sources.find("en");
  if (english == sources.end()) throw std::logic_error("the default theme has no labels/en.yaml");
  labels.text = ReadTables(english->second, diags);
  auto chosen = sources.find(language);
  if (chosen == sources.end()) {
    std::vector<std::string> names;
    for (const auto& entry : sources) names.push_back(entry.first);
    diags.Error(kConfigFile, pos,
                "no label table for language '" + language + "'; the theme has " +
                    Join(names, ", ") + DidYouMean(language, names) + " (add labels/" + language +
                    ".yaml to a theme: docs/themes.md#languages)",
                "config-language");
    return labels;
  }
  if (language == "en") return labels;
  std::map<std::string, std::string> table = ReadTables(chosen->second, diags);
  const std::string& last_file = chosen->second.back().first;
  std::vector<std::string> english_keys = Keys(labels.text);
  for (const auto& [key, text] : table)
    if (!labels.text.count(key))
      diags.Warning(last_file, {},
                    "label '" + key + "' is not used by smsdoc" + DidYouMean(key, english_keys),
                    "theme-unused");
  std::vector<std::string> missing;
  for (auto& [key, text] : labels.text) {
    auto it = table.find(key);
    if (it == table.end())
      missing.push_back(key);
    else
      text = it->second;
  }
  if (!missing.empty()) {
    size_t shown = std::min<size_t>(missing.size(), 10);
    std::vector<std::string> first(missing.begin(), missing.begin() + shown);
    diags.Error(last_file, {},
                "the '" + language + "' labels lack " + std::to_string(missing.size()) +
                    " key(s) the English table has: " + Join(first, ", ") +
                    (shown < missing.size() ? ", ..." : "") +
                    "; add them (docs/themes.md#languages)",
                "theme-labels");
  }
  labels.language = language;
  return labels;
}

const Labels& EnglishLabels() {
  static const Labels labels = [] {
    Diagnostics diags;
    const std::string path = "themes/default/labels/en.yaml";
    Labels out = ChooseLabels({{"en", {{path, std::string(EmbeddedFile(path))}}}}, "en", {}, diags);
    // en.yaml ships inside the binary; tests keep it valid.
    if (diags.HasErrors()) throw std::logic_error(FormatDiagnostic(diags.items().front()));
    return out;
  }();
  return labels;
}

const char* CoverageStateLabel(ClauseCoverage::State state) {
  switch (state) {
    case ClauseCoverage::State::kCovered: return "state_covered";
    case ClauseCoverage::State::kPartlyCovered: return "state_partly_covered";
    case ClauseCoverage::State::kDocumentedOnly: return "state_documented_only";
    case ClauseCoverage::State::kEvidencedOnly: return "state_evidenced_only";
    case ClauseCoverage::State::kNotCovered: return "state_not_covered";
    case ClauseCoverage::State::kExcluded: return "state_excluded";
  }
  return "";
}

std::set<std::string> LabelKeysNamed(const std::string& source) {
  std::set<std::string> keys;
  auto is_key = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; };
  for (size_t at = source.find("l."); at != std::string::npos; at = source.find("l.", at + 2)) {
    if (at > 0 && (is_key(source[at - 1]) || source[at - 1] == '.')) continue;
    size_t end = at + 2;
    while (end < source.size() && is_key(source[end])) ++end;
    if (end > at + 2) keys.insert(source.substr(at + 2, end - at - 2));
  }
  return keys;
}

TemplateValue LabelsValue(const Labels& labels, const std::set<std::string>& keys) {
  TemplateValue value;
  for (const std::string& key : keys)
    if (auto it = labels.text.find(key); it != labels.text.end()) value.Set(key, it->second);
  return value;
}

}  // namespace smsdoc
