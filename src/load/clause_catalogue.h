#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/clauses.h"

namespace smsdoc {

/// The clauses of ISO/IEC 20000-1:2018, 4 to 10 in document order, from
/// the built-in catalogue (src/model/frameworks/iso20000-1.yaml).
const std::vector<Clause>& ClauseCatalogue();
/// The clause, or nullptr when `id` is not a 2018 clause.
const Clause* FindClause(std::string_view id);
/// Every clause number, for suggestions.
const std::vector<std::string>& ClauseIds();

/// True for a number that is not a 2018 clause but has the shape of the
/// 2011 edition's numbering (4.5.2, 6.3.1, or a two-digit part as in 8.15).
bool LooksLike2011Clause(std::string_view id);

}  // namespace smsdoc
