#include "write/manifest.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <set>

#include "adapters/sha256.h"
#include "base/parallel.h"
#include "base/text.h"
#include "write/build_cache.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// sha256sum's escaping: a name holding '\\', '\n' or '\r' gets a leading
// '\\' on its line and those characters escaped.
bool NeedsEscape(std::string_view path) {
  return path.find_first_of("\\\n\r") != std::string_view::npos;
}

std::string Escape(std::string_view path) {
  std::string out;
  for (char c : path) {
    if (c == '\\')
      out += "\\\\";
    else if (c == '\n')
      out += "\\n";
    else if (c == '\r')
      out += "\\r";
    else
      out += c;
  }
  return out;
}

// "" when the escape sequence is invalid.
std::string Unescape(std::string_view path) {
  std::string out;
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '\\') {
      out += path[i];
      continue;
    }
    if (++i == path.size()) return "";
    char c = path[i];
    if (c == '\\')
      out += '\\';
    else if (c == 'n')
      out += '\n';
    else if (c == 'r')
      out += '\r';
    else
      return "";
  }
  return out;
}

bool IsHexDigest(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
         });
}

std::string HashFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  Sha256 hash;
  std::string buffer(1 << 16, '\0');
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    hash.Update(std::string_view(buffer.data(), static_cast<size_t>(in.gcount())));
  }
  return in.eof() ? hash.HexDigest() : "";
}

}  // namespace

std::string FormatManifest(const BuildInfo& info, std::vector<FileHash> files) {
  std::sort(files.begin(), files.end(),
            [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
  std::string out =
      "# smsdoc evidence manifest: the SHA-256 of every file in this folder but this one "
      "and .smsdoc-cache\n"
      "# smsdoc-version: " +
      info.version +
      "\n"
      "# as-of: " +
      (info.as_of.empty() ? "none" : info.as_of) +
      "\n"
      "# source-revision: " +
      (info.revision.empty() ? "none (not in git)" : info.revision) +
      "\n"
      "# check with: smsdoc verify FOLDER, or sha256sum -c " +
      kManifestFile + " in the folder\n";
  for (const auto& f : files) {
    if (NeedsEscape(f.path)) out += '\\';
    out += f.sha256 + "  " + (NeedsEscape(f.path) ? Escape(f.path) : f.path) + "\n";
  }
  return out;
}

std::string Manifest::Header(std::string_view key) const {
  std::string prefix = std::string(key) + ": ";
  for (const auto& line : header)
    if (StartsWith(line, prefix)) return line.substr(prefix.size());
  return "";
}

Manifest ParseManifest(std::string_view text, const std::string& shown_path, Diagnostics& diags) {
  Manifest manifest;
  std::set<std::string> seen;
  int number = 0;
  for (size_t start = 0; start < text.size();) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);  // edited on Windows
    start = end + 1;
    ++number;
    auto fail = [&](const std::string& message) {
      diags.Error(shown_path, {number, 1}, message, "manifest-syntax");
    };
    if (StartsWith(line, "#")) {
      line.remove_prefix(1);
      if (StartsWith(line, " ")) line.remove_prefix(1);
      manifest.header.emplace_back(line);
      continue;
    }
    bool escaped = StartsWith(line, "\\");
    if (escaped) line.remove_prefix(1);
    // "HASH  PATH", or "HASH *PATH" as sha256sum writes in binary mode.
    if (line.size() < 67 || !IsHexDigest(line.substr(0, 64)) || line[64] != ' ' ||
        (line[65] != ' ' && line[65] != '*')) {
      fail("expected a line 'SHA256  PATH' (64 hex digits, two spaces, a path)");
      continue;
    }
    std::string path = escaped ? Unescape(line.substr(66)) : std::string(line.substr(66));
    if (path.empty()) {
      fail("invalid escape in the path");
      continue;
    }
    if (!seen.insert(path).second) {
      fail("'" + path + "' is listed twice");
      continue;
    }
    std::string hash(line.substr(0, 64));
    std::transform(hash.begin(), hash.end(), hash.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    manifest.files.push_back({std::move(path), std::move(hash)});
  }
  return manifest;
}

std::string ListFolder(const fs::path& folder, std::vector<std::string>& paths) {
  std::error_code ec;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    // A symbolic link counts as a file, even to a folder: smsdoc writes none.
    std::error_code type_ec;
    if (it->symlink_status(type_ec).type() != fs::file_type::directory)
      paths.push_back(it->path().lexically_relative(folder).generic_string());
  }
  if (ec) return "cannot list '" + folder.string() + "': " + ec.message();
  std::erase(paths, std::string(kCacheFile));  // not evidence: the next build's shortcut
  std::sort(paths.begin(), paths.end());
  return "";
}

std::string HashFolder(const fs::path& folder, int jobs, std::vector<FileHash>& files) {
  std::vector<std::string> paths;
  if (std::string error = ListFolder(folder, paths); !error.empty()) return error;
  std::erase(paths, std::string(kManifestFile));
  files.assign(paths.size(), {});
  ParallelFor(paths.size(), jobs, [&](size_t i) {
    files[i] = {paths[i], HashFile(folder / paths[i])};
  });
  return "";
}

std::string FormatManifestOf(const fs::path& folder, const BuildInfo& info, int jobs,
                             std::string& text) {
  std::vector<FileHash> files;
  if (std::string error = HashFolder(folder, jobs, files); !error.empty()) return error;
  for (const auto& f : files)
    if (f.sha256.empty()) return "cannot read '" + (folder / f.path).string() + "' to hash it";
  text = FormatManifest(info, std::move(files));
  return "";
}

void CompareWithManifest(const Manifest& manifest, const std::vector<FileHash>& found,
                         Diagnostics& diags) {
  std::map<std::string, const FileHash*> listed;
  for (const auto& f : manifest.files) listed[f.path] = &f;
  std::set<std::string> present;
  for (const auto& f : found) {
    auto it = listed.find(f.path);
    if (it == listed.end() || !present.insert(f.path).second) {
      diags.Error(f.path, {}, std::string("extra: not listed in ") + kManifestFile, "verify-extra");
    } else if (f.sha256.empty()) {
      diags.Error(f.path, {}, "altered: " + (f.why.empty() ? "it cannot be read" : f.why),
                  "verify-altered");
    } else if (f.sha256 != it->second->sha256) {
      diags.Error(f.path, {},
                  std::string("altered: its SHA-256 is not the one in ") + kManifestFile,
                  "verify-altered");
    }
  }
  for (const auto& [path, file] : listed)
    if (!present.count(path))
      diags.Error(path, {}, std::string("missing: listed in ") + kManifestFile + " but not found",
                  "verify-missing");
}

}  // namespace smsdoc
