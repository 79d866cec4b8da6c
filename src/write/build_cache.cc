#include "write/build_cache.h"

#include <atomic>

#include "adapters/sha256.h"
#include "base/bytes.h"
#include "base/parallel.h"
#include "write/manifest.h"
#include "write/site_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// A new layout of the data gets a new header: older caches are then foreign.
constexpr std::string_view kHeader = "smsdoc build cache 2\n";

}  // namespace

std::string EncodeBuildCache(const BuildCache& cache) {
  ByteWriter out;
  out.Text(cache.key);
  out.Int(static_cast<int64_t>(cache.pages));
  out.Int(static_cast<int64_t>(cache.reads.size()));
  for (const DiskRead& r : cache.reads) {
    out.Text(r.disk);
    out.Text(r.op);
    out.Text(r.path);
    out.Text(r.answer);
  }
  out.Int(static_cast<int64_t>(cache.diagnostics.size()));
  for (const Diagnostic& d : cache.diagnostics) WriteDiagnostic(out, d);
  out.Int(static_cast<int64_t>(cache.ignored));
  std::string data = out.Take();
  return std::string(kHeader) + data + Sha256Hex(data);
}

std::optional<BuildCache> DecodeBuildCache(const std::string& bytes, std::string& why_not) {
  if (bytes.compare(0, kHeader.size(), kHeader) != 0) {
    why_not = "written by another version of smsdoc";
    return std::nullopt;
  }
  constexpr size_t kDigest = 64;
  why_not = "damaged";
  if (bytes.size() < kHeader.size() + kDigest) return std::nullopt;
  std::string_view data(bytes.data() + kHeader.size(), bytes.size() - kHeader.size() - kDigest);
  if (Sha256Hex(data) != std::string_view(bytes).substr(bytes.size() - kDigest))
    return std::nullopt;
  ByteReader in(data);
  BuildCache cache;
  cache.key = in.Text();
  cache.pages = static_cast<size_t>(in.Int());
  for (int64_t n = in.Int(); n > 0 && in.ok(); --n) {
    DiskRead r;
    r.disk = in.Text();
    r.op = in.Text();
    r.path = in.Text();
    r.answer = in.Text();
    cache.reads.push_back(std::move(r));
  }
  for (int64_t n = in.Int(); n > 0 && in.ok(); --n) cache.diagnostics.push_back(ReadDiagnostic(in));
  cache.ignored = static_cast<size_t>(in.Int());
  if (!in.AtEnd()) return std::nullopt;
  why_not.clear();
  return cache;
}

bool SiteUntouched(const fs::path& site, int jobs) {
  std::error_code ec;
  fs::file_time_type written = fs::last_write_time(site / kCacheFile, ec);
  if (ec) return false;
  std::optional<std::string> text = RealDisk(site.string()).ReadFile(kManifestFile);
  if (!text) return false;
  Diagnostics problems;
  Manifest manifest = ParseManifest(*text, kManifestFile, problems);
  std::vector<std::string> found;
  if (problems.HasErrors() || !ListFolder(site, found).empty()) return false;
  std::erase(found, std::string(kManifestFile));
  if (found.size() != manifest.files.size()) return false;
  for (size_t i = 0; i < found.size(); ++i) {
    if (found[i] != manifest.files[i].path) return false;
  }
  found.push_back(kManifestFile);
  std::atomic<bool> untouched{true};
  ParallelFor(found.size(), jobs, [&](size_t i) {
    std::error_code file_ec;
    fs::file_time_type changed = fs::last_write_time(site / found[i], file_ec);
    if (file_ec || changed > written) untouched = false;
  });
  return untouched;
}

}  // namespace smsdoc
