#include "check/portable_outputs.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "base/portable_name.h"
#include "base/text.h"
#include "load/clause_catalogue.h"
#include "model/config.h"
#include "model/urls.h"

namespace smsdoc {

namespace {

// One name of the site and where it comes from.
struct Output {
  std::string name;
  std::string what;    ///< "the page of 'RSK-001'", "smsdoc's page"
  std::string source;  ///< the file it comes from; "" for smsdoc's own pages
  Pos pos;             ///< of the ID or kind name; 1:1 for a name from a path
  bool from_path = false;
};

std::vector<Output> SiteNames(const Graph& graph) {
  std::vector<Output> out;
  for (const char* url :
       {kHomeUrl, kDocumentsUrl, kProcessesUrl, kRegistersUrl, kClauseIndexUrl, kProcessMapUrl,
        kReadinessUrl, kStage1Url, kAttentionUrl, kSearchUrl, kManualUrl, kNotFoundUrl, kSitemapUrl,
        kKpisUrl, kServiceReportsUrl, kStage2Url})
    out.push_back({url, "smsdoc's page", "", {}});
  for (const auto& clause : ClauseCatalogue())
    out.push_back({ClauseUrl(clause.id), "smsdoc's page", "", {}});
  // The other frameworks' pages and the matrix, when smsdoc.yaml names them.
  const Config& config = graph.corpus->config;
  if (config.frameworks.size() > 1) out.push_back({kFrameworksUrl, "smsdoc's page", "", {}});
  // A framework's page is its ID's: one named "index" or "matrix" clashes.
  for (size_t f = 1; f < config.frameworks.size(); ++f) {
    const Framework& fw = config.frameworks[f];
    out.push_back({FrameworkUrl(fw.id),
                   "the page of framework '" + fw.id + "'",
                   fw.path.empty() ? kConfigFile : fw.path,
                   {}});
  }
  std::set<std::string> workbooks = {kDocumentRegister, kClauseCoverageRegister, kKpiRegister,
                                     kSamplingRegister};
  if (!config.mappings.empty()) {
    out.push_back({kFrameworkMatrixUrl, "smsdoc's page", "", {}});
    workbooks.insert(kFrameworkMatrixRegister);
  }
  for (const auto& file : workbooks)
    out.push_back({kRegisterFolder + file, "smsdoc's workbook", "", {}});
  for (const auto& kind : graph.corpus->kinds.kinds) {
    bool builtin = kind.name_pos.line == 0;
    // Built-in kinds share workbooks (risk, training, audit); a kind of the
    // SMS's own is listed always, so one named like smsdoc's is a clash.
    if (std::string file = RegisterFile(kind.name); workbooks.insert(file).second || !builtin)
      out.push_back({kRegisterFolder + file, "the workbook of kind '" + kind.name + "'",
                     builtin ? "" : kConfigFile, kind.name_pos});
    out.push_back({KindUrl(kind.name), "the register of kind '" + kind.name + "'",
                   builtin ? "" : kConfigFile, kind.name_pos});
  }
  for (const Node& node : graph.nodes) {
    if (node.type == Node::Type::kRecord) {
      const Record& record = graph.corpus->records[node.index];
      if (record.imported) continue;  // a row of its register, no page
      out.push_back({node.url, "the page of '" + record.id + "'", record.path, record.id_pos});
      if (record.kind->name == "review")
        out.push_back({ReviewPackUrl(record.id), "the review pack of '" + record.id + "'",
                       record.path, record.id_pos});
    } else {
      const std::string& path = graph.corpus->documents[node.index].path;
      out.push_back({node.url, "the page of '" + path + "'", path, {1, 1}, true});
    }
  }
  for (const Commentary& c : graph.corpus->commentaries)
    out.push_back(
        {DocumentUrl(c.path), "the service report of '" + c.path + "'", c.path, {1, 1}, true});
  for (const auto& asset : graph.corpus->assets)
    out.push_back({asset, "the copy of '" + asset + "'", asset, {1, 1}, true});
  return out;
}

std::string Where(const Output& o) {
  if (o.from_path || o.source.empty()) return "";
  return " (" + EscapeControl(o.source) + ":" + std::to_string(o.pos.line) + ":" +
         std::to_string(o.pos.col) + ")";
}

}  // namespace

void CheckPortableOutputs(const Graph& graph, Diagnostics& diags) {
  std::vector<Output> outputs = SiteNames(graph);
  // A record's or kind's name comes from its ID: judge the name there.
  // Names from paths were judged, part by part, by the loader.
  for (const Output& o : outputs) {
    if (o.from_path || o.source.empty()) continue;
    std::string last = o.name.substr(o.name.rfind('/') + 1);
    std::string problem = NameProblem(last);
    if (!problem.empty())
      diags.Error(o.source, o.pos,
                  o.what + " would be '" + o.name + "', and '" + last + "' " + problem +
                      ": choose another " + (o.source == kConfigFile ? "kind name" : "ID"),
                  "path-portable");
  }
  // Names one file on Windows or macOS: each against the first of its key,
  // smsdoc's own pages first, then by source and position.
  std::vector<std::pair<std::string, size_t>> keyed;
  for (size_t i = 0; i < outputs.size(); ++i) keyed.push_back({PortableKey(outputs[i].name), i});
  auto order = [&](const std::pair<std::string, size_t>& a,
                   const std::pair<std::string, size_t>& b) {
    const Output &x = outputs[a.second], &y = outputs[b.second];
    return std::tie(a.first, x.source, x.pos.line, x.pos.col, x.name) <
           std::tie(b.first, y.source, y.pos.line, y.pos.col, y.name);
  };
  std::sort(keyed.begin(), keyed.end(), order);
  size_t first = 0;
  for (size_t k = 1; k < keyed.size(); ++k) {
    if (keyed[k].first != keyed[first].first) {
      first = k;
      continue;
    }
    const Output& a = outputs[keyed[first].second];
    const Output& b = outputs[keyed[k].second];
    if (a.name == b.name) {  // one name twice; two records with one ID are id-duplicate
      if (!a.source.empty() && !a.from_path && !b.from_path && a.what == b.what) continue;
      diags.Error(
          b.source, b.pos,
          "its output '" + EscapeControl(b.name) + "' would overwrite " +
              (a.source.empty() ? std::string("a page or file smsdoc makes") : a.what + Where(a)) +
              (StartsWith(b.what, "the page of framework") ? ": choose another framework ID"
                                                           : ": rename the file"),
          "output-clash");
      continue;
    }
    if (a.from_path && b.from_path && PortableKey(a.source) == PortableKey(b.source))
      continue;  // the source paths clash: the loader said so
    diags.Error(b.source, b.pos,
                "'" + EscapeControl(b.name) + "', " + b.what + ", and '" + EscapeControl(a.name) +
                    "', " + a.what + Where(a) + ", " + HowNamesClash(a.name, b.name) +
                    (b.from_path               ? ": rename the file"
                     : b.source == kConfigFile ? ": choose another kind name"
                                               : ": choose another ID"),
                "path-portable");
  }
}

}  // namespace smsdoc
