#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace smsdoc {

/// A clause of ISO/IEC 20000-1:2018: number and short title only.
struct Clause {
  std::string id;
  std::string title;
};

/// Clauses 4 to 10 in document order.
const std::vector<Clause>& ClauseCatalogue();
/// The clause, or nullptr when `id` is not a 2018 clause.
const Clause* FindClause(std::string_view id);
/// Every clause number, for suggestions.
const std::vector<std::string>& ClauseIds();

/// True when a reference to `ref` counts for `clause`: the same clause or
/// one of its sub-clauses ("8.5.1" counts for "8.5" and "8", never the
/// other way round).
bool CoversClause(std::string_view ref, std::string_view clause);

/// True for a number that is not a 2018 clause but has the shape of the
/// 2011 edition's numbering (4.5.2, 6.3.1, or a two-digit part as in 8.15).
bool LooksLike2011Clause(std::string_view id);

}  // namespace smsdoc
