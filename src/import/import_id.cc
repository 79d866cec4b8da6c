#include "import/import_id.h"

#include <cctype>
#include <map>

#include "base/id_text.h"

namespace smsdoc {

std::string IdStem(std::string_view name) {
  std::string out;
  for (char c : IdCharacters(name)) {
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::vector<AssignedId> AssignIds(const std::vector<IdWish>& wishes,
                                  const std::set<std::string>& taken) {
  std::map<std::string, int> asked;
  for (const IdWish& w : wishes) ++asked[w.id];
  std::vector<AssignedId> out;
  std::set<std::string> used = taken;
  for (const IdWish& w : wishes) {
    AssignedId a{w.id, ""};
    std::string folder = IdStem(w.folder);
    if (asked[w.id] > 1 && !folder.empty()) {
      a.id += "-" + folder;
      a.how = "its folder added, since other files have the same name";
    }
    if (used.count(a.id)) {
      std::string base = a.id;
      int n = 2;
      while (used.count(base + "-" + std::to_string(n))) ++n;
      a.id = base + "-" + std::to_string(n);
      a.how += std::string(a.how.empty() ? "" : "; ") + "numbered, since " + base +
               (taken.count(base) ? " is in the SMS already" : " was taken");
    }
    used.insert(a.id);
    out.push_back(std::move(a));
  }
  return out;
}

}  // namespace smsdoc
