#include "init/next_id.h"

#include <map>

namespace smsdoc {

namespace {

struct Series {
  size_t count = 0;
  unsigned long long last = 0;
  size_t width = 0;
};

}  // namespace

std::string NextId(const std::vector<std::string>& siblings, const std::set<std::string>& taken,
                   const std::string& prefix, int width) {
  std::map<std::string, Series> series;
  for (const std::string& id : siblings) {
    size_t digits = id.find_last_not_of("0123456789") + 1;  // npos + 1 == 0: all digits
    size_t n = id.size() - digits;
    if (n == 0 || n > 18) continue;  // no number, or one too long to count on
    Series& s = series[id.substr(0, digits)];
    s.count++;
    s.last = std::max(s.last, std::stoull(id.substr(digits)));
    s.width = std::max(s.width, n);
  }
  std::string stem = prefix + "-";
  Series chosen{0, 0, static_cast<size_t>(width)};
  if (auto own = series.find(stem); own != series.end()) {
    chosen = own->second;
  } else {
    for (const auto& [s, values] : series) {  // sorted: a tie goes to the later stem
      if (values.count >= 2 && values.count >= chosen.count) {
        stem = s;
        chosen = values;
      }
    }
  }
  for (unsigned long long number = chosen.last + 1;; ++number) {
    std::string digits = std::to_string(number);
    if (digits.size() < chosen.width) digits.insert(0, chosen.width - digits.size(), '0');
    if (!taken.count(stem + digits)) return stem + digits;
  }
}

}  // namespace smsdoc
