#pragma once
#include <string>

namespace smsdoc {

/// Today's date, YYYY-MM-DD (UTC), or the date of SOURCE_DATE_EPOCH when it
/// is set, so reproducible builds can pin it.
std::string Today();

}  // namespace smsdoc
