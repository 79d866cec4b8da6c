#include "model/analysis.h"

namespace smsdoc {

const ClauseCoverage* Analysis::CoverageOf(const std::string& id) const {
  for (const ClauseCoverage& c : coverage)
    if (c.clause->id == id) return &c;
  return nullptr;
}

}  // namespace smsdoc
