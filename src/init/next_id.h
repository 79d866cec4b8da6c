#pragma once
#include <set>
#include <string>
#include <vector>

namespace smsdoc {

/// The next free ID for a new item. `siblings` are the IDs of the items of
/// the same type or kind; those ending in digits form series by what comes
/// before the digits ("RSK-" of RSK-007). The series of `prefix` + "-" is
/// continued if there is one, else the largest series of at least two IDs
/// (ties: the greatest, so ACT-2026- over ACT-2025-), else a new series
/// `prefix`-01 (`width` digits). The number keeps the series' width and
/// skips any ID in `taken` (every ID of the SMS).
std::string NextId(const std::vector<std::string>& siblings, const std::set<std::string>& taken,
                   const std::string& prefix, int width);

}  // namespace smsdoc
