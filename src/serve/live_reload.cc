#include "serve/live_reload.h"

#include "base/text.h"

namespace smsdoc {

namespace {

// Polls twice a second; a fetch that fails (serve stopped) retries slower
// and never reloads onto an error page.
std::string Script(long build) {
  return "<script>/* smsdoc serve: reloads when the site is rebuilt */(function(){var b=\"" +
         std::to_string(build) + "\";function p(d){setTimeout(function(){fetch(\"" +
         std::string(kBuildEndpoint) +
         "\",{cache:\"no-store\"}).then(function(r){return r.text()}).then(function(t){if(t.trim()"
         "!==b)location.reload();else p(500)},function(){p(2000)})},d)}p(500)})();</script>";
}

std::string Banner(const std::vector<std::string>& problems) {
  std::string html =
      "<div id=\"smsdoc-serve-banner\" role=\"alert\" style=\"position:fixed;left:0;right:0;"
      "bottom:0;z-index:2147483647;max-height:40vh;overflow:auto;margin:0;padding:.75em 1em;"
      "background:#fff0f0;color:#600;border-top:3px solid #c00;font:14px/1.4 monospace;"
      "white-space:pre-wrap\"><strong>smsdoc serve: the last build failed; these pages are from "
      "the build before.</strong>\n";
  for (const std::string& p : problems) html += HtmlEscape(p) + "\n";
  return html + "</div>";
}

}  // namespace

std::string InjectLive(std::string_view html, long build,
                       const std::vector<std::string>& problems) {
  std::string added = (problems.empty() ? "" : Banner(problems)) + Script(build);
  size_t at = html.rfind("</body>");
  if (at == std::string_view::npos) at = html.size();
  std::string out;
  out.reserve(html.size() + added.size());
  out.append(html.substr(0, at)).append(added).append(html.substr(at));
  return out;
}

}  // namespace smsdoc
