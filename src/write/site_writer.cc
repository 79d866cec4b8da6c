#include "write/site_writer.h"

#include <chrono>
#include <cstdlib>
#include <thread>

#include "adapters/xlsx.h"
#include "base/interrupt.h"
#include "base/parallel.h"
#include "base/process.h"
#include "write/build_cache.h"
#include "write/leftovers.h"
#include "write/manifest.h"
#include "write/paths.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// A path inside the site: relative, no "..".
bool IsSafeOutputPath(const std::string& path) {
  fs::path p(path);
  if (p.empty() || p.is_absolute()) return false;
  for (const auto& part : p)
    if (part == "..") return false;
  return true;
}

// Test-only: SMSDOC_TEST_WRITE_DELAY_MS slows every file down, so a test
// can interrupt a build while it writes.
std::chrono::milliseconds TestWriteDelay() {
  const char* value = std::getenv("SMSDOC_TEST_WRITE_DELAY_MS");
  return std::chrono::milliseconds(value ? std::atoi(value) : 0);
}

}  // namespace

std::string CheckOutputFolder(const fs::path& out, const fs::path& root,
                              const std::vector<std::string>& content_folders) {
  fs::path abs_out = AbsolutePath(out), abs_root = AbsolutePath(root);
  if (abs_out == abs_out.root_path())
    return "refusing to write the site to '" + abs_out.string() + "', the file system's root";
  const char* home = std::getenv("HOME");
  if (home && *home && abs_out == AbsolutePath(home))
    return "refusing to write the site to '" + out.string() + "', the home folder";
  if (abs_out == abs_root || IsWithin(abs_root, abs_out))
    return "refusing to write the site to '" + out.string() + "': it is or contains the SMS root";
  for (const auto& folder : content_folders) {
    fs::path abs_folder = AbsolutePath(root / folder);
    if (abs_out == abs_folder || IsWithin(abs_out, abs_folder) || IsWithin(abs_folder, abs_out))
      return "refusing to write the site to '" + out.string() +
             "': it overlaps the content folder '" + folder + "'";
  }
  std::error_code ec;
  if (!fs::is_directory(abs_out.parent_path(), ec))
    return "cannot write the site to '" + out.string() + "': folder '" +
           abs_out.parent_path().string() + "' does not exist";
  if (fs::exists(abs_out, ec)) {
    if (!fs::is_directory(abs_out, ec)) return "'" + out.string() + "' exists and is not a folder";
    bool empty = fs::directory_iterator(abs_out, ec) == fs::directory_iterator();
    if (!empty && !fs::exists(abs_out / kOutputMarker, ec))
      return "refusing to replace '" + out.string() +
             "': it is not empty and was not written by smsdoc (no " + kOutputMarker + " file)";
  }
  return "";
}

SiteWriter::SiteWriter(fs::path out, fs::path root, const FileWriter* writer)
    : out_(std::move(out)), root_(std::move(root)), writer_(writer ? *writer : real_writer_) {
  target_ = AbsolutePath(out_);
  // Short names: the target's own name may already be near NAME_MAX.
  std::string suffix = std::to_string(ThisProcessId());
  fresh_ = target_.parent_path() / (".smsdoc-new-" + suffix);
  old_ = target_.parent_path() / (".smsdoc-old-" + suffix);
}

SiteWriter::~SiteWriter() {
  std::error_code ec;
  if (begun_) fs::remove_all(fresh_, ec);
}

std::string SiteWriter::Begin() {
  // Found before writing, or the swap would leave a copy it cannot remove.
  if (std::string why = CheckRemovable(target_, out_); !why.empty()) return why;
  // From before the fresh folder exists until the swap, a signal stops the
  // writers and the fresh folder is removed.
  guard_ = std::make_unique<InterruptGuard>();
  std::error_code ec;
  fs::remove_all(fresh_, ec);
  if (!fs::create_directory(fresh_, ec))
    return "cannot create '" + fresh_.string() + "': " + ec.message();
  begun_ = true;
  return "";
}

