// `smsdoc verify DIR|ZIP`: is a received site exactly what smsdoc wrote?
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "adapters/sha256.h"
#include "adapters/zip.h"
#include "base/parallel.h"
#include "base/text.h"
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
  std::string manifest_damage;
  std::string error = ReadZip(
      target,
      [&](const std::string& name, const std::string& bytes) {
        if (name == kManifestFile && !has_manifest) {
          manifest = bytes;
          has_manifest = true;
        } else {
          found.push_back({name, Sha256Hex(bytes)});
        }
      },
      // A damaged entry is named; the others are still checked.
      [&](const std::string& name, const std::string& why) {
        if (name == kManifestFile && !has_manifest && manifest_damage.empty())
          manifest_damage = why;
        else
          found.push_back({name, "", "damaged in the zip: " + why});
      });
  if (!error.empty())
    return "cannot verify '" + target.string() + "': it is neither a folder nor a readable zip";
  if (!manifest_damage.empty())
    return std::string("cannot verify '")
        .append(target.string())
        .append("': its ")
        .append(kManifestFile)
        .append(" is damaged in the zip: ")
        .append(manifest_damage);
  if (!has_manifest) return no_manifest;
  std::sort(found.begin(), found.end(),
            [](const FileHash& a, const FileHash& b) { return a.path < b.path; });
  return "";
}

// Why `hash` is not a SHA-256 as sha256sum and smsdoc pack print it, or "".
std::string ExpectProblem(const std::string& hash) {
  std::string why;
  if (hash.size() != 64) {
    why = std::to_string(hash.size()) + " characters";
  } else if (size_t bad = hash.find_first_not_of("0123456789abcdefABCDEF");
             bad != std::string::npos) {
    why = "'" + hash.substr(bad, 1) + "' at character " + std::to_string(bad + 1) +
          " is not a hex digit";
  }
  if (why.empty()) return "";
  return "--expect must be the SHA-256 of MANIFEST.sha256, 64 hex digits as smsdoc pack prints "
         "it; got '" +
         Shorten(hash, 80) + "': " + why;
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

}  // namespace

int RunVerify(const std::string& target, const std::optional<std::string>& expect,
              std::ostream& err) {
  if (expect)
    if (std::string why = ExpectProblem(*expect); !why.empty()) return Fail(why, err);
  std::string text;
  std::vector<FileHash> found;
  if (std::string error = Collect(target, text, found); !error.empty()) return Fail(error, err);
  // Whoever alters the files can rewrite the manifest: only a hash that
  // travelled apart vouches for it.
  const std::string manifest_hash = Sha256Hex(text);
  const bool foreign = expect && Lower(*expect) != manifest_hash;
  auto report_foreign = [&] {
    err << "smsdoc: '" << target << "': its " << kManifestFile
        << " is not the one expected: its SHA-256 is " << manifest_hash << ", expected "
        << Lower(*expect) << "\n";
  };
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
    if (foreign) report_foreign();
    return kExitContent;
  }
  if (foreign) {
    report_foreign();
    err << "smsdoc: the files match that manifest, but it is not the one you were sent: do not "
           "trust this copy\n";
    return kExitContent;
  }
  // The manifest's own hash lets the recipient compare it with the one the
  // organisation sent separately: the manifest cannot vouch for itself.
  err << "smsdoc: '" << target << "' is intact: " << kManifestFile << " lists "
      << Plural(found.size(), "file") << " and every one matches (built by smsdoc "
      << manifest.Header("smsdoc-version") << " as of " << manifest.Header("as-of") << " from "
      << manifest.Header("source-revision") << "; manifest SHA-256 " << manifest_hash
      << (expect ? ", as expected" : "") << ")\n";
  return kExitOk;
}

}  // namespace smsdoc
