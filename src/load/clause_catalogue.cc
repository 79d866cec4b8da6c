#include "load/clause_catalogue.h"

#include <unordered_map>

#include "load/framework_loader.h"

namespace smsdoc {

const std::vector<Clause>& ClauseCatalogue() { return BuiltinFramework(kDefaultPrimary)->items; }

const Clause* FindClause(std::string_view id) {
  static const auto* index = [] {
    auto* m = new std::unordered_map<std::string_view, const Clause*>;
    for (const auto& c : ClauseCatalogue()) (*m)[c.id] = &c;
    return m;
  }();
  auto it = index->find(id);
  return it == index->end() ? nullptr : it->second;
}

bool LooksLike2011Clause(std::string_view id) {
  if (FindClause(id)) return false;
  // Sub-clauses the 2011 edition had and the 2018 edition does not.
  static const char* kOnly2011[] = {
      "4.5",   "5.4",     "6.4",     "6.5",   "6.6",   "4.1.1", "4.1.2", "4.1.3", "4.1.4",
      "4.3.1", "4.3.2",   "4.3.3",   "4.4.1", "4.4.2", "4.5.1", "4.5.2", "4.5.3", "4.5.4",
      "4.5.5", "4.5.5.1", "4.5.5.2", "6.3.1", "6.3.2", "6.3.3", "6.6.1", "6.6.2", "6.6.3"};
  for (const char* old : kOnly2011)
    if (id == old) return true;
  // No 2018 clause has a two-digit part below the top level; the 2011
  // edition's clauses ran from 4 to 9.
  if (id.empty() || id[0] < '4' || id[0] > '9' || (id.size() > 1 && id[1] != '.')) return false;
  size_t dot = id.find('.');
  while (dot != std::string_view::npos) {
    size_t next = id.find('.', dot + 1);
    std::string_view part =
        id.substr(dot + 1, next == std::string_view::npos ? next : next - dot - 1);
    if (part.size() >= 2) return true;
    dot = next;
  }
  return false;
}

const std::vector<std::string>& ClauseIds() {
  static const std::vector<std::string> ids = BuiltinFramework(kDefaultPrimary)->Ids();
  return ids;
}

}  // namespace smsdoc
