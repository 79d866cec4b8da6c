#pragma once
#include <filesystem>
#include <string>

namespace smsdoc {

/// A new, empty folder of this user's under the system's temporary folder,
/// named `prefix` and a unique suffix; empty when none could be made. The
/// caller removes it.
std::filesystem::path MakeTempFolder(const std::string& prefix);

}  // namespace smsdoc
