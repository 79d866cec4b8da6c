#pragma once
#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/disk.h"
#include "base/interrupt.h"
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

/// The write stage, file by file as the render stage hands them over: every
/// file goes through `writer` into a fresh folder beside `out`
/// (`.smsdoc-new-PID`) at once, so memory holds a few pages, not the site.
/// Finish hashes what was written into MANIFEST.sha256 and swaps the folder
/// in, so `out` holds either the old site or the whole new one. A failed
/// write, SIGINT, SIGTERM, SIGHUP or SIGPIPE (see InterruptGuard), or a
/// writer dropped before Finish removes the fresh folder and leaves `out` as
/// it was. Copied files are read from `root`.
class SiteWriter {
 public:
  /// `writer`, when given, must outlive this; else the real file system.
  SiteWriter(std::filesystem::path out, std::filesystem::path root,
             const FileWriter* writer = nullptr);
  ~SiteWriter();
  SiteWriter(const SiteWriter&) = delete;
  SiteWriter& operator=(const SiteWriter&) = delete;

  /// Creates the fresh folder; "" or why not (nothing is changed then).
  std::string Begin();
  /// Writes one file now; safe from several threads. False once a write
  /// failed or a signal came: send no more.
  bool Add(const OutputFile& file);
  /// Marker, manifest (header from `info`), the build cache when given
  /// (`cache`, the bytes of kCacheFile), swap; "" or why the site was not
  /// replaced.
  std::string Finish(const BuildInfo& info, int jobs, const std::string& cache = "");

 private:
  std::string Abandon(std::string error);

  std::filesystem::path out_, root_, target_, fresh_, old_;
  RealFileWriter real_writer_;
  const FileWriter& writer_;
  std::unique_ptr<InterruptGuard> guard_;
  std::mutex mutex_;                         // guards the two below
  std::set<std::filesystem::path> folders_;  // created in the fresh folder
  std::string error_;                        // the first failed write
  std::atomic<bool> failed_{false};
  bool begun_ = false;
};

/// Writes all of `files` with a SiteWriter on `jobs` threads; "" or an
/// error message.
std::string WriteSite(const OutputFiles& files, const std::filesystem::path& out,
                      const std::filesystem::path& root, int jobs, const BuildInfo& info,
                      const FileWriter& writer = RealFileWriter());

}  // namespace smsdoc
