#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.h"
#include "base/disk.h"

namespace smsdoc {

/// Checks that a text input (Markdown, a records file, smsdoc.yaml) is
/// UTF-8 without NUL bytes, reporting the first bad byte at its line and
/// column ([encoding]); a leading byte-order mark is allowed and not counted
/// in columns. Returns false when the file must not be parsed.
bool CheckTextEncoding(std::string_view text, const std::string& path, Diagnostics& diags);

/// Reads a text input, refusing it unread past `limit_mb` ([file-too-large],
/// naming the `limits:` setting) and refusing bytes that are not UTF-8 text;
/// reports why to diags, a file it cannot read with `unreadable_code`.
std::optional<std::string> ReadText(const Disk& disk, const std::string& path, long limit_mb,
                                    const char* unreadable_code, Diagnostics& diags);

}  // namespace smsdoc
