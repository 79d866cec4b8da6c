#include "import/report.h"

#include <algorithm>
#include <map>

#include "base/text.h"

namespace smsdoc {

namespace {

// Inline code that holds any text: a fence longer than its longest run of
// backticks, and control characters escaped so one value stays one line.
std::string Code(const std::string& text) {
  std::string shown = EscapeControl(text);
  size_t run = 0, longest = 0;
  for (char c : shown) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(longest + 1, '`');
  bool pad = !shown.empty() && (shown.front() == '`' || shown.back() == '`');
  return fence + (pad ? " " : "") + shown + (pad ? " " : "") + fence;
}

struct Totals {
  std::map<std::string, int> filled;   // "field (from)" -> documents
  std::map<std::string, int> dropped;  // key -> documents
  int notes = 0;
};

Totals Count(const ImportPlan& plan) {
  Totals t;
  for (const ImportedDocument& d : plan.documents) {
    for (const FilledField& f : d.fields)
      if (f.from == "invented" || f.from == "defaults:" || StartsWith(f.from, "the "))
        ++t.filled[f.field + " (" + f.from + ")"];
    for (const DroppedKey& k : d.dropped) ++t.dropped[k.key];
    t.notes += static_cast<int>(d.notes.size());
  }
  return t;
}

std::string Listed(const std::map<std::string, int>& counts) {
  std::vector<std::string> parts;
  for (const auto& [what, n] : counts) parts.push_back(what + " " + std::to_string(n));
  return parts.empty() ? "none" : Join(parts, ", ");
}

}  // namespace

std::string ImportSummary(const ImportPlan& plan) {
  Totals t = Count(plan);
  int dropped = 0, drafts = 0;
  for (const auto& [key, n] : t.dropped) dropped += n;
  for (const ImportedDocument& d : plan.documents)
    for (const FilledField& f : d.fields) drafts += f.field == "status" && f.value == "draft";
  auto count = [](size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
  };
  return "imported " + count(plan.documents.size(), "document", "documents") + " (" +
         std::to_string(drafts) + " drafts) and " +
         count(plan.assets.size(), "other file", "other files") + "; " +
         count(dropped, "key", "keys") + " dropped, " + count(t.notes, "note", "notes") +
         " to review";
}

std::string ImportReport(const ImportPlan& plan, const std::string& source_dir) {
  Totals t = Count(plan);
  std::string r = "# Import report\n\n";
  r += "Written by `smsdoc import` from " + Code(source_dir) +
       ". Review each document below, then delete this file: it is not part of the SMS.\n\n";
  r += "## Totals\n\n";
  r += "- documents: " + std::to_string(plan.documents.size()) + "\n";
  r += "- other files copied: " + std::to_string(plan.assets.size()) + "\n";
  r += "- fields filled in (field (from): documents): " + Listed(t.filled) + "\n";
  r += "- keys dropped (key: documents): " + Listed(t.dropped) + "\n";
  r += "- notes to review: " + std::to_string(t.notes) + "\n\n";
  r += "## Documents\n";
  for (const ImportedDocument& d : plan.documents) {
    r += "\n### " + Code(d.source) + " → " + Code(d.target) + "\n\n";
    if (!d.target_note.empty()) r += "- path: " + d.target_note + "\n";
    r += "- id: " + Code(d.id) + ", " + d.id_from + "\n";
    r += "- title: " + Code(d.title) + ", from " + d.title_from + "\n";
    r += "- metadata: " + d.metadata + "\n";
    for (const FilledField& f : d.fields) {
      if (f.field == "id" || f.field == "title") continue;
      r += "- field " + Code(f.field) + ": " + Code(f.value) + ", from " + f.from +
           (f.note.empty() ? "" : " (" + f.note + ")") + "\n";
    }
    for (const DroppedKey& k : d.dropped)
      r += "- dropped " + Code(k.key) + ": " + Code(k.value) + ", " + k.why + "\n";
    for (const std::string& note : d.notes) r += "- note: " + note + "\n";
  }
  if (!plan.assets.empty()) {
    r += "\n## Other files copied\n\n";
    for (const ImportedAsset& a : plan.assets)
      r += "- " + Code(a.source) + " → " + Code(a.target) + "\n";
  }
  return r;
}

}  // namespace smsdoc
