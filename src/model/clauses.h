#pragma once
#include <string_view>

#include "model/framework.h"

namespace smsdoc {

/// True when a reference to `ref` counts for `clause`: the same clause or
/// one of its sub-clauses ("8.5.1" counts for "8.5" and "8", never the
/// other way round). Holds for every framework numbered with dots.
bool CoversClause(std::string_view ref, std::string_view clause);

}  // namespace smsdoc
