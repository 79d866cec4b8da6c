#include "analyse/analysis.h"

#include "analyse/attention.h"
#include "analyse/coverage.h"
#include "analyse/document_control.h"
#include "analyse/framework_coverage.h"
#include "analyse/kpis.h"
#include "analyse/process_rules.h"
#include "analyse/readiness.h"
#include "analyse/register_rules.h"
#include "analyse/sampling.h"
#include "load/framework_loader.h"

namespace smsdoc {

Analysis Analyse(const Graph& graph, const std::string& as_of,
                 std::optional<uint64_t> sample_seed) {
  const Corpus& corpus = *graph.corpus;
  Analysis a;
  a.as_of = as_of;
  Directory directory(corpus);
  for (const Document& d : corpus.documents)
    a.documents.push_back(AnalyseDocument(d, directory, as_of));
  RegisterRules rules(corpus.config.risk_scoring, as_of);
  for (const Record& r : corpus.records) {
    std::vector<DateState>& dates = a.record_dates.emplace_back();
    for (const FieldValue& f : r.fields)
      dates.push_back(f.spec->type == FieldType::kDate ? rules.StateOf(r, *f.spec, f.text)
                                                       : DateState::kNone);
  }
  // Each step reads only what the steps before it filled.
  a.coverage = ComputeCoverage(graph, as_of);
  a.mapped = MappedRefs(graph);
  a.frameworks = ComputeFrameworkCoverage(graph, a.mapped, as_of);
  a.matrix = FrameworkMatrix(graph, a);
  a.kpis = AnalyseKpis(corpus, as_of);  // before readiness: monitoring results judge them
  const Framework* primary = FindFramework(corpus.config, kDefaultPrimary);
  a.readiness =
      EvaluateReadiness(graph, a, primary ? *primary : *BuiltinFramework(kDefaultPrimary));
  a.framework_readiness = EvaluateOtherReadiness(graph, a);
  a.stage1 = Stage1Documents(graph, CombinedChecklist(a));
  a.rules = JudgeRules(graph, as_of);
  a.sample_seed = sample_seed.value_or(corpus.config.sample_seed);
  a.samples = DrawSamples(graph, a.sample_seed);
  a.attention = NeedsAttention(graph, a);
  return a;
}

}  // namespace smsdoc
