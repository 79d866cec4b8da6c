#include "base/glob.h"

namespace smsdoc {

namespace {

// One name against one pattern name (no '/' in either).
bool NameMatch(std::string_view pattern, std::string_view name) {
  if (pattern.empty()) return name.empty();
  if (pattern[0] == '*') {
    for (size_t skip = 0; skip <= name.size(); ++skip)
      if (NameMatch(pattern.substr(1), name.substr(skip))) return true;
    return false;
  }
  if (name.empty()) return false;
  if (pattern[0] != '?' && pattern[0] != name[0]) return false;
  return NameMatch(pattern.substr(1), name.substr(1));
}

std::string_view Head(std::string_view s) { return s.substr(0, s.find('/')); }

std::string_view Tail(std::string_view s) {
  size_t slash = s.find('/');
  return slash == std::string_view::npos ? std::string_view() : s.substr(slash + 1);
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  if (pattern.empty()) return path.empty();
  if (Head(pattern) == "**") {
    if (Tail(pattern).empty() && pattern.size() == 2) return true;  // `**` last: anything
    for (std::string_view rest = path;; rest = Tail(rest)) {
      if (GlobMatch(Tail(pattern), rest)) return true;
      if (rest.find('/') == std::string_view::npos) return false;
    }
  }
  if (path.empty()) return false;
  if (!NameMatch(Head(pattern), Head(path))) return false;
  bool pattern_ends = pattern.find('/') == std::string_view::npos;
  bool path_ends = path.find('/') == std::string_view::npos;
  if (pattern_ends || path_ends) return pattern_ends && path_ends;
  return GlobMatch(Tail(pattern), Tail(path));
}

}  // namespace smsdoc
