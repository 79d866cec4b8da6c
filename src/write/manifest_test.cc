#include "write/manifest.h"

#include <doctest/doctest.h>

#include <fstream>

#include "adapters/sha256.h"
#include "base/text.h"
#include "test_support.h"

namespace smsdoc {

namespace fs = std::filesystem;
using testing::TempDir;

namespace {

const BuildInfo kInfo{"2026-11-21", "main@1a2b3c4d5e6f", "0.1.0"};
const std::string kHeader =
    "# smsdoc evidence manifest: the SHA-256 of every file in this folder but this one "
    "and .smsdoc-cache\n"
    "# smsdoc-version: 0.1.0\n"
    "# as-of: 2026-11-21\n"
    "# source-revision: main@1a2b3c4d5e6f\n"
    "# check with: smsdoc verify FOLDER, or sha256sum -c MANIFEST.sha256 in the folder\n";
const std::string kAbc = Sha256Hex("abc");
const std::string kEmpty = Sha256Hex("");

std::string Messages(const Diagnostics& diags) {
  std::string out;
  for (const auto& d : diags.items()) out += FormatDiagnostic(d) + "\n";
  return out;
}

}  // namespace

TEST_CASE("the manifest is a header and sha256sum lines sorted by path") {
  CHECK(FormatManifest(kInfo, {{"index.html", kAbc}, {"assets/style.css", kEmpty}}) ==
        kHeader + kEmpty + "  assets/style.css\n" + kAbc + "  index.html\n");
  // Outside git the header says so; odd names are escaped as sha256sum does.
  std::string text = FormatManifest({"2026-11-21", "", "0.1.0"}, {{"a\\b\nc", kAbc}});
  CHECK(text.find("# source-revision: none (not in git)\n") != std::string::npos);
  CHECK(EndsWith(text, "\n\\" + kAbc + "  a\\\\b\\nc\n"));
}

TEST_CASE("a manifest reads back as written") {
  Diagnostics diags;
  Manifest m = ParseManifest(
      FormatManifest(kInfo, {{"b c.html", kAbc}, {"a\\b\nc", kEmpty}, {".smsdoc-output", kAbc}}),
      "MANIFEST.sha256", diags);
  CHECK(Messages(diags) == "");
  REQUIRE(m.files.size() == 3);
  CHECK(m.files[0].path == ".smsdoc-output");
  CHECK(m.files[1].path == "a\\b\nc");
  CHECK(m.files[1].sha256 == kEmpty);
  CHECK(m.files[2].path == "b c.html");
  CHECK(m.Header("as-of") == "2026-11-21");
  CHECK(m.Header("smsdoc-version") == "0.1.0");
  CHECK(m.Header("source-revision") == "main@1a2b3c4d5e6f");
  CHECK(m.Header("missing") == "");
}

TEST_CASE("malformed manifest lines are errors at their line") {
  Diagnostics diags;
  std::string upper = kAbc;
  for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  Manifest m = ParseManifest("# header\n" + upper + " *bin.dat\nnot a line\n" + kAbc + "  x\n" +
                                 kAbc + "  x\n\\" + kAbc + "  bad\\q\n",
                             "site/MANIFEST.sha256", diags);
  CHECK(Messages(diags) ==
        "site/MANIFEST.sha256:3:1: error: expected a line 'SHA256  PATH' (64 hex digits, two "
        "spaces, a path) [manifest-syntax]\n"
        "site/MANIFEST.sha256:5:1: error: 'x' is listed twice [manifest-syntax]\n"
        "site/MANIFEST.sha256:6:1: error: invalid escape in the path [manifest-syntax]\n");
  REQUIRE(m.files.size() == 2);
  CHECK(m.files[0].path == "bin.dat");
  CHECK(m.files[0].sha256 == kAbc);  // upper case and binary mode are accepted
}

TEST_CASE("every file of a folder but the manifest is hashed, hidden ones too") {
  TempDir tmp;
  fs::create_directories(tmp.path / "sub" / "empty");
  std::ofstream(tmp.path / "sub" / "a.html") << "abc";
  std::ofstream(tmp.path / ".smsdoc-output") << "";
  std::ofstream(tmp.path / kManifestFile) << "old";
  std::vector<FileHash> files;
  REQUIRE(HashFolder(tmp.path, 2, files) == "");
  REQUIRE(files.size() == 2);
  CHECK(files[0].path == ".smsdoc-output");
  CHECK(files[0].sha256 == kEmpty);
  CHECK(files[1].path == "sub/a.html");
  CHECK(files[1].sha256 == kAbc);

  std::string text;
  REQUIRE(FormatManifestOf(tmp.path, kInfo, 2, text) == "");
  CHECK(text == kHeader + kEmpty + "  .smsdoc-output\n" + kAbc + "  sub/a.html\n");
}

TEST_CASE("comparing with the manifest names altered, missing and extra files") {
  Manifest m;
  m.files = {{"same.html", kAbc}, {"changed.html", kAbc}, {"gone.html", kAbc}};
  Diagnostics diags;
  CompareWithManifest(
      m, {{"same.html", kAbc}, {"changed.html", kEmpty}, {"new.html", kAbc}, {"same.html", kAbc}},
      diags);
  diags.Sort();
  CHECK(Messages(diags) ==
        "changed.html: error: altered: its SHA-256 is not the one in MANIFEST.sha256 "
        "[verify-altered]\n"
        "gone.html: error: missing: listed in MANIFEST.sha256 but not found [verify-missing]\n"
        "new.html: error: extra: not listed in MANIFEST.sha256 [verify-extra]\n"
        "same.html: error: extra: not listed in MANIFEST.sha256 [verify-extra]\n");
  Diagnostics clean;
  CompareWithManifest(m, m.files, clean);
  CHECK(clean.items().empty());
}

}  // namespace smsdoc
