#pragma once
#include <string>
#include <string_view>

#include "base/diagnostics.h"

namespace smsdoc {

/// Checks that a text input (Markdown, a records file, smsdoc.yaml) is
/// UTF-8 without NUL bytes, reporting the first bad byte at its line and
/// column ([encoding]); a leading byte-order mark is allowed and not counted
/// in columns. Returns false when the file must not be parsed.
bool CheckTextEncoding(std::string_view text, const std::string& path, Diagnostics& diags);

}  // namespace smsdoc
