#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

/// `text` as a YAML double-quoted scalar, so any organisation name, title
/// or scope reads back as written (quotes, colons, '#', control characters).
std::string YamlQuoted(std::string_view text);

}  // namespace smsdoc
