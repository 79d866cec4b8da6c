#pragma once
#include <string>

namespace smsdoc {

/// A body's HTML with a self-link (`<a class="heading-link" href="#ID">`)
/// at the end of each heading the markdown adapter wrote (`<hN id="ID">`),
/// so a reader can copy a link to any section.
std::string AddHeadingLinks(const std::string& html);

/// A body's HTML with every heading id and same-page link `#ID` prefixed
/// (`PREFIXID`): the manual holds many documents on one page, whose
/// headings would otherwise share ids.
std::string PrefixHeadingIds(const std::string& html, const std::string& prefix);

}  // namespace smsdoc
