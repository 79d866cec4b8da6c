#pragma once
#include "base/diagnostics.h"
#include "model/analysis.h"
#include "model/config.h"
#include "model/corpus.h"

namespace smsdoc {

/// A warning an item accepts (`accept: {CODE: reason}`, on the item's own
/// lines) is reviewed: removed and counted as ignored. An acceptance that
/// matched no warning is itself a warning (`accept-unused`), so
/// acceptances do not outlive their reason. Call once, when the stages
/// that report on items have run. Returns what was accepted, by ID and code.
std::vector<AcceptedWarning> ApplyAcceptances(const Corpus& corpus, Diagnostics& diags);

/// smsdoc.yaml's `diagnostics:`: warnings of a code set to `ignore` are
/// removed and counted as ignored, those set to `error` become errors.
/// Errors are never lowered. Applying it again changes nothing.
void ApplyDiagnosticLevels(const Config& config, Diagnostics& diags);

}  // namespace smsdoc
