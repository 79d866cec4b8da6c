#pragma once
#include <chrono>
#include <optional>
#include <ostream>
#include <string>

#include "cli/commands.h"
#include "cli/prepare.h"

namespace smsdoc {

/// What makes two builds of the same files differ: this binary, the as-of
/// date, the options that change the output, the source revision (its
/// label says "with uncommitted changes") and commit. A SHA-256.
std::string BuildKey(const CommandOptions& options, const std::string& as_of,
                     const std::string& revision, const std::string& commit);

/// The build cache a full build leaves in its site (write/build_cache.h):
/// the key, what it read and what it reported.
std::string MakeBuildCache(const std::string& key, const Session& session, size_t pages,
                           const Diagnostics& diags);

/// `smsdoc build` of the work tree when its site is up to date: the cache
/// in the output folder has this run's key, every read of the last build
/// gets the same answer, and the site is as written. Then it prints what
/// that build printed (its diagnostics, a summary saying nothing changed),
/// runs `next` and returns the exit code; else nullopt (a damaged or
/// foreign cache is noted on `err`) and the caller builds in full.
std::optional<int> ReplayIfUpToDate(const CommandOptions& options, std::ostream& err,
                                    const BuildFollowUp& next,
                                    std::chrono::steady_clock::time_point start);

}  // namespace smsdoc
