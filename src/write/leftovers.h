#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace smsdoc {

/// Removes what builds and packs killed mid-write (kill -9, a power cut)
/// left in `folder`: `.smsdoc-new-PID` folders and `.smsdoc-pack-PID.zip`
/// files whose process is gone, and `.smsdoc-old-PID` copies of a previous
/// site once `target` (the site they were swapped out of) exists again.
/// A name whose process still runs is another build's, and stays. Returns
/// one line per entry removed, for the user.
std::vector<std::string> RemoveLeftovers(const std::filesystem::path& folder,
                                         const std::filesystem::path& target);

/// "" when every folder of the site at `site` can be emptied, so the swap
/// can remove it; else why not, naming the first folder that cannot
/// below `shown` (the site's path as the user gave it).
std::string CheckRemovable(const std::filesystem::path& site, const std::filesystem::path& shown);

}  // namespace smsdoc
