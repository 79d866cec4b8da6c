// `smsdoc pdf`: build, then print manual.html to PDF with a Chromium
// installed on this machine (never downloaded): its @page rules give the
// running header and page numbers (docs/themes.md#the-manual).
#include <cstdlib>
#include <filesystem>
#include <vector>

#include "base/run_program.h"
#include "base/temp_folder.h"
#include "cli/commands.h"
#include "cli/prepare.h"
#include "model/urls.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// The browser named by --chromium, else by SMSDOC_CHROMIUM, else the first
// of the usual names on PATH; "" with `why` set when there is none.
fs::path FindChromium(const std::string& option, std::string& why) {
  const char* env = std::getenv("SMSDOC_CHROMIUM");
  std::string named = !option.empty() ? option : env && *env ? env : "";
  if (!named.empty()) {
    if (named.find('/') == std::string::npos) {  // a name: look it up on PATH below
    } else if (IsExecutableFile(named)) {
      return named;
    } else {
      why = "no Chromium at '" + named + "' (named by " +
            (option.empty() ? "SMSDOC_CHROMIUM" : "--chromium") + ")";
      return {};
    }
  }
  std::vector<std::string> names = {"chromium", "chromium-browser", "google-chrome",
                                    "google-chrome-stable"};
  if (!named.empty()) names = {named};
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const std::string& name : names) {
    for (size_t start = 0; start <= dirs.size();) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (end > start && IsExecutableFile(candidate)) return candidate;
      start = end + 1;
    }
  }
  why = named.empty() ? "no Chromium found: none of chromium, chromium-browser, google-chrome, "
                        "google-chrome-stable is on PATH; install one (Debian: apt-get install "
                        "chromium) or name it with --chromium or SMSDOC_CHROMIUM"
                      : "no Chromium named '" + named + "' on PATH";
  return {};
}

}  // namespace

int RunPdf(const CommandOptions& options, const std::string& pdf_option,
           const std::string& chromium_option, std::ostream& err) {
  std::string why;
  fs::path chromium = FindChromium(chromium_option, why);
  if (chromium.empty()) return Fail(why + "; nothing built", err);
  BuildFollowUp next;
  next.then = [&](const BuildTarget& target) {
    fs::path site = fs::absolute(target.site).lexically_normal();
    if (site.filename().empty()) site = site.parent_path();
    fs::path pdf = pdf_option.empty()
                       ? site.parent_path() / (site.filename().string() + "-manual.pdf")
                       : fs::absolute(pdf_option);
    // A profile of its own, so the user's browser profile is never touched.
    fs::path profile = MakeTempFolder("smsdoc-chromium");
    if (profile.empty()) return Fail("cannot make a temporary folder for Chromium", err);
    fs::path partial = pdf;
    partial += ".partial";
    int code = RunQuietly({chromium.string(), "--headless", "--no-sandbox", "--disable-gpu",
                           "--no-pdf-header-footer", "--user-data-dir=" + profile.string(),
                           "--print-to-pdf=" + partial.string(),
                           "file://" + (site / kManualUrl).string()});
    std::error_code ec;
    fs::remove_all(profile, ec);
    if (code != 0 || !fs::exists(partial) || fs::file_size(partial, ec) == 0) {
      fs::remove(partial, ec);
      return Fail(chromium.string() + " did not print " + kManualUrl + " (exit code " +
                      std::to_string(code) + "); the site was built",
                  err);
    }
    fs::rename(partial, pdf, ec);
    if (ec) return Fail("cannot write " + pdf.generic_string() + ": " + ec.message(), err);
    if (!options.quiet) err << "printed " << kManualUrl << " -> " << pdf.generic_string() << "\n";
    return static_cast<int>(kExitOk);
  };
  return RunBuild(options, err, next);
}

}  // namespace smsdoc
