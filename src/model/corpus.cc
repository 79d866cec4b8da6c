#include "model/corpus.h"

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
