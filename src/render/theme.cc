#include "render/theme.h"

#include <algorithm>
#include <cctype>
#include <functional>
#include <set>

#include "base/embedded.h"
#include "base/text.h"

namespace smsdoc {

namespace {

constexpr std::string_view kDefaultTheme = "themes/default/";
constexpr std::string_view kTemplates = "templates/";
constexpr std::string_view kSuffix = ".mustache";

// "templates/partials/toc.mustache" -> "partials/toc"; "" for other files.
std::string TemplateName(const std::string& rel) {
  if (!StartsWith(rel, kTemplates) || !EndsWith(rel, kSuffix)) return "";
  return rel.substr(kTemplates.size(), rel.size() - kTemplates.size() - kSuffix.size());
}

// "labels/de.yaml" -> "de"; "" for other files.
std::string LabelLanguage(const std::string& rel) {
  constexpr std::string_view kLabels = "labels/", kYaml = ".yaml";
  if (!StartsWith(rel, kLabels) || !EndsWith(rel, kYaml)) return "";
  std::string language = rel.substr(kLabels.size(), rel.size() - kLabels.size() - kYaml.size());
  return language.find('/') == std::string::npos ? language : "";
}

using Templates = std::map<std::string, std::pair<std::string, std::string>>;  // file, source

// Line and column of a byte offset.
Pos PosAt(const std::string& text, size_t offset) {
  size_t line_start = text.rfind('\n', offset == 0 ? 0 : offset - 1);
  int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
  bool first = line_start == std::string::npos || offset == 0;
  return {line, 1 + static_cast<int>(offset - (first ? 0 : line_start + 1))};
}

// One cycle, named from its first template by name however it was reached,
// at the include that leads on round it.
void ReportCycle(std::vector<std::string> cycle,
                 const std::map<std::string, std::vector<PartialInclude>>& includes,
                 const Templates& templates, Diagnostics& diags) {
  std::rotate(cycle.begin(), std::min_element(cycle.begin(), cycle.end()), cycle.end());
  std::string chain;
  for (const std::string& member : cycle) chain.append(member).append(".mustache → ");
  chain.append(cycle.front()).append(".mustache");
  const std::string& next = cycle[cycle.size() > 1 ? 1 : 0];
  size_t offset = 0;
  for (const PartialInclude& include : includes.at(cycle.front()))
    if (include.name == next) {
      offset = include.offset;
      break;
    }
  const auto& [file, source] = templates.at(cycle.front());
  diags.Error(file, PosAt(source, offset),
              "partials include each other without end: " + chain +
                  "; rendering would never finish: remove one of these includes",
              "template-cycle");
}

// The fixed `id="..."` values of a template source (not those with a tag).
void CollectIds(const std::string& source, std::set<std::string>& ids) {
  for (size_t at = source.find("id="); at != std::string::npos; at = source.find("id=", at + 3)) {
    if (at == 0 || !std::isspace(static_cast<unsigned char>(source[at - 1]))) continue;
    char quote = at + 3 < source.size() ? source[at + 3] : 0;
    if (quote != '"' && quote != '\'') continue;
    size_t end = source.find(quote, at + 4);
    if (end == std::string::npos) break;
    std::string id = source.substr(at + 4, end - at - 4);
    if (!id.empty() && id.find("{{") == std::string::npos) ids.insert(id);
  }
}

// The ids of the templates a document page is made of.
std::set<std::string> DocumentPageIds(
    const std::map<std::string, std::vector<PartialInclude>>& includes,
    const Templates& templates) {
  std::set<std::string> ids, seen;
  std::vector<std::string> todo = {"layout", "document"};
  while (!todo.empty()) {
    std::string name = todo.back();
    todo.pop_back();
    if (!templates.count(name) || !seen.insert(name).second) continue;
    CollectIds(templates.at(name).second, ids);
    for (const PartialInclude& include : includes.at(name)) todo.push_back(include.name);
  }
  return ids;
}

// Partials that include themselves, directly or through others, recurse
// until the stack overflows (kainjow has no depth limit, and smsdoc's values
// are not recursive): each cycle is an error naming its templates. Returns
// the partials on a cycle.
std::set<std::string> ReportCycles(
    const std::map<std::string, std::vector<PartialInclude>>& includes, const Templates& templates,
    Diagnostics& diags) {
  std::map<std::string, int> state;  // 1 on the path, 2 done
  std::vector<std::string> path;
  std::set<std::string> cyclic;
  std::function<void(const std::string&)> visit = [&](const std::string& name) {
    state[name] = 1;
    path.push_back(name);
    for (const PartialInclude& include : includes.at(name)) {
      const std::string& partial = include.name;
      // Only names with a '/' are partials (templates.cc).
      if (!includes.count(partial) || partial.find('/') == std::string::npos) continue;
      if (state[partial] == 0) {
        visit(partial);
      } else if (state[partial] == 1) {
        auto from = std::find(path.begin(), path.end(), partial);
        cyclic.insert(from, path.end());
        ReportCycle({from, path.end()}, includes, templates, diags);
      }
    }
    path.pop_back();
    state[name] = 2;
  };
  for (const auto& entry : includes)
    if (state[entry.first] == 0) visit(entry.first);
  return cyclic;
}

}  // namespace

const std::vector<std::string>& TemplateNames() {
  static const std::vector<std::string> kNames = {"layout",
                                                  "home",
                                                  "documents",
                                                  "processes",
                                                  "document",
                                                  "records",
                                                  "kind",
                                                  "record",
                                                  "clauses",
                                                  "clause",
                                                  "frameworks",
                                                  "framework",
                                                  "framework-matrix",
                                                  "process-map",
                                                  "readiness",
                                                  "stage-1",
                                                  "stage-2",
                                                  "kpis",
                                                  "review-pack",
                                                  "service-report",
                                                  "service-reports",
                                                  "attention",
                                                  "changes",
                                                  "search",
                                                  "manual",
                                                  "not-found",
                                                  "partials/manual-document",
                                                  "partials/side-nav",
                                                  "partials/history",
                                                  "partials/referenced-by",
                                                  "partials/register-row",
                                                  "partials/registers",
                                                  "partials/toc",
                                                  "partials/audit-purpose"};
  return kNames;
}

Theme LoadTheme(const Disk* user, const std::string& label, Diagnostics& diags,
                const std::string& language, Pos language_pos) {
  Templates templates;  // name -> (file, source)
  Theme theme;
  auto add = [&](const std::string& rel, std::string bytes, const std::string& shown) {
    if (std::string name = TemplateName(rel); !name.empty()) {
      templates[name] = {shown, std::move(bytes)};
    } else if (StartsWith(rel, "assets/")) {
      theme.assets[rel] = std::move(bytes);
    } else if (std::string lang = LabelLanguage(rel); !lang.empty()) {
      theme.label_sources[lang].push_back({shown, std::move(bytes)});
    }
  };
  for (const auto& path : EmbeddedFilesUnder(kDefaultTheme))
    add(path.substr(kDefaultTheme.size()), std::string(EmbeddedFile(path)), path);
  if (user) {
    FileList list = user->ListFiles("");
    for (const auto& entry : list.unreadable)
      diags.Error(label + "/" + entry.path, {},
                  "cannot be read: " + entry.reason + "; give smsdoc read access to it", "io-read");
    for (const auto& rel : list.files) {
      std::string shown = label + "/" + rel;
      std::string name = TemplateName(rel);
      const auto& known = TemplateNames();
      if (!name.empty() && std::find(known.begin(), known.end(), name) == known.end()) {
        diags.Warning(shown, {},
                      "template '" + name + "' is not used by smsdoc" + DidYouMean(name, known),
                      "theme-unused");
      }
      if (auto bytes = user->ReadFile(rel))
        add(rel, std::move(*bytes), shown);
      else
        diags.Error(
            shown, {},
            "cannot read the file: " + user->WhyUnreadable(rel) + "; give smsdoc read access to it",
            "io-read");
    }
  }
  // kainjow renders an unknown partial as nothing; say so instead.
  std::map<std::string, std::vector<PartialInclude>> includes;
  for (const auto& [name, file_and_source] : templates) {
    includes[name] = PartialsIncluded(file_and_source.second);
    for (const auto& [partial, offset] : includes[name]) {
      if (!templates.count(partial))
        diags.Error(
            file_and_source.first, {},
            "includes unknown partial '" + partial + "'" + DidYouMean(partial, TemplateNames()),
            "template");
    }
  }
  theme.labels = ChooseLabels(theme.label_sources, language, language_pos, diags);
  std::set<std::string> cyclic = ReportCycles(includes, templates, diags);
  theme.document_page_ids = DocumentPageIds(includes, templates);
  for (const auto& [name, file_and_source] : templates) {
    std::set<std::string> keys, seen;
    std::vector<std::string> todo = {name};
    while (!todo.empty()) {
      std::string next = todo.back();
      todo.pop_back();
      if (!templates.count(next) || !seen.insert(next).second) continue;
      keys.merge(LabelKeysNamed(templates.at(next).second));
      for (const PartialInclude& include : includes.at(next)) todo.push_back(include.name);
    }
    theme.labels_of[name] = LabelsValue(theme.labels, keys);
  }
  for (auto& [name, file_and_source] : templates) {
    theme.files[name] = file_and_source.first;
    if (cyclic.count(name)) continue;  // never rendered: it would not end
    std::string error = theme.templates.Add(name, file_and_source.second);
    if (!error.empty())
      diags.Error(file_and_source.first, {}, "template error: " + error, "template");
  }
  return theme;
}

}  // namespace smsdoc
