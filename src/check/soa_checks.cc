#include "check/soa_checks.h"

#include <map>

#include "analyse/soa.h"
#include "base/text.h"
#include "load/framework_loader.h"

namespace smsdoc {

namespace {

Pos PosOf(const Record& r, const char* field) {
  const FieldValue* v = r.Field(field);
  return v ? v->pos : r.pos;
}

std::string Text(const Record& r, const char* field) {
  const FieldValue* v = r.Field(field);
  return v ? v->text : "";
}

// Where smsdoc.yaml names `framework` under `frameworks:`.
Pos SourcePos(const Config& config, const Framework& framework) {
  for (const FrameworkSource& src : config.framework_sources)
    if (src.value == framework.id || (!framework.path.empty() && src.value == framework.path))
      return src.pos;
  return {};
}

// One entry's own fields; returns its control when it names one.
std::optional<FrameworkRef> CheckEntry(const Config& config, const Record& r, Diagnostics& diags) {
  std::optional<FrameworkRef> ref = SoaControlOf(config, r);
  const std::string control = Text(r, "control");
  // An unknown framework or number was reported by the loader.
  if (!ref && !control.empty())
    diags.Error(r.path, PosOf(r, "control"),
                "'" + r.id + "': '" + control +
                    "' is not a control; a Statement of Applicability entry names one control "
                    "of a framework with controls (iso27001:A.5.15)",
                "soa-control");
  if (ref) {
    const FrameworkItem* item = FindFramework(config, ref->framework)->Find(ref->item);
    if (r.title != item->title)
      diags.Error(r.path, PosOf(r, "title"),
                  "'" + r.id + "': title '" + r.title + "' is not the catalogue's title of " +
                      ref->Text() + ": '" + item->title + "'",
                  "soa-title");
  }
  const std::string applicable = Text(r, "applicable");
  if (applicable == "false" && Trim(Text(r, "justification")).empty())
    diags.Error(
        r.path, PosOf(r, "applicable"),
        "'" + r.id + "': an excluded control needs a 'justification' (ISO/IEC 27001 6.1.3 d)",
        "soa-justification");
  if (applicable == "true" && Text(r, "implementation").empty())
    diags.Error(r.path, PosOf(r, "applicable"),
                "'" + r.id +
                    "': an applicable control needs its 'implementation' state "
                    "(implemented, partially-implemented, planned, not-implemented)",
                "soa-implementation");
  return ref;
}

}  // namespace

void CheckSoa(const Graph& graph, Diagnostics& diags) {
  const Config& config = graph.corpus->config;
  std::map<FrameworkRef, const Record*> first;  // control -> its first entry
  for (const Record& r : graph.corpus->records) {
    if (r.kind->name != kSoaKind) continue;
    std::optional<FrameworkRef> ref = CheckEntry(config, r, diags);
    if (!ref) continue;
    auto [it, added] = first.emplace(*ref, &r);
    if (!added)
      diags.Error(r.path, PosOf(r, "control"),
                  "'" + r.id + "': " + ref->Text() + " already has an entry, '" + it->second->id +
                      "' (" + it->second->path + ":" + std::to_string(it->second->pos.line) + ")",
                  "soa-duplicate");
  }
  // A framework the SoA has begun: every control needs its entry.
  for (const Framework& fw : config.frameworks) {
    bool begun = false;
    std::vector<std::string> missing;
    for (const FrameworkItem* control : fw.SoaControls()) {
      if (first.count({fw.id, control->id}))
        begun = true;
      else
        missing.push_back(control->id);
    }
    if (!begun || missing.empty()) continue;
    diags.Error(kConfigFile, SourcePos(config, fw),
                "the Statement of Applicability has no entry for " +
                    std::to_string(missing.size()) + " control" + (missing.size() == 1 ? "" : "s") +
                    " of " + fw.Title() + ": " + Join(missing, ", "),
                "soa-missing");
  }
}

}  // namespace smsdoc
