#include "check/measurement_checks.h"

#include <algorithm>
#include <map>

#include "analyse/kpi_query.h"
#include "analyse/kpis.h"
#include "analyse/service_report.h"
#include "base/text.h"

namespace smsdoc {

namespace {

// With a service catalogue, a KPI reports on services of it (9.4): a name
// that is no service record's title is a typo or a service not catalogued.
void CheckKpiServices(const Corpus& corpus, Diagnostics& diags) {
  if (!HasServiceCatalogue(corpus)) return;
  std::vector<std::string> services = ServiceNames(corpus);
  for (const Document& d : corpus.documents)
    for (const Kpi& k : d.kpis) {
      if (!k.typed) continue;
      for (const std::string& s : k.services)
        if (std::find(services.begin(), services.end(), s) == services.end())
          diags.Error(d.path, k.pos,
                      "KPI '" + k.id + "' names the service '" + s +
                          "', which is no service record's title" + DidYouMean(s, services) +
                          "; services: " + Join(services, ", "),
                      "kpi-service");
    }
}

// An SLA's targets are reported as KPIs (9.4): each must be a typed KPI's ID.
void CheckSlaTargets(const Corpus& corpus, Diagnostics& diags) {
  std::vector<std::string> ids;
  for (const Document& d : corpus.documents)
    for (const Kpi& k : d.kpis)
      if (k.typed) ids.push_back(k.id);
  for (const Record& r : corpus.records) {
    const FieldValue* targets = r.kind->name == "sla" ? r.Field("targets") : nullptr;
    if (!targets) continue;
    for (const std::string& t : targets->items)
      if (std::find(ids.begin(), ids.end(), t) == ids.end())
        diags.Error(r.path, targets->pos,
                    "SLA target '" + t + "' is no typed KPI's ID" + DidYouMean(t, ids),
                    "sla-target");
  }
}

}  // namespace

void CheckMeasurements(const Corpus& corpus, Diagnostics& diags) {
  CheckKpiServices(corpus, diags);
  CheckSlaTargets(corpus, diags);
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
  for (const Document& d : corpus.documents)
    for (const Kpi& k : d.kpis)
      if (k.typed && k.query)
        for (const KpiQueryProblem& p : KpiQueryProblems(corpus.kinds, *k.query))
          diags.Error(d.path, p.pos, "KPI '" + k.id + "': " + p.message, "kpi-from");
  for (const MeasurementProblem& p : MeasurementProblems(corpus))
    diags.Error(corpus.measurements[p.measurement].path, p.pos, p.message, p.code);
}

}  // namespace smsdoc
