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

}  // namespace smsdoc
