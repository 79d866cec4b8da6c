#include "check/diagnostic_levels.h"

#include <algorithm>
#include <climits>
#include <map>
#include <tuple>

namespace smsdoc {

namespace {

// The lines of one item in its file, and what it accepts.
struct Span {
  int first = 0, last = INT_MAX;  ///< 0..INT_MAX: the whole file (a document)
  const std::string* id;
  const std::vector<Acceptance>* accepts;
};

std::map<std::string, std::vector<Span>> SpansOf(const Corpus& corpus) {
  std::map<std::string, std::vector<Span>> spans;
  for (const Document& doc : corpus.documents)
    if (!doc.accepts.empty()) spans[doc.path].push_back({0, INT_MAX, &doc.id, &doc.accepts});
  // A record runs from its first line to the next record of its file.
  for (size_t i = 0; i < corpus.records.size(); ++i) {
    const Record& r = corpus.records[i];
    if (r.accepts.empty()) continue;
    bool next_in_file = i + 1 < corpus.records.size() && corpus.records[i + 1].path == r.path;
    int last = next_in_file ? corpus.records[i + 1].pos.line - 1 : INT_MAX;
    spans[r.path].push_back({r.pos.line, last, &r.id, &r.accepts});
  }
  return spans;
}

}  // namespace

std::vector<AcceptedWarning> ApplyAcceptances(const Corpus& corpus, Diagnostics& diags) {
  auto spans = SpansOf(corpus);
  std::map<const Acceptance*, bool> used;
  std::vector<AcceptedWarning> accepted;
  diags.Ignore([&](const Diagnostic& d) {
    if (d.severity != Severity::kWarning) return false;
    auto it = spans.find(d.path);
    if (it == spans.end()) return false;
    for (const Span& span : it->second) {
      bool on_item = span.first == 0 || (d.pos.line >= span.first && d.pos.line <= span.last);
      if (!on_item) continue;
      for (const Acceptance& a : *span.accepts) {
        if (a.warning != d.code) continue;
        accepted.push_back({*span.id, d.code, d.message, a.reason, d.path, d.pos});
        return used[&a] = true;
      }
    }
    return false;
  });
  for (const auto& [path, file_spans] : spans)
    for (const Span& span : file_spans)
      for (const Acceptance& a : *span.accepts)
        if (!used[&a])
          diags.Warning(path, a.pos,
                        "'" + *span.id + "' accepts '" + a.warning +
                            "', but has no such warning: remove the acceptance",
                        "accept-unused");
  std::sort(accepted.begin(), accepted.end(), [](const auto& a, const auto& b) {
    return std::tie(a.id, a.code, a.pos.line, a.pos.col, a.message) <
           std::tie(b.id, b.code, b.pos.line, b.pos.col, b.message);
  });
  return accepted;
}

void ApplyDiagnosticLevels(const Config& config, Diagnostics& diags) {
  const auto& levels = config.diagnostic_levels;
  auto level_of = [&](const std::string& code) -> const std::string* {
    for (const auto& l : levels)
      if (l.code == code) return &l.level;
    return nullptr;
  };
  diags.Ignore([&](const Diagnostic& d) {
    const std::string* level = level_of(d.code);
    return d.severity == Severity::kWarning && level && *level == "ignore";
  });
  for (Diagnostic& d : diags.mutable_items()) {
    const std::string* level = level_of(d.code);
    if (level && *level == "error") d.severity = Severity::kError;
  }
}

}  // namespace smsdoc
