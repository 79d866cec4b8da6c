#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

/// `text` as a JSON string literal, quotes included: '"', '\' and control
/// characters escaped, UTF-8 passed through as is, and each byte that is not
/// part of valid UTF-8 replaced by U+FFFD, so the output is always valid
/// JSON whatever the content holds.
std::string JsonQuote(std::string_view text);

}  // namespace smsdoc

namespace smsdoc {

/// JsonQuote for a script file or element: also `<`, `>`, `&`, U+2028 and
/// U+2029 escaped, so content can never close a `<script>` or end a line
/// of JavaScript.
std::string JsonQuoteForScript(std::string_view text);

}  // namespace smsdoc
