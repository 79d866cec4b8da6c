#include "write/site_writer.h"

#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <mutex>
#include <set>
#include <thread>

#include "adapters/xlsx.h"
#include "base/interrupt.h"
#include "base/parallel.h"
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

std::string WriteSite(const OutputFiles& files, const fs::path& out, const fs::path& root, int jobs,
                      const BuildInfo& info, const FileWriter& writer) {
  fs::path target = AbsolutePath(out);
  fs::path parent = target.parent_path();
  for (const auto& f : files)
    if (!IsSafeOutputPath(f.path)) return "refusing to write '" + f.path + "' outside the site";
  // Found before writing, or the swap would leave a copy it cannot remove.
  if (std::string why = CheckRemovable(target, out); !why.empty()) return why;
  // From before the fresh folder exists until the swap, a signal stops the
  // writers and the fresh folder is removed.
  InterruptGuard guard;
  // Short names: the target's own name may already be near NAME_MAX.
  std::string suffix = std::to_string(::getpid());
  fs::path fresh = parent / (".smsdoc-new-" + suffix);
  fs::path old = parent / (".smsdoc-old-" + suffix);
  std::error_code ec;
  fs::remove_all(fresh, ec);
  if (!fs::create_directory(fresh, ec))
    return "cannot create '" + fresh.string() + "': " + ec.message();

  std::set<fs::path> dirs;
  for (const auto& f : files) dirs.insert((fresh / f.path).parent_path());
  for (const auto& d : dirs) fs::create_directories(d, ec);

  const std::chrono::milliseconds delay = TestWriteDelay();
  std::mutex error_mutex;
  std::string error;
  ParallelFor(files.size(), jobs, [&](size_t i) {
    if (InterruptSignal()) return;
    std::this_thread::sleep_for(delay);
    const OutputFile& f = files[i];
    fs::path dest = fresh / f.path;
    std::string problem;
    if (f.workbook)  // libxlsxwriter's temporary files live (unlinked) in the new folder.
      problem = WriteXlsx(*f.workbook, dest.string(), fresh.string());
    else if (f.copy_from.empty())
      problem = writer.Write(dest, f.bytes);
    else
      problem = writer.Copy(root / f.copy_from, dest);
    if (!problem.empty()) {
      std::lock_guard<std::mutex> lock(error_mutex);
      if (error.empty()) error = "cannot write '" + dest.string() + "': " + problem;
    }
  });
  if (error.empty()) {
    std::string problem = writer.Write(fresh / kOutputMarker,
                                       "This folder was written by smsdoc, which replaces it "
                                       "whole on every build.\n");
    if (!problem.empty()) error = "cannot write the output marker: " + problem;
  }
  // Hashed from the folder, not from memory: the manifest covers the bytes
  // on disk, workbooks and copies included.
  if (error.empty()) {
    std::string manifest;
    error = FormatManifestOf(fresh, info, jobs, manifest);
    std::string problem = error.empty() ? writer.Write(fresh / kManifestFile, manifest) : "";
    if (!problem.empty()) error = std::string("cannot write ") + kManifestFile + ": " + problem;
  }
  // The last moment to stop: past it the swap takes two renames.
  if (int signal = InterruptSignal()) error = std::string("interrupted by ") + SignalName(signal);
  if (!error.empty()) {
    fs::remove_all(fresh, ec);
    return error;
  }

  // Swap: the old site stays in place until the new one is complete.
  bool had_old = fs::exists(target, ec);
  if (had_old) {
    fs::rename(target, old, ec);
    if (ec) {
      fs::remove_all(fresh, ec);
      return "cannot move the previous site aside: " + ec.message();
    }
  }
  fs::rename(fresh, target, ec);
  if (ec) {
    std::string message = "cannot move the new site into place: " + ec.message();
    if (had_old) fs::rename(old, target, ec);
    fs::remove_all(fresh, ec);
    return message;
  }
  if (had_old && (fs::remove_all(old, ec), ec))
    return "the new site is in place, but the previous one could not be removed: " + ec.message() +
           "; remove '" + old.string() + "' by hand";
  return "";
}

}  // namespace smsdoc
