#pragma once
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.h"
#include "model/build_info.h"

namespace smsdoc {

/// The evidence manifest at the root of every site.
inline constexpr const char* kManifestFile = "MANIFEST.sha256";

/// One file of a site and the SHA-256 of its bytes.
struct FileHash {
  std::string path;    ///< '/'-separated, relative to the site folder
  std::string sha256;  ///< 64 lower-case hex digits; "" when unreadable
  std::string why;     ///< why it is unreadable, when known ("damaged in the zip: ...")
};

/// The manifest's text: '#' header lines naming the smsdoc version, the
/// as-of date and the source revision, then one `HASH  PATH` line per file
/// in path order, as `sha256sum` writes them (so `sha256sum -c` checks it).
std::string FormatManifest(const BuildInfo& info, std::vector<FileHash> files);

/// A manifest read back.
struct Manifest {
  std::vector<std::string> header;  ///< the '#' lines, without "# "
  std::vector<FileHash> files;
  /// The value of the header line "KEY: value", or "".
  std::string Header(std::string_view key) const;
};

/// Parses a manifest; a line that is neither a header nor a `HASH  PATH`
/// line, or a path listed twice, is an error at its line.
Manifest ParseManifest(std::string_view text, const std::string& shown_path, Diagnostics& diags);

/// Every file under `folder` ('/'-separated, relative), hidden files
/// included but the build cache, sorted. Returns "" or why the folder could not be listed.
std::string ListFolder(const std::filesystem::path& folder, std::vector<std::string>& paths);

/// Every file under `folder` but a root `MANIFEST.sha256`, hidden files
/// included, hashed on `jobs` threads, sorted by path. Returns "" or why
/// the folder could not be listed.
std::string HashFolder(const std::filesystem::path& folder, int jobs, std::vector<FileHash>& files);

/// Hashes `folder` into `text`, its manifest. Returns "" or an error.
std::string FormatManifestOf(const std::filesystem::path& folder, const BuildInfo& info, int jobs,
                             std::string& text);

/// Names every file that is altered, missing or extra compared with the
/// manifest, one error each ([verify-altered], [verify-missing],
/// [verify-extra]), at the file's path.
void CompareWithManifest(const Manifest& manifest, const std::vector<FileHash>& found,
                         Diagnostics& diags);

}  // namespace smsdoc
