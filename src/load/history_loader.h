#pragma once
#include <string>

#include "adapters/git.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "model/corpus.h"

namespace smsdoc {

/// Reads every document's history from git as of `commit` (what it means
/// is the analysis'). `repo` null: the SMS is not in git (`why_not` says
/// so on every page; a repository that could not be read is a warning).
/// `work_tree`, when the corpus was read from the work tree rather than
/// from `commit`, adds uncommitted changes on top. A shallow clone is a
/// warning: its history is incomplete.
void LoadHistory(Corpus& corpus, const GitRepo* repo, const std::string& commit,
                 const Disk* work_tree, const std::string& why_not, Diagnostics& diags);

}  // namespace smsdoc
