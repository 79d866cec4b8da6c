#include "model/analysis.h"

namespace smsdoc {

const ClauseCoverage* Analysis::CoverageOf(const std::string& id) const {
  for (const ClauseCoverage& c : coverage)
    if (c.clause->id == id) return &c;
  return nullptr;
}

const FrameworkCoverage* Analysis::FrameworkOf(std::string_view id) const {
  for (const FrameworkCoverage& f : frameworks)
    if (f.framework->id == id) return &f;
  return nullptr;
}

const ItemCoverage* FrameworkCoverage::Find(std::string_view id) const {
  for (const ItemCoverage& i : items)
    if (i.item->id == id) return &i;
  return nullptr;
}

}  // namespace smsdoc
