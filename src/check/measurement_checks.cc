#include "check/measurement_checks.h"

#include <map>

#include "analyse/kpis.h"

namespace smsdoc {

void CheckMeasurements(const Corpus& corpus, Diagnostics& diags) {
  std::map<std::string, const Document*> first;
  for (const Document& d : corpus.documents)
    for (const Kpi& k : d.kpis) {
      if (!k.typed || k.id.empty()) continue;
      auto [at, fresh] = first.emplace(k.id, &d);
      if (!fresh)
        diags.Error(d.path, k.pos,
                    "duplicate KPI ID '" + k.id + "', first defined in " + at->second->path + " (" +
                        at->second->id + "); KPI IDs are unique across the SMS",
                    "kpi-duplicate");
    }
  for (const MeasurementProblem& p : MeasurementProblems(corpus))
    diags.Error(corpus.measurements[p.measurement].path, p.pos, p.message, p.code);
}

}  // namespace smsdoc
