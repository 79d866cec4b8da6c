#pragma once
#include <filesystem>
#include <string>

namespace smsdoc {

/// "" when this process may add and remove entries in `folder`, else the
/// system's reason ("Permission denied").
std::string WhyFolderNotModifiable(const std::filesystem::path& folder);

}  // namespace smsdoc
