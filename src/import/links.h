#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace smsdoc {

/// The relative link targets a Markdown body names, found lexically (no
/// Markdown parser): `](target)`, `](<target>)` and raw HTML's `src="..."`
/// and `href="..."`. Query and fragment are cut, `%XX` decoded; URLs with
/// a scheme, absolute paths and bare fragments are left out. `import`
/// uses them to copy the images a body shows and to warn about links to
/// folders; a link it misses is still checked by `smsdoc check`.
std::vector<std::string> RelativeLinkTargets(std::string_view body);

}  // namespace smsdoc
