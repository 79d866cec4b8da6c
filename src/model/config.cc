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

std::vector<std::string> Config::ContentFolders() const {
  std::vector<std::string> all = policies_dirs;
  all.insert(all.end(), processes_dirs.begin(), processes_dirs.end());
  all.insert(all.end(), records_dirs.begin(), records_dirs.end());
  all.insert(all.end(), service_reports_dirs.begin(), service_reports_dirs.end());
  return all;
}

DocumentDefaults Config::DefaultsFor(const std::string& path) const {
  DocumentDefaults d = defaults;
  size_t best = 0;
  const DocumentDefaults* folder = nullptr;
  for (const auto& [dir, values] : folder_defaults) {
    bool inside = path.size() > dir.size() && path.compare(0, dir.size(), dir) == 0 &&
                  path[dir.size()] == '/';
    if (inside && dir.size() >= best) {
      best = dir.size();
      folder = &values;
    }
  }
  if (!folder) return d;
  if (!folder->owner.empty()) d.owner = folder->owner;
  if (!folder->approver.empty()) d.approver = folder->approver;
  if (!folder->type.empty()) d.type = folder->type;
  if (folder->review_months > 0) d.review_months = folder->review_months;
  return d;
}

}  // namespace smsdoc
