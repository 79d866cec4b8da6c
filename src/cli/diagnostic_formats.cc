#include "cli/diagnostic_formats.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "adapters/sha256.h"
#include "base/embedded.h"
#include "base/json.h"
#include "base/text.h"
#include "base/utf8.h"

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

namespace {

// The help of a rule: its line of docs/diagnostics.md, as text and Markdown.
std::string RuleHelp(const std::string& code, const std::string& text,
                     const std::string& help_base) {
  std::string doc = help_base.empty() ? "docs/diagnostics.md" : help_base + "diagnostics.md";
  return ", \"fullDescription\": {\"text\": " + JsonQuote(text) + "}, \"help\": {\"text\": " +
         JsonQuote(text + ". The codes, what each means and what to do: " + doc) +
         ", \"markdown\": " +
         JsonQuote("`" + code + "`: " + text + ".\n\nThe codes, what each means and what to do: [" +
                   doc + "](" + doc + ")") +
         "}" + (help_base.empty() ? "" : ", \"helpUri\": " + JsonQuote(doc));
}

}  // namespace

int SourceColumns::Utf16(const Diagnostic& d) {
  int col = Column(d);
  if (d.pos.line <= 0 || !read_) return col;
  auto [it, fresh] = files_.try_emplace(d.path);
  if (fresh) it->second = read_(d.path);
  if (!it->second) return col;
  std::string_view text = *it->second;
  size_t at = 0;
  for (int line = 1; line < d.pos.line && at != std::string_view::npos; ++line) {
    at = text.find('\n', at);
    if (at != std::string_view::npos) ++at;
  }
  if (at == std::string_view::npos) return col;
  std::string_view rest = text.substr(at);
  std::string_view prefix = rest.substr(0, std::min<size_t>(col - 1, rest.find('\n')));
  return static_cast<int>(CountUtf16Units(prefix)) + 1;
}

std::vector<std::string> DiagnosticFingerprints(const Diagnostics& diags) {
  // Without the line, so an edit above a problem keeps its fingerprint; the
  // nth repeat of the same message in a file is told apart by n.
  std::map<std::string, int> seen;
  std::vector<std::string> out;
  for (const Diagnostic& d : diags.items()) {
    std::string key = d.code + '\0' + d.path + '\0' + d.message;
    out.push_back(Sha256Hex(key + '\0' + std::to_string(seen[key]++)));
  }
  return out;
}

std::string DiagnosticsSarif(const Diagnostics& diags, const std::string& root_uri,
                             SourceColumns& columns, const std::string& help_base) {
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
             ", \"shortDescription\": {\"text\": " + JsonQuote(text) + "}" +
             RuleHelp(code, text, help_base) + "}";
  }
  // A relative URI is resolved against the checkout (%SRCROOT%); an
  // absolute file: URI may carry no base.
  std::string base = StartsWith(root_uri, "file:") ? "" : ", \"uriBaseId\": \"%SRCROOT%\"";
  std::vector<std::string> fingerprints = DiagnosticFingerprints(diags);
  std::string results;
  for (size_t i = 0; i < diags.items().size(); ++i) {
    const Diagnostic& d = diags.items()[i];
    std::string region;
    if (d.pos.line > 0)
      region = ", \"region\": {\"startLine\": " + std::to_string(d.pos.line) +
               ", \"startColumn\": " + std::to_string(columns.Utf16(d)) + "}";
    results += std::string(results.empty() ? "\n" : ",\n") +
               "        {\"ruleId\": " + JsonQuote(d.code) +
               ", \"ruleIndex\": " + std::to_string(rule_index[d.code]) + ", \"level\": \"" +
               SeverityName(d.severity) + "\", \"message\": {\"text\": " + JsonQuote(d.message) +
               "}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": {\"uri\": " +
               JsonQuote(root_uri + RelativeUrl("", d.path)) + base + "}" + region +
               "}}], \"partialFingerprints\": {\"smsdoc/v1\": \"" + fingerprints[i] + "\"}}";
  }
  return std::string(kSarifHead) +
         "          \"version\": \"" SMSDOC_VERSION
         "\",\n"
         "          \"semanticVersion\": \"" SMSDOC_VERSION
         "\",\n"
         "          \"rules\": [" +
         rules + (rules.empty() ? "]\n" : "\n          ]\n") +
         "        }\n"
         "      },\n"
         "      \"columnKind\": \"utf16CodeUnits\",\n"
         "      \"results\": [" +
         results + (results.empty() ? "]\n" : "\n      ]\n") +
         "    }\n"
         "  ]\n"
         "}\n";
}

namespace {

// GitHub's workflow commands: data escapes %, CR and LF; properties also
// ':' and ','.
std::string GithubEscape(std::string_view text, bool property) {
  std::string out;
  for (char c : text) {
    if (c == '%')
      out += "%25";
    else if (c == '\r')
      out += "%0D";
    else if (c == '\n')
      out += "%0A";
    else if (property && c == ':')
      out += "%3A";
    else if (property && c == ',')
      out += "%2C";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string DiagnosticsGithub(const Diagnostics& diags, const std::string& root_prefix,
                              SourceColumns& columns) {
  std::string out;
  for (const Diagnostic& d : diags.items()) {
    out += "::" + std::string(SeverityName(d.severity)) +
           " file=" + GithubEscape(root_prefix + d.path, true);
    if (d.pos.line > 0)
      out += ",line=" + std::to_string(d.pos.line) + ",col=" + std::to_string(columns.Utf16(d));
    out += ",title=" + GithubEscape("smsdoc " + d.code, true) +
           "::" + GithubEscape(d.message + " [" + d.code + "]", false) + "\n";
  }
  return out;
}

std::string DiagnosticsGitlab(const Diagnostics& diags, const std::string& root_prefix) {
  std::vector<std::string> fingerprints = DiagnosticFingerprints(diags);
  std::string out = "[";
  for (size_t i = 0; i < diags.items().size(); ++i) {
    const Diagnostic& d = diags.items()[i];
    out += std::string(i ? ",\n  " : "\n  ") + "{\"description\": " + JsonQuote(d.message) +
           ", \"check_name\": " + JsonQuote(d.code) + ", \"fingerprint\": \"" + fingerprints[i] +
           "\", \"severity\": \"" + (d.severity == Severity::kError ? "major" : "minor") +
           "\", \"location\": {\"path\": " + JsonQuote(root_prefix + d.path) +
           ", \"lines\": {\"begin\": " + std::to_string(d.pos.line > 0 ? d.pos.line : 1) + "}}}";
  }
  return out + (diags.items().empty() ? "]\n" : "\n]\n");
}

std::string RootPrefix(const std::string& root, const std::string& cwd) {
  namespace fs = std::filesystem;
  fs::path abs = fs::path(root).is_absolute() ? fs::path(root) : fs::path(cwd) / root;
  abs = abs.lexically_normal();
  std::string rel = abs.lexically_relative(fs::path(cwd).lexically_normal()).generic_string();
  bool inside = !rel.empty() && rel != ".." && !StartsWith(rel, "../");
  std::string path = inside ? (rel == "." ? "" : rel) : abs.generic_string();
  if (!path.empty() && path.back() != '/') path += '/';
  return path;
}

std::string SarifRootUri(const std::string& root, const std::string& cwd) {
  std::string path = RootPrefix(root, cwd);
  std::string encoded = RelativeUrl("", path);  // percent-encodes, keeps '/'
  return path.empty() || path[0] != '/' ? encoded : "file://" + encoded;
}

}  // namespace smsdoc
