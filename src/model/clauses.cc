#include "model/clauses.h"

namespace smsdoc {

bool CoversClause(std::string_view ref, std::string_view clause) {
  return ref == clause || (ref.size() > clause.size() && ref.substr(0, clause.size()) == clause &&
                           ref[clause.size()] == '.');
}

}  // namespace smsdoc
