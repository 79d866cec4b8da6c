#include "cli/environment.h"

#include <cstdlib>
#include <ctime>

#include "base/dates.h"

namespace smsdoc {

std::optional<std::string> Today(std::string& error) {
  long long now = static_cast<long long>(std::time(nullptr));
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
    // 253402300799 is 9999-12-31 23:59:59: later dates have no YYYY form.
    std::string text = epoch;
    bool digits = text.size() <= 12 && text.find_first_not_of("0123456789") == std::string::npos;
    if (!digits || std::stoll(text) > 253402300799LL) {
      error =
          "SOURCE_DATE_EPOCH must be seconds since 1970-01-01 (a whole number up to "
          "253402300799), got '" +
          text + "'";
      return std::nullopt;
    }
    now = std::stoll(text);
  }
  return FormatDate(DateFromDays(static_cast<long>(now / 86400)));
}

}  // namespace smsdoc
