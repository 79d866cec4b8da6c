#include "model/config.h"

namespace smsdoc {

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
