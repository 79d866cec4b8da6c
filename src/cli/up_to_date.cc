#include "cli/up_to_date.h"

#include <filesystem>
#include <sstream>

#include "adapters/sha256.h"
#include "base/process.h"
#include "cli/own_outputs.h"
#include "load/loader.h"
#include "write/build_cache.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// This binary's own bytes: a rebuilt smsdoc may render differently under
// the same version number.
std::string BinaryDigest() {
  static const std::string digest = [] {
    fs::path self = ThisExecutable();
    std::optional<std::string> bytes;
    if (!self.empty())
      bytes = RealDisk(self.parent_path().string()).ReadFile(self.filename().string());
    return bytes ? Sha256Hex(*bytes) : std::string();
  }();
  return digest;
}

}  // namespace

std::string BuildKey(const CommandOptions& options, const std::string& as_of,
                     const std::string& revision, const std::string& commit) {
  std::string binary = BinaryDigest();
  if (binary.empty()) return "";  // unknown binary: never up to date
  return Sha256Hex("binary " + binary + "\nversion " SMSDOC_VERSION "\nas-of " + as_of +
                   "\nstrict " + (options.strict ? "1" : "0") + "\npublished-only " +
                   (options.published_only ? "1" : "0") + "\nlive-dates " +
                   (options.live_dates ? "1" : "0") + "\naudience " + options.audience +
                   "\ntheme " + options.theme + "\nsample-seed " +
                   (options.sample_seed ? std::to_string(*options.sample_seed) : "") +
                   "\nrevision " + revision + "\ncommit " + commit + "\n");
}

std::string MakeBuildCache(const std::string& key, const Session& session, size_t pages,
                           const Diagnostics& diags) {
  if (key.empty() || !session.recorder) return "";
  return EncodeBuildCache({key, pages, session.recorder->Reads(), diags.items(),
                           static_cast<size_t>(diags.IgnoredCount())});
}

std::optional<int> ReplayIfUpToDate(const CommandOptions& options, std::ostream& err,
                                    const BuildFollowUp& next,
                                    std::chrono::steady_clock::time_point start) {
  if (options.no_cache || !options.at.empty()) return std::nullopt;
  CommandOptions resolved = options;
  std::ostringstream said;  // a bad date is the full build's to report
  if (ResolveAsOf(resolved, said)) return std::nullopt;
  RealDisk sms(options.root);
  std::optional<Config> config = LoadConfigOnly(sms);
  if (!config) return std::nullopt;
  fs::path site =
      options.out.empty() ? fs::path(options.root) / config->output : fs::path(options.out);
  std::optional<std::string> bytes = RealDisk(site.string()).ReadFile(kCacheFile);
  if (!bytes) return std::nullopt;
  std::string why_not;
  std::optional<BuildCache> cache = DecodeBuildCache(*bytes, why_not);
  std::string shown = (site / kCacheFile).lexically_normal().generic_string();
  if (!cache) {
    if (!options.quiet) err << "smsdoc: ignoring " << shown << " (" << why_not << ")\n";
    return std::nullopt;
  }

  std::string unused;
  std::unique_ptr<GitRepo> repo = GitRepo::Open(options.root, unused);
  std::string commit, revision;
  if (repo) {
    commit = repo->Head();
    revision = commit.empty() ? "no commit yet" : repo->Describe(commit, "HEAD");
    if (repo->HasUncommittedChanges(OwnOutputs(options, *config)))
      revision += " with uncommitted changes";
  }
  if (cache->key != BuildKey(options, resolved.as_of, revision, commit)) return std::nullopt;
  std::string theme_dir = ThemeDir(options, *config);
  std::unique_ptr<Disk> theme;
  if (!theme_dir.empty()) theme = std::make_unique<RealDisk>(theme_dir);
  if (!SameAnswers(cache->reads, {{"sms", &sms}, {"theme", theme.get()}}, Jobs(options)) ||
      !SiteUntouched(site, Jobs(options)))
    return std::nullopt;

  BuildTarget target{site, BuildInfoFor(options, resolved.as_of, revision),
                     config->ContentFolders()};
  if (next.vet) {
    if (std::string refusal = next.vet(target); !refusal.empty()) return Fail(refusal, err);
  }
  Diagnostics diags;
  for (auto& d : cache->diagnostics) diags.Add(std::move(d));
  diags.AddIgnored(static_cast<int>(cache->ignored));
  Print(diags, err);
  if (next.seen) next.seen(diags);
  if (!options.quiet) {
    std::string folder = site.lexically_normal().generic_string();
    if (folder.empty() || folder.back() != '/') folder += '/';
    err << folder << " is up to date: nothing changed since the last build ("
        << Plural(cache->pages, "page");
    if (diags.WarningCount() > 0 || diags.IgnoredCount() > 0) err << ", " << Counts(diags);
    err << "; checked in " << SecondsSince(start) << " s)\n";
  }
  return next.then ? next.then(target) : kExitOk;
}

}  // namespace smsdoc