bool SiteWriter::Add(const OutputFile& f) {
  if (failed_ || InterruptSignal()) return false;
  static const std::chrono::milliseconds delay = TestWriteDelay();
  std::this_thread::sleep_for(delay);
  fs::path dest = fresh_ / f.path;
  std::string problem;
  if (!IsSafeOutputPath(f.path)) {
    problem = "refusing to write '" + f.path + "' outside the site";
  } else {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (folders_.insert(dest.parent_path()).second) {
        std::error_code ec;
        fs::create_directories(dest.parent_path(), ec);
      }
    }
    if (f.workbook)  // libxlsxwriter's temporary files live (unlinked) in the new folder.
      problem = WriteXlsx(*f.workbook, dest.string(), fresh_.string());
    else if (f.copy_from.empty())
      problem = writer_.Write(dest, f.bytes);
    else
      problem = writer_.Copy(root_ / f.copy_from, dest);
    if (!problem.empty()) problem = "cannot write '" + dest.string() + "': " + problem;
  }
  if (problem.empty()) return true;
  std::lock_guard<std::mutex> lock(mutex_);
  if (error_.empty()) error_ = problem;
  failed_ = true;
  return false;
}

std::string SiteWriter::Abandon(std::string error) {
  std::error_code ec;
  fs::remove_all(fresh_, ec);
  begun_ = false;
  return error;
}

std::string SiteWriter::Finish(const BuildInfo& info, int jobs, const std::string& cache) {
  if (!error_.empty()) return Abandon(error_);
  if (int signal = InterruptSignal())
    return Abandon(std::string("interrupted by ") + SignalName(signal));
  std::string problem = writer_.Write(fresh_ / kOutputMarker,
                                      "This folder was written by smsdoc, which replaces it "
                                      "whole on every build.\n");
  if (!problem.empty()) return Abandon("cannot write the output marker: " + problem);
  // Hashed from the folder, not from memory: the manifest covers the bytes
  // on disk, workbooks and copies included.
  std::string manifest;
  if (std::string error = FormatManifestOf(fresh_, info, jobs, manifest); !error.empty())
    return Abandon(error);
  problem = writer_.Write(fresh_ / kManifestFile, manifest);
  if (!problem.empty())
    return Abandon(std::string("cannot write ") + kManifestFile + ": " + problem);
  // Written last: a file of the site changed after it is newer (SiteUntouched).
  if (!cache.empty()) {
    problem = writer_.Write(fresh_ / kCacheFile, cache);
    if (!problem.empty())
      return Abandon(std::string("cannot write ") + kCacheFile + ": " + problem);
  }
  // The last moment to stop: past it the swap takes two renames.
  if (int signal = InterruptSignal())
    return Abandon(std::string("interrupted by ") + SignalName(signal));

  // Swap: the old site stays in place until the new one is complete.
  std::error_code ec;
  bool had_old = fs::exists(target_, ec);
  if (had_old) {
    fs::rename(target_, old_, ec);
    if (ec) return Abandon("cannot move the previous site aside: " + ec.message());
  }
  fs::rename(fresh_, target_, ec);
  if (ec) {
    std::string message = "cannot move the new site into place: " + ec.message();
    if (had_old) fs::rename(old_, target_, ec);
    return Abandon(message);
  }
  begun_ = false;
  if (had_old && (fs::remove_all(old_, ec), ec))
    return "the new site is in place, but the previous one could not be removed: " + ec.message() +
           "; remove '" + old_.string() + "' by hand";
  return "";
}

std::string WriteSite(const OutputFiles& files, const fs::path& out, const fs::path& root, int jobs,
                      const BuildInfo& info, const FileWriter& writer) {
  for (const auto& f : files)
    if (!IsSafeOutputPath(f.path)) return "refusing to write '" + f.path + "' outside the site";
  SiteWriter site(out, root, &writer);
  if (std::string error = site.Begin(); !error.empty()) return error;
  ParallelFor(files.size(), jobs, [&](size_t i) { site.Add(files[i]); });
  return site.Finish(info, jobs);
}

}  // namespace smsdoc
