#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

inline constexpr const char* kReadinessUrl = "readiness.html";

/// One item of the Stage 1 readiness checklist and how the SMS stands.
struct ReadinessItem {
  std::string key;     ///< "service-catalogue": the name smsdoc.yaml uses
  std::string title;   ///< "Service catalogue"
  std::string clause;  ///< the clause the item belongs to
  enum class State { kMet, kAtRisk, kMissing, kNotApplicable };
  State state = State::kMissing;
  std::string reason;          ///< why at risk or missing; the justification if n/a
  std::vector<int> evidence;   ///< nodes that satisfy it
};

const char* ReadinessStateName(ReadinessItem::State state);

/// The built-in checklist of documented information a certification body
/// asks for at Stage 1, judged as of `as_of` (YYYY-MM-DD).
std::vector<ReadinessItem> EvaluateReadiness(const Graph& graph, const std::string& as_of);

/// Missing items are warnings, or errors when `strict`; unknown keys under
/// `readiness: not_applicable:` in smsdoc.yaml are errors.
void CheckReadiness(const Graph& graph, const std::string& as_of, bool strict,
                    Diagnostics& diags);

/// The keys of the checklist, for smsdoc.yaml and suggestions.
std::vector<std::string> ReadinessKeys();

inline constexpr const char* kStage1Url = "stage-1.html";

/// A document a certification body reviews at Stage 1, and the readiness
/// items it is evidence for (indexes into the checklist).
struct Stage1Document {
  int node = -1;
  std::vector<size_t> items;
};

/// The Stage 1 documents, by ID: every document that is not a process
/// definition, and every document or process that is evidence for an item
/// of `checklist` (EvaluateReadiness).
std::vector<Stage1Document> Stage1Documents(const Graph& graph,
                                            const std::vector<ReadinessItem>& checklist);

}  // namespace smsdoc
