// `smsdoc pdf`: build, then print manual.html to PDF with a Chromium
// installed on this machine (never downloaded): its @page rules give the
// running header and page numbers (docs/themes.md#the-manual).
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

#include "cli/commands.h"
#include "cli/prepare.h"
#include "model/urls.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

bool Executable(const fs::path& path) {
  struct stat st;
  return stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && access(path.c_str(), X_OK) == 0;
}

// The browser named by --chromium, else by SMSDOC_CHROMIUM, else the first
// of the usual names on PATH; "" with `why` set when there is none.
fs::path FindChromium(const std::string& option, std::string& why) {
  const char* env = getenv("SMSDOC_CHROMIUM");
  std::string named = !option.empty() ? option : env && *env ? env : "";
  if (!named.empty()) {
    if (named.find('/') == std::string::npos) {  // a name: look it up on PATH below
    } else if (Executable(named)) {
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
  const char* path = getenv("PATH");
  std::string dirs = path ? path : "/usr/bin:/bin";
  for (const std::string& name : names) {
    for (size_t start = 0; start <= dirs.size();) {
      size_t end = dirs.find(':', start);
      if (end == std::string::npos) end = dirs.size();
      fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
      if (end > start && Executable(candidate)) return candidate;
      start = end + 1;
    }
  }
  why = named.empty() ? "no Chromium found: none of chromium, chromium-browser, google-chrome, "
                        "google-chrome-stable is on PATH; install one (Debian: apt-get install "
                        "chromium) or name it with --chromium or SMSDOC_CHROMIUM"
                      : "no Chromium named '" + named + "' on PATH";
  return {};
}

// Runs `argv` with its output discarded (Chromium is chatty); its exit code,
// or -1 when it could not be started.
int Run(const std::vector<std::string>& argv) {
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    int null = open("/dev/null", O_RDWR);
    if (null >= 0) {
      dup2(null, 0);
      dup2(null, 1);
      dup2(null, 2);
    }
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
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
    std::string profile = (fs::temp_directory_path() / "smsdoc-chromium-XXXXXX").string();
    if (!mkdtemp(profile.data())) return Fail("cannot make a temporary folder for Chromium", err);
    fs::path partial = pdf;
    partial += ".partial";
    int code =
        Run({chromium.string(), "--headless", "--no-sandbox", "--disable-gpu",
             "--no-pdf-header-footer", "--user-data-dir=" + profile,
             "--print-to-pdf=" + partial.string(), "file://" + (site / kManualUrl).string()});
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
