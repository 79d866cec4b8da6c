#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "model/build_info.h"

namespace smsdoc {

/// The start of the comment of every zip `smsdoc pack` writes; only such a
/// zip may be replaced by a new pack.
inline constexpr const char* kPackMarker = "smsdoc pack";

/// The pack's default path: beside the site folder, named after it and the
/// as-of date (`site/` -> `site-2026-11-21.zip`).
std::filesystem::path DefaultPackPath(const std::filesystem::path& site, const std::string& as_of);

/// Why `zip` may not receive the pack, or "" when it may: it must not lie
/// in the site folder (every build replaces it) or a content folder (the
/// next build would publish it), its folder must exist, and a file already
/// there must be a zip that smsdoc pack wrote.
std::string CheckPackFile(const std::filesystem::path& zip, const std::filesystem::path& site,
                          const std::filesystem::path& root,
                          const std::vector<std::string>& content_folders);

/// Zips every file of the built `site` (manifest included) into `zip`,
/// sorted by path and dated `info.as_of`, so the same site gives the same
/// bytes. Written to a temporary file beside `zip` (`.smsdoc-pack-PID.zip`),
/// then renamed over it.
/// Sets `count` to the number of entries; returns "" or an error message.
std::string WritePack(const std::filesystem::path& site, const std::filesystem::path& zip,
                      const BuildInfo& info, size_t& count);

}  // namespace smsdoc
