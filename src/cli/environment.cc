#include "cli/environment.h"

#include <cstdlib>
#include <ctime>

#include "base/dates.h"

namespace smsdoc {

std::string Today() {
  std::time_t now = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch)
    now = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  return FormatDate(DateFromDays(static_cast<long>(now / 86400)));
}

}  // namespace smsdoc
