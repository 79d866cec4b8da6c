// `smsdoc verify DIR|ZIP`: is a received site exactly what smsdoc wrote?
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapters/sha256.h"
#include "adapters/zip.h"
#include "base/parallel.h"
#include "cli/commands.h"
#include "cli/prepare.h"
#include "write/manifest.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// The manifest's text and the hash of every other file, from a folder or
// a zip; "" or why they could not be read (a usage error).
std::string Collect(const fs::path& target, std::string& manifest, std::vector<FileHash>& found) {
  std::error_code ec;
  const std::string no_manifest = std::string("no ") + kManifestFile + " in '" + target.string() +
                                  "' (smsdoc build and pack write one)";
  if (fs::is_directory(target, ec)) {
    std::ifstream in(target / kManifestFile, std::ios::binary);
    if (!in) return no_manifest;
    std::stringstream text;
    text << in.rdbuf();
    manifest = text.str();
    return HashFolder(target, DefaultJobs(), found);
  }
  if (!fs::exists(target, ec)) return "cannot verify '" + target.string() + "': it does not exist";
  bool has_manifest = false;
  std::string error = ReadZip(target, [&](const std::string& name, const std::string& bytes) {
    if (name == kManifestFile && !has_manifest) {
      manifest = bytes;
      has_manifest = true;
    } else {
      found.push_back({name, Sha256Hex(bytes)});
    }
  });
  if (!error.empty())
    return "cannot verify '" + target.string() + "': it is neither a folder nor a readable zip";
  if (!has_manifest) return no_manifest;
  std::sort(found.begin(), found.end(),
            [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
  return "";
}

}  // namespace

int RunVerify(const std::string& target, std::ostream& err) {
  std::string text;
  std::vector<FileHash> found;
  if (std::string error = Collect(target, text, found); !error.empty()) return Fail(error, err);
  Diagnostics diags;
  Manifest manifest = ParseManifest(text, kManifestFile, diags);
  CompareWithManifest(manifest, found, diags);
  diags.Sort();
  Print(diags, err);
  if (diags.HasErrors()) {
    size_t altered = 0, missing = 0, extra = 0;
    for (const auto& d : diags.items()) {
      altered += d.code == "verify-altered";
      missing += d.code == "verify-missing";
      extra += d.code == "verify-extra";
    }
    size_t syntax = diags.items().size() - altered - missing - extra;
    err << "smsdoc: '" << target << "' does not match its " << kManifestFile << ": " << altered
        << " altered, " << missing << " missing, " << extra << " extra"
        << (syntax ? ", " + Plural(syntax, "malformed manifest line") : "") << "\n";
    return kExitContent;
  }
  // The manifest's own hash lets the recipient compare it with the one the
  // organisation sent separately: the manifest cannot vouch for itself.
  err << "smsdoc: '" << target << "' is intact: " << kManifestFile << " lists "
      << Plural(found.size(), "file") << " and every one matches (built by smsdoc "
      << manifest.Header("smsdoc-version") << " as of " << manifest.Header("as-of") << " from "
      << manifest.Header("source-revision") << "; manifest SHA-256 " << Sha256Hex(text) << ")\n";
  return kExitOk;
}

}  // namespace smsdoc
