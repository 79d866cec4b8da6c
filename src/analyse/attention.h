#pragma once
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// A short name of a kind of item: "review-overdue", "expired", ...; the
/// diagnostic code of the warning items (approval items carry their own).
const char* AttentionCode(AttentionItem::Kind kind);

/// Everything needing attention, by node then kind, from the analysis'
/// document states and record dates (which must be filled). Drafts and
/// retired documents have no reviews due.
std::vector<AttentionItem> NeedsAttention(const Graph& graph, const Analysis& analysis);

}  // namespace smsdoc
