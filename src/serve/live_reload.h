#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace smsdoc {

/// Where serve answers itself; looked up before the site, so a site file
/// under it (smsdoc writes none) would be shadowed, never served.
inline constexpr std::string_view kServePrefix = "/__smsdoc/";
/// The build number, as text: it changes after every build.
inline constexpr std::string_view kBuildEndpoint = "/__smsdoc/build";

/// `html` as served, never as written: before `</body>` (else at the end),
/// a script that polls kBuildEndpoint and reloads the page when the number
/// differs from `build`, and, when `problems` is not empty, a banner
/// listing them (HTML-escaped) over the page.
std::string InjectLive(std::string_view html, long build, const std::vector<std::string>& problems);

}  // namespace smsdoc
