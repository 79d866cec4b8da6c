#include "cli/diagnostic_formats.h"

#include <filesystem>
#include <set>

#include "base/embedded.h"
#include "base/json.h"
#include "base/text.h"

namespace smsdoc {

namespace {

const char* SeverityName(Severity s) { return s == Severity::kError ? "error" : "warning"; }

// The column the text output shows: 1 when only the line is known.
int Column(const Diagnostic& d) { return d.pos.col > 0 ? d.pos.col : 1; }

std::string Counts(const Diagnostics& diags) {
  return "\"errors\": " + std::to_string(diags.ErrorCount()) +
         ",\n  \"warnings\": " + std::to_string(diags.WarningCount()) +
         ",\n  \"ignored\": " + std::to_string(diags.IgnoredCount());
}

// A row "| `code` | severity | stage | meaning |" of the docs' table.
void ParseRow(std::string_view line, std::map<std::string, std::string>& out) {
  if (!StartsWith(line, "| `")) return;
  std::vector<std::string> cells;
  std::string cell;
  for (size_t i = 1; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '|') {
      cell += '|';
      ++i;
    } else if (line[i] == '|') {
      cells.emplace_back(Trim(cell));
      cell.clear();
    } else if (line[i] != '`') {
      cell += line[i];
    }
  }
  if (cells.size() == 4 && !out.count(cells[0])) out[cells[0]] = cells[3];
}

}  // namespace

const std::map<std::string, std::string>& DiagnosticCodeDescriptions() {
  static const std::map<std::string, std::string> kCodes = [] {
    std::map<std::string, std::string> out;
    std::string_view doc = EmbeddedFile("docs/diagnostics.md");
    for (size_t start = 0; start < doc.size();) {
      size_t end = doc.find('\n', start);
      if (end == std::string_view::npos) end = doc.size();
      ParseRow(doc.substr(start, end - start), out);
      start = end + 1;
    }
    return out;
  }();
  return kCodes;
}

std::string DiagnosticsJsonArray(const Diagnostics& diags) {
  std::string out = "[";
  const auto& items = diags.items();
  for (size_t i = 0; i < items.size(); ++i) {
    const Diagnostic& d = items[i];
    bool known = d.pos.line > 0;
    out += i ? ",\n    " : "\n    ";
    out += "{\"file\": " + JsonQuote(d.path) +
           ", \"line\": " + (known ? std::to_string(d.pos.line) : "null") +
           ", \"column\": " + (known ? std::to_string(Column(d)) : "null") + ", \"severity\": \"" +
           SeverityName(d.severity) + "\", \"code\": " + JsonQuote(d.code) +
           ", \"message\": " + JsonQuote(d.message) + "}";
  }
  return out + (items.empty() ? "]" : "\n  ]");
}

namespace {

// How the two logs begin, always: smsdoc recognises its own logs by them.
constexpr std::string_view kJsonHead = "{\n  \"diagnostics\": [";
constexpr std::string_view kSarifHead =
    "{\n"
    "  \"$schema\": \"https://json.schemastore.org/sarif-2.1.0.json\",\n"
    "  \"version\": \"2.1.0\",\n"
    "  \"runs\": [\n"
    "    {\n"
    "      \"tool\": {\n"
    "        \"driver\": {\n"
    "          \"name\": \"smsdoc\",\n";

}  // namespace

bool IsDiagnosticsLogHead(std::string_view head) {
  return StartsWith(head, kJsonHead) || StartsWith(head, kSarifHead);
}

std::string DiagnosticsJson(const Diagnostics& diags) {
  // DiagnosticsJsonArray begins with the '[' of kJsonHead.
  return std::string(kJsonHead.substr(0, kJsonHead.size() - 1))
      .append(DiagnosticsJsonArray(diags))
      .append(",\n  ")
      .append(Counts(diags))
      .append("\n}\n");
}

std::string DiagnosticsSarif(const Diagnostics& diags, const std::string& root_uri) {
  std::set<std::string> codes;
  for (const auto& d : diags.items()) codes.insert(d.code);
  std::map<std::string, size_t> rule_index;
  std::string rules;
  for (const auto& code : codes) {
    size_t index = rule_index.size();
    rule_index[code] = index;
    auto it = DiagnosticCodeDescriptions().find(code);
    std::string text = it != DiagnosticCodeDescriptions().end() ? it->second : code;
    rules += std::string(index == 0 ? "\n" : ",\n") + "            {\"id\": " + JsonQuote(code) +
             ", \"shortDescription\": {\"text\": " + JsonQuote(text) + "}}";
  }
  // A relative URI is resolved against the checkout (%SRCROOT%); an
  // absolute file: URI may carry no base.
  std::string base = StartsWith(root_uri, "file:") ? "" : ", \"uriBaseId\": \"%SRCROOT%\"";
  std::string results;
  for (const auto& d : diags.items()) {
    std::string region;
    if (d.pos.line > 0)
      region = ", \"region\": {\"startLine\": " + std::to_string(d.pos.line) +
               ", \"startColumn\": " + std::to_string(Column(d)) + "}";
    results += std::string(results.empty() ? "\n" : ",\n") +
               "        {\"ruleId\": " + JsonQuote(d.code) +
               ", \"ruleIndex\": " + std::to_string(rule_index[d.code]) + ", \"level\": \"" +
               SeverityName(d.severity) + "\", \"message\": {\"text\": " + JsonQuote(d.message) +
               "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " +
               JsonQuote(root_uri + RelativeUrl("", d.path)) + base + "}" + region + "}}]}";
  }
  return std::string(kSarifHead) +
         "          \"version\": \"" SMSDOC_VERSION
         "\",\n"
         "          \"rules\": [" +
         rules + (rules.empty() ? "]\n" : "\n          ]\n") +
         "        }\n"
         "      },\n"
         "      \"results\": [" +
         results + (results.empty() ? "]\n" : "\n      ]\n") +
         "    }\n"
         "  ]\n"
         "}\n";
}

std::string SarifRootUri(const std::string& root, const std::string& cwd) {
  namespace fs = std::filesystem;
  fs::path abs = fs::path(root).is_absolute() ? fs::path(root) : fs::path(cwd) / root;
  abs = abs.lexically_normal();
  std::string rel = abs.lexically_relative(fs::path(cwd).lexically_normal()).generic_string();
  bool inside = !rel.empty() && rel != ".." && !StartsWith(rel, "../");
  std::string path = inside ? (rel == "." ? "" : rel) : abs.generic_string();
  if (!path.empty() && path.back() != '/') path += '/';
  std::string encoded = RelativeUrl("", path);  // percent-encodes, keeps '/'
  return inside ? encoded : "file://" + encoded;
}

}  // namespace smsdoc
