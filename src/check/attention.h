#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "link/graph.h"

namespace smsdoc {

inline constexpr const char* kAttentionUrl = "attention.html";

/// Something the SMS manager should act on, as of a date: the "What needs
/// attention" page, `smsdoc status` and the warnings share this list.
struct AttentionItem {
  enum class Kind {
    kReviewOverdue,         ///< a document's next review is past
    kReviewDue,             ///< due within kDueSoonDays
    kChangedAfterApproval,  ///< body changed since the last approval
    kVersion,               ///< version went backwards or repeats
    kOverdue,               ///< a record's due date is past and it is not done
    kExpired,               ///< a record's expiry date is past
    kExpiring,              ///< expires within RegisterRules::kExpiringDays
  };
  Kind kind;
  int node;           ///< the document or record
  std::string date;   ///< the date concerned, or ""
  std::string what;   ///< "review overdue since 2026-05-04"
  Pos pos;            ///< where to fix it

  bool IsWarning() const { return kind != Kind::kReviewDue && kind != Kind::kExpiring; }
};

inline constexpr int kDueSoonDays = 30;

/// "overdue", "due" (within kDueSoonDays) or "" for a document's next
/// review as of `as_of`; only documents in force have reviews due.
std::string ReviewState(const Document& doc, const std::string& as_of);

/// A short name of a kind of item: "review-overdue", "expired", ...; also
/// the diagnostic code of the warning items.
const char* AttentionCode(AttentionItem::Kind kind);

/// Everything needing attention, by node then kind. Drafts and retired
/// documents have no reviews due.
std::vector<AttentionItem> NeedsAttention(const Graph& graph, const std::string& as_of);

/// The warning items as warnings.
void CheckAttention(const std::vector<AttentionItem>& items, const Graph& graph,
                    Diagnostics& diags);

}  // namespace smsdoc
