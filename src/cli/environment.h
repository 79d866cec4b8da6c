#pragma once
#include <string>

namespace smsdoc {

/// Today's date, YYYY-MM-DD (UTC), or the date of SOURCE_DATE_EPOCH when it
/// is set, so reproducible builds can pin it.
std::string Today();

/// The commit the SMS folder is checked out at ("main@1a2b3c4d5e6f"), read
/// from .git in `root` or a folder above it; "" when it is not in git.
std::string SourceRevision(const std::string& root);

}  // namespace smsdoc
