// `smsdoc serve`: the build of `smsdoc build`, served on 127.0.0.1 with
// live reload, rebuilt when the SMS or its theme changes (docs/serve.md).
// The site on disk stays exactly what `build` writes: the reload script
// and the banner of a failed build are added to HTML responses only.
#include <chrono>
#include <fstream>
#include <mutex>
#include <sstream>
#include <thread>

#include "base/interrupt.h"
#include "base/text.h"
#include "cli/commands.h"
#include "cli/prepare.h"
#include "load/loader.h"
#include "serve/http_server.h"
#include "serve/live_reload.h"
#include "serve/site_files.h"
#include "serve/watcher.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// What the build reads and writes, from smsdoc.yaml as it is now.
struct Inputs {
  fs::path site;
  std::vector<fs::path> watched;
};

Inputs InputsOf(const CommandOptions& options, const Config& config) {
  fs::path root = options.root;
  Inputs inputs{options.out.empty() ? root / config.output : fs::path(options.out),
                {root / "smsdoc.yaml"}};
  for (const std::string& folder : config.ContentFolders()) inputs.watched.push_back(root / folder);
  if (std::string theme = ThemeDir(options, config); !theme.empty())
    inputs.watched.push_back(theme);
  return inputs;
}

// nullopt when smsdoc.yaml is missing or wrong (the build says why).
std::optional<Inputs> InputsOf(const CommandOptions& options) {
  std::optional<Config> config = LoadConfigOnly(RealDisk(options.root));
  if (!config) return std::nullopt;
  return InputsOf(options, *config);
}

// What the pages are served with; read by the HTTP thread, set by builds.
class LiveState {
 public:
  void Set(const fs::path& site, long build, std::vector<std::string> problems) {
    std::lock_guard lock(mutex_);
    site_ = site;
    build_ = build;
    problems_ = std::move(problems);
  }
  void Get(fs::path& site, long& build, std::vector<std::string>& problems) const {
    std::lock_guard lock(mutex_);
    site = site_;
    build = build_;
    problems = problems_;
  }

 private:
  mutable std::mutex mutex_;
  fs::path site_;
  long build_ = 0;
  std::vector<std::string> problems_;
};

std::optional<std::string> ReadWhole(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return in.bad() ? std::nullopt : std::optional(bytes.str());
}

HttpResponse Answer(const HttpRequest& request, const LiveState& state) {
  fs::path site;
  long build = 0;
  std::vector<std::string> problems;
  state.Get(site, build, problems);
  const std::string html = "text/html; charset=utf-8";
  if (StartsWith(request.target, kServePrefix)) {
    if (request.target == kBuildEndpoint) return {200, "text/plain", std::to_string(build), {}};
    return {404, "text/plain; charset=utf-8", "not found\n", {}};
  }
  RequestPath path = ParseRequestPath(request.target);
  if (path.bad) return {400, "text/plain; charset=utf-8", "bad request\n", {}};
  SiteFile file = FindSiteFile(site, path);
  if (file.kind == SiteFile::Kind::kRedirect)
    return {301, "text/plain; charset=utf-8", "", {{"Location", file.location}}};
  std::optional<std::string> bytes;
  if (file.kind == SiteFile::Kind::kFile) bytes = ReadWhole(file.file);
  if (!bytes) {  // an HTML page, so the banner shows and a rebuild reloads it
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found"
        "</title></head><body><h1>Not found</h1><p><a href=\"/\">The site's home page</a></p>"
        "</body></html>\n";
    return {404, html, InjectLive(page, build, problems), {}};
  }
  std::string type = ContentType(file.file.filename().string());
  if (type == html) return {200, type, InjectLive(*bytes, build, problems), {}};
  return {200, type, std::move(*bytes), {}};
}

// One build as `smsdoc build` makes it: its diagnostics printed as build
// prints them, then one line of serve's own. Returns false when a signal
// asked to stop (then nothing is printed: the build's "interrupted" is
// what serve was asked for, not a problem).
bool Build(const CommandOptions& options, Inputs& inputs, LiveState& state, long build,
           std::ostream& err) {
  auto start = std::chrono::steady_clock::now();
  if (std::optional<Inputs> now = InputsOf(options)) inputs = *now;
  CommandOptions quiet = options;
  quiet.quiet = true;  // serve says what happened in its own words
  std::ostringstream said;
  Diagnostics seen;
  BuildFollowUp next;
  next.seen = [&](const Diagnostics& d) { seen = d; };
  int code = RunBuild(quiet, said, next);
  if (InterruptSignal() || StopRequested()) return false;
  err << said.str();
  std::vector<std::string> problems;
  for (const Diagnostic& d : seen.items())
    if (d.severity == Severity::kError) problems.push_back(FormatDiagnostic(d));
  if (code != kExitOk && problems.empty()) {  // not the content: an environment problem
    std::istringstream lines(said.str());
    for (std::string line; std::getline(lines, line);)
      if (!line.empty()) problems.push_back(line);
  }
  state.Set(inputs.site, build, problems);
  if (code != kExitOk) {
    err << "smsdoc serve: build failed" << (seen.HasErrors() ? " (" + Counts(seen) + ")" : "")
        << "; serving the previous site with the errors over it\n";
  } else if (!options.quiet) {
    err << "smsdoc serve: built in " << SecondsSince(start) << " s";
    if (seen.WarningCount() > 0 || seen.IgnoredCount() > 0) err << " (" << Counts(seen) << ")";
    err << "\n";
  }
  return true;
}

}  // namespace

int RunServe(const CommandOptions& options, int port, std::ostream& err) {
  StopGuard stop_guard;
  HttpServer server;
  if (std::string error = server.Listen(port); !error.empty()) return Fail(error, err);
  // Without a usable smsdoc.yaml yet, the defaults' folders are watched.
  Inputs inputs = InputsOf(options).value_or(InputsOf(options, Config{}));
  LiveState state;
  // Watching starts before the first build, so an edit made while it runs
  // is built next.
  auto watcher = std::make_unique<InputWatcher>(inputs.watched, std::vector{inputs.site});
  long build = 1;
  if (!Build(options, inputs, state, build, err)) return kExitOk;
  err << "serving http://127.0.0.1:" << server.port() << "/ (Ctrl-C to stop)" << std::endl;

  std::atomic<bool> stop{false};
  std::thread http(
      [&] { server.Serve([&](const HttpRequest& r) { return Answer(r, state); }, stop); });
  while (!StopRequested() && !InterruptSignal()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    if (!watcher->Poll()) continue;
    if (!Build(options, inputs, state, ++build, err)) break;
    // smsdoc.yaml may name other folders or a theme now.
    if (inputs.watched != watcher->paths())
      watcher = std::make_unique<InputWatcher>(inputs.watched, std::vector{inputs.site});
  }
  stop = true;
  http.join();
  if (!options.quiet) err << "smsdoc serve: stopped\n";
  return kExitOk;
}

}  // namespace smsdoc
