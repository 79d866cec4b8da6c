#include "write/site_writer.h"

#include <doctest/doctest.h>

#include <atomic>
#include <csignal>
#include <fstream>
#include <optional>

#include "adapters/sha256.h"
#include "base/environment_variables.h"
#include "base/interrupt.h"
#include "test_support.h"
#include "write/manifest.h"

namespace smsdoc {

namespace fs = std::filesystem;
using testing::ReadBytes;
using testing::TempDir;

namespace {

const BuildInfo kInfo{"2026-11-21", "", "0.1.0"};

}  // namespace

TEST_CASE("the site is written whole, then replaced whole") {
  TempDir tmp;
  fs::path out = tmp.path / "site";
  CHECK(WriteSite({{"index.html", "one", ""}, {"a/b.html", "b", ""}}, out, tmp.path, 2, kInfo) ==
        "");
  CHECK(ReadBytes(out / "index.html") == "one");
  CHECK(fs::exists(out / kOutputMarker));
  // The manifest covers every file written, the marker too.
  std::string manifest = ReadBytes(out / kManifestFile);
  CHECK(manifest.find("\n# as-of: 2026-11-21\n") != std::string::npos);
  CHECK(manifest.substr(manifest.find("\n" + Sha256Hex("b"))) ==
        "\n" + Sha256Hex("b") + "  a/b.html\n" + Sha256Hex("one") + "  index.html\n");
  CHECK(CheckOutputFolder(out, tmp.path / "sms", {}) == "");

  CHECK(WriteSite({{"index.html", "two", ""}}, out, tmp.path, 2, kInfo) == "");
  CHECK(ReadBytes(out / "index.html") == "two");
  CHECK_FALSE(fs::exists(out / "a/b.html"));
  // Nothing but the site is left beside it.
  int entries = 0;
  for (auto& e : fs::directory_iterator(tmp.path)) entries += e.path() != out;
  CHECK(entries == 0);
}

TEST_CASE("a trailing '/' on the output folder is the same folder") {
  TempDir tmp;
  CHECK(WriteSite({{"index.html", "x", ""}}, tmp.path / "out/", tmp.path, 1, kInfo) == "");
  CHECK(ReadBytes(tmp.path / "out" / "index.html") == "x");
}

TEST_CASE("no output path may leave the site") {
  TempDir tmp;
  CHECK_FALSE(
      WriteSite({{"../escape.html", "x", ""}}, tmp.path / "site", tmp.path, 1, kInfo).empty());
  CHECK_FALSE(fs::exists(tmp.path / "escape.html"));
  CHECK_FALSE(fs::exists(tmp.path / "site"));
}

TEST_CASE("a failed write leaves the previous site as it was") {
  TempDir tmp;
  fs::path out = tmp.path / "site";
  REQUIRE(WriteSite({{"index.html", "old", ""}}, out, tmp.path, 1, kInfo) == "");
  // Copying a file that does not exist fails mid-build.
  std::string error =
      WriteSite({{"index.html", "new", ""}, {"x.png", "", "missing.png"}}, out, tmp.path, 1, kInfo);
  CHECK_FALSE(error.empty());
  CHECK(ReadBytes(out / "index.html") == "old");
  int entries = 0;
  for (auto& e : fs::directory_iterator(tmp.path)) entries += e.path() != out;
  CHECK(entries == 0);
}

namespace {

// Fails every write after `ok` files as a full disk would, or instead
// raises `signal` once there, as a user pressing Ctrl-C.
struct FailingWriter : RealFileWriter {
  mutable std::atomic<int> ok;
  int signal = 0;
  explicit FailingWriter(int ok_files, int raise = 0) : ok(ok_files), signal(raise) {}
  std::string Write(const fs::path& path, std::string_view bytes) const override {
    int left = ok--;
    if (left > 0 || (signal && left < 0)) return RealFileWriter::Write(path, bytes);
    if (!signal) return "No space left on device";
    std::raise(signal);
    return RealFileWriter::Write(path, bytes);
  }
};

// Writes a previous site, then `files` through `writer`: the error it gives,
// after checking the previous site survived and nothing else is left.
std::string WriteOverPrevious(const FileWriter& writer, int jobs) {
  TempDir tmp;
  fs::path out = tmp.path / "site";
  REQUIRE(WriteSite({{"index.html", "old", ""}, {"a/b.html", "b", ""}}, out, tmp.path, 1, kInfo) ==
          "");
  OutputFiles files;
  for (int i = 0; i < 50; ++i) files.push_back({"p/" + std::to_string(i) + ".html", "new", ""});
  std::string error = WriteSite(files, out, tmp.path, jobs, kInfo, writer);
  CHECK(ReadBytes(out / "index.html") == "old");
  CHECK(ReadBytes(out / "a/b.html") == "b");
  CHECK_FALSE(fs::exists(out / "p"));
  int entries = 0;
  for (auto& e : fs::directory_iterator(tmp.path)) entries += e.path() != out;
  CHECK(entries == 0);
  return error;
}

}  // namespace

TEST_CASE("a full disk leaves the previous site and no temporary folder") {
  for (int jobs : {1, 4}) {
    std::string error = WriteOverPrevious(FailingWriter(10), jobs);
    CHECK(error.find("No space left on device") != std::string::npos);
    CHECK(error.find(".smsdoc-new-") != std::string::npos);
  }
  // Even the very last write, the marker.
  CHECK(WriteOverPrevious(FailingWriter(50), 1) ==
        "cannot write the output marker: No space left on device");
}

TEST_CASE("SIGINT or SIGTERM while writing stops, cleans up, keeps the previous site") {
  for (int signal : {SIGINT, SIGTERM}) {
    // As in a terminal (a test runner may start us with SIGINT ignored).
    auto previous = std::signal(signal, SIG_DFL);
    CHECK(WriteOverPrevious(FailingWriter(10, signal), 2) ==
          std::string("interrupted by ") + SignalName(signal));
    CHECK(InterruptSignal() == signal);
    bool restored = std::signal(signal, previous) == SIG_DFL;
    CHECK(restored);
  }
}

TEST_CASE("a signal ignored on entry (nohup) stays ignored") {
  auto previous = std::signal(SIGTERM, SIG_IGN);
  TempDir tmp;
  CHECK(WriteSite({{"a.html", "a", ""}, {"b.html", "b", ""}}, tmp.path / "site", tmp.path, 1, kInfo,
                  FailingWriter(1, SIGTERM)) == "");
  CHECK(InterruptSignal() == 0);
  std::signal(SIGTERM, previous);
}

TEST_CASE("output folders that are not smsdoc's are refused") {
  TempDir tmp;
  fs::create_directories(tmp.path / "sms");
  CHECK_FALSE(CheckOutputFolder(tmp.path / "sms", tmp.path / "sms", {}).empty());
  CHECK_FALSE(CheckOutputFolder(tmp.path / "sms/", tmp.path / "sms", {}).empty());
  CHECK_FALSE(CheckOutputFolder(tmp.path, tmp.path / "sms", {}).empty());
  CHECK_FALSE(CheckOutputFolder("/", tmp.path / "sms", {}).empty());
  CHECK(CheckOutputFolder(tmp.path / "sms/policies/site", tmp.path / "sms", {"policies"})
            .find("overlaps the content folder 'policies'") != std::string::npos);
  CHECK(CheckOutputFolder(tmp.path / "no/such/site", tmp.path / "sms", {}).find("does not exist") !=
        std::string::npos);
  fs::create_directories(tmp.path / "docs");
  std::ofstream(tmp.path / "docs" / "thesis.txt") << "precious";
  CHECK(CheckOutputFolder(tmp.path / "docs", tmp.path / "sms", {}).find("not written by smsdoc") !=
        std::string::npos);
  CHECK(CheckOutputFolder(tmp.path / "new-site/", tmp.path / "sms", {}) == "");
  // The home folder, even when empty.
  fs::create_directories(tmp.path / "home");
  const char* home = std::getenv("HOME");
  std::optional<std::string> saved;
  if (home) saved = home;
  SetEnvironmentVariable("HOME", (tmp.path / "home").string());
  CHECK(CheckOutputFolder(tmp.path / "home/", tmp.path / "sms", {}).find("the home folder") !=
        std::string::npos);
  CHECK(CheckOutputFolder(tmp.path / "home/site", tmp.path / "sms", {}) == "");
  SetEnvironmentVariable("HOME", saved);
}

}  // namespace smsdoc
