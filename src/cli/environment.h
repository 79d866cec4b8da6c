#pragma once
#include <optional>
#include <string>

namespace smsdoc {

/// Today's date, YYYY-MM-DD (UTC), or the date of SOURCE_DATE_EPOCH when it
/// is set, so reproducible builds can pin it. nullopt, with `error` saying
/// why, when SOURCE_DATE_EPOCH is not a number of seconds giving a date
/// of years 1970 to 9999.
std::optional<std::string> Today(std::string& error);

}  // namespace smsdoc
