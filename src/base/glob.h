#pragma once
#include <string_view>

namespace smsdoc {

/// True when `path` ("records/itsm/incidents-2026.csv") matches `pattern`,
/// both '/'-separated: `*` is any run of characters within one name, `?`
/// one character, `**` as a whole name any number of folders (none too).
bool GlobMatch(std::string_view pattern, std::string_view path);

}  // namespace smsdoc
