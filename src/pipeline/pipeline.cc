#include "pipeline/pipeline.h"

#include "analyse/analysis.h"
#include "analyse/kpi_query.h"
#include "check/analysis_checks.h"
#include "check/audit_checks.h"
#include "check/checks.h"
#include "check/diagnostic_levels.h"
#include "check/measurement_checks.h"
#include "check/portable_outputs.h"
#include "check/rule_checks.h"
#include "check/sampling_checks.h"
#include "check/service_report_checks.h"
#include "check/soa_checks.h"
#include "check/workbook_limits.h"
#include "load/history_loader.h"
#include "load/loader.h"

namespace smsdoc {

void RunPipeline(const Source& source, const PipelineOptions& options, Model& model,
                 Diagnostics& diags) {
  model.corpus = LoadCorpus(*source.disk, options.jobs, diags);
  model.corpus.revision = source.revision;
  LoadHistory(model.corpus, source.repo, source.commit, source.work_tree ? source.disk : nullptr,
              source.why_not, diags);
  AddComputedMeasurements(model.corpus);  // KPIs' `from:`, judged as measurements are
  model.graph = LinkCorpus(model.corpus, diags);
  model.analysis = Analyse(model.graph, options.as_of, options.sample_seed);
  CheckPortableOutputs(model.graph, diags);  // before CheckGraph: its errors hold back orphans
  CheckGraph(model.graph, diags);
  CheckAnalysis(model.graph, model.analysis, options.strict, diags);
  CheckMeasurements(model.corpus, diags);
  CheckServiceReports(model.corpus, diags);
  CheckRules(model.graph, diags);
  CheckSampling(model.graph, diags);
  CheckAudit(model.graph, diags);
  CheckSoa(model.graph, diags);
  CheckWorkbookLimits(model.graph, diags);
  // The SMS's say over its warnings, while drafts are still in the corpus.
  model.analysis.accepted = ApplyAcceptances(model.corpus, diags);
  ApplyDiagnosticLevels(model.corpus.config, diags);
  if (!options.published_only) return;
  std::vector<AcceptedWarning> accepted = std::move(model.analysis.accepted);
  model.corpus = WithoutDrafts(model.corpus);
  Diagnostics relinked;  // the same references, already reported
  model.graph = LinkCorpus(model.corpus, relinked);
  model.analysis = Analyse(model.graph, options.as_of, options.sample_seed);
  std::erase_if(accepted, [&](const AcceptedWarning& a) { return !model.graph.by_id.count(a.id); });
  model.analysis.accepted = std::move(accepted);
}

}  // namespace smsdoc
