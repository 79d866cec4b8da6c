#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "base/disk.h"
#include "model/build_info.h"
#include "model/output.h"

namespace smsdoc {

/// The file that marks a folder as smsdoc's output, so a rebuild may
/// replace it.
inline constexpr const char* kOutputMarker = ".smsdoc-output";

/// Why `out` may not be used as the output folder for the SMS at `root`,
/// or "" when it may: it must not be or contain the root, overlap a
/// content folder (relative to the root), be a non-empty folder that
/// smsdoc did not write, or lie in a folder that does not exist.
std::string CheckOutputFolder(const std::filesystem::path& out, const std::filesystem::path& root,
                              const std::vector<std::string>& content_folders);

/// The write stage: writes `files` through `writer` into a fresh folder
/// beside `out` (`.smsdoc-new-PID`), hashes what it wrote into
/// MANIFEST.sha256 (header from `info`), then swaps it in, so `out` holds
/// either the old site or the whole new one. A failed write or
/// SIGINT/SIGTERM (see InterruptGuard) removes the fresh folder and leaves
/// `out` as it was. Copied files are read from `root`. Returns "" or an
/// error message.
std::string WriteSite(const OutputFiles& files, const std::filesystem::path& out,
                      const std::filesystem::path& root, int jobs, const BuildInfo& info,
                      const FileWriter& writer = RealFileWriter());

}  // namespace smsdoc
