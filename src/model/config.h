#pragma once
#include <string>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// A role that may own, approve or act (a key of `roles:`).
struct Role {
  std::string key;
  std::string title;
};

/// smsdoc.yaml.
struct Config {
  std::string organization;
  std::string title;
  std::string scope;
  std::string policies_dir = "policies";
  std::string processes_dir = "processes";
  std::string records_dir = "records";
  /// The folders smsdoc.yaml names explicitly, with where it names them.
  std::vector<std::pair<std::string, Pos>> configured_folders;
  std::string output = "site";
  std::string theme;  ///< user theme folder, relative to the root; "" = default
  bool allow_raw_html = false;
  std::vector<Role> roles;  ///< in file order

  const Role* FindRole(const std::string& key) const;
  std::vector<std::string> RoleKeys() const;
};

inline constexpr const char* kConfigFile = "smsdoc.yaml";

}  // namespace smsdoc
