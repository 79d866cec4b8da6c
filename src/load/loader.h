#pragma once
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/corpus.h"

namespace smsdoc {

/// The load stage: reads smsdoc.yaml and every content file through `disk`
/// (files in parallel on `jobs` threads), validating as it goes.
Corpus LoadCorpus(const Disk& disk, int jobs, Diagnostics& diags);

}  // namespace smsdoc
