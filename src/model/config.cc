#include "model/config.h"

namespace smsdoc {

const ScoreBand* RiskScoring::BandOf(long score) const {
  const ScoreBand* found = nullptr;
  for (const auto& band : bands)
    if (score >= band.min) found = &band;
  return found;
}

const std::vector<std::pair<long, std::string>>* RiskScoring::Scale(const std::string& name) const {
  if (name == "likelihood") return &likelihood;
  if (name == "impact") return &impact;
  return nullptr;
}

const Role* Config::FindRole(const std::string& key) const {
  for (const auto& r : roles)
    if (r.key == key) return &r;
  return nullptr;
}

std::vector<std::string> Config::RoleKeys() const {
  std::vector<std::string> out;
  for (const auto& r : roles) out.push_back(r.key);
  return out;
}

}  // namespace smsdoc
