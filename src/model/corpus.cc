#include "model/corpus.h"

namespace smsdoc {

const FieldValue* Record::Field(const std::string& name) const {
  for (const auto& f : fields)
    if (f.spec->name == name) return &f;
  return nullptr;
}

}  // namespace smsdoc
