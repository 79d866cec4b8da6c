#include "model/corpus.h"

#include <algorithm>

namespace smsdoc {

const FieldValue* Record::Field(const std::string& name) const {
  for (const auto& f : fields)
    if (f.spec->name == name) return &f;
  return nullptr;
}

Corpus WithoutDrafts(const Corpus& corpus) {
  Corpus published;
  published.config = corpus.config;
  published.kinds = corpus.kinds;
  published.records = corpus.records;
  for (Record& r : published.records) {  // point into the copy's kinds
    r.kind = published.kinds.Find(r.kind->name);
    for (FieldValue& f : r.fields) f.spec = r.kind->Field(f.spec->name);
  }
  published.assets = corpus.assets;
  published.unloaded = corpus.unloaded;
  published.revision = corpus.revision;
  std::vector<std::string> withheld_kpis;
  for (const Document& d : corpus.documents)
    for (const Kpi& k : d.kpis)
      if (d.status == "draft" && k.typed) withheld_kpis.push_back(k.id);
  for (const Measurement& m : corpus.measurements)  // a draft's KPIs are withheld with it
    if (std::find(withheld_kpis.begin(), withheld_kpis.end(), m.kpi) == withheld_kpis.end())
      published.measurements.push_back(m);
  for (const Document& d : corpus.documents) {
    if (d.status != "draft") {
      published.documents.push_back(d);
    } else {
      published.withheld.push_back(d.id);
      published.withheld.push_back(d.path);
    }
  }
  return published;
}

}  // namespace smsdoc
