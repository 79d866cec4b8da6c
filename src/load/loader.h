#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/corpus.h"

namespace smsdoc {

/// The load stage: reads smsdoc.yaml and every content file through `disk`
/// (files in parallel on `jobs` threads), validating as it goes.
Corpus LoadCorpus(const Disk& disk, int jobs, Diagnostics& diags);

/// smsdoc.yaml alone, or nullopt when it is missing or has any problem
/// (the full load reports it).
std::optional<Config> LoadConfigOnly(const Disk& disk);

}  // namespace smsdoc
