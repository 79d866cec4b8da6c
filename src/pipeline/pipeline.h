#pragma once
#include <optional>
#include <string>

#include "adapters/git.h"
#include "base/diagnostics.h"
#include "base/disk.h"
#include "link/graph.h"
#include "model/analysis.h"
#include "model/corpus.h"

namespace smsdoc {

/// Where the SMS is read from: a disk (the work tree, a commit's tree or
/// memory) and, when in git, the repository for document histories.
struct Source {
  const Disk* disk = nullptr;
  const GitRepo* repo = nullptr;  ///< null outside git
  std::string commit;             ///< the commit histories start from
  bool work_tree = false;         ///< `disk` is the work tree: add uncommitted changes
  std::string why_not;            ///< why there is no repository ("not in git")
  /// provenance label, "main@1a2b3c4"; "" outside git. The caller adds
  /// "with uncommitted changes" (it knows which files are its own outputs).
  std::string revision;
};

struct PipelineOptions {
  std::string as_of;  ///< YYYY-MM-DD everything is judged against
  int jobs = 1;
  bool strict = false;                  ///< missing readiness items are errors
  bool published_only = false;          ///< checked whole, then drafts left out
  std::optional<uint64_t> sample_seed;  ///< Stage 2 samples; nullopt: smsdoc.yaml's
};

/// The SMS loaded, linked, analysed and checked. The graph points into the
/// corpus and the analysis into both: a Model stays where it was filled.
struct Model {
  Corpus corpus;
  Graph graph;
  Analysis analysis;
  Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;
};

/// load -> link -> analyse -> check, every stage reporting every problem
/// it finds into `diags`. The one entry used by the CLI, the unit tests and
/// the fuzz targets. With `published_only`, the model is then re-linked
/// and re-analysed without its drafts (their problems already reported).
void RunPipeline(const Source& source, const PipelineOptions& options, Model& model,
                 Diagnostics& diags);

}  // namespace smsdoc
