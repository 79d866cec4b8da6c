#pragma once
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/read_log.h"

namespace smsdoc {

/// What a build leaves in its site for the next build to skip the work
/// when nothing it read has changed (docs/PERFORMANCE.md). Not part of the
/// site's evidence: not in MANIFEST.sha256, not in a pack.
inline constexpr const char* kCacheFile = ".smsdoc-cache";

struct BuildCache {
  std::string key;  ///< SHA-256 of the run's facts: binary, as-of date, options, revision
  size_t pages = 0;
  std::vector<DiskRead> reads;          ///< sorted
  std::vector<Diagnostic> diagnostics;  ///< what the build printed, in order
  size_t ignored = 0;                   ///< and how many it left out
};

/// The cache file's bytes: a header line, the data, its SHA-256.
std::string EncodeBuildCache(const BuildCache& cache);

/// The cache back, or nullopt with why not ("damaged", "from another
/// smsdoc"): then it is not trusted.
std::optional<BuildCache> DecodeBuildCache(const std::string& bytes, std::string& why_not);

/// True when `site` holds what the build that wrote its cache left: every
/// file of MANIFEST.sha256 and no other, none modified after the cache was
/// written (modification times, looked up on `jobs` threads; a full check
/// of the bytes is `verify`).
bool SiteUntouched(const std::filesystem::path& site, int jobs = 1);

}  // namespace smsdoc
