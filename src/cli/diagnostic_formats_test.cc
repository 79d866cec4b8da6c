#include "cli/diagnostic_formats.h"

#include <doctest/doctest.h>

namespace smsdoc {

namespace {

Diagnostics Sample() {
  Diagnostics diags;
  diags.Error("policies/a b.md", {5, 8}, "unknown role 'x\"y'\tnow", "role-unknown");
  diags.Warning("records/r.yaml", {3, 0}, "file holds no records", "record-empty");
  diags.Error("smsdoc.yaml", {}, "theme folder 'Zürich' does not exist", "config-theme");
  return diags;
}

}  // namespace

TEST_CASE("JSON: every diagnostic with the text output's positions, then the counts") {
  CHECK(
      DiagnosticsJson(Sample()) ==
      "{\n"
      "  \"diagnostics\": [\n"
      "    {\"file\": \"policies/a b.md\", \"line\": 5, \"column\": 8, \"severity\": \"error\", "
      "\"code\": \"role-unknown\", \"message\": \"unknown role 'x\\\"y'\\tnow\"},\n"
      "    {\"file\": \"records/r.yaml\", \"line\": 3, \"column\": 1, \"severity\": \"warning\", "
      "\"code\": \"record-empty\", \"message\": \"file holds no records\"},\n"
      "    {\"file\": \"smsdoc.yaml\", \"line\": null, \"column\": null, \"severity\": \"error\", "
      "\"code\": \"config-theme\", \"message\": \"theme folder 'Zürich' does not exist\"}\n"
      "  ],\n"
      "  \"errors\": 2,\n"
      "  \"warnings\": 1,\n"
      "  \"ignored\": 0\n"
      "}\n");
  CHECK(DiagnosticsJson(Diagnostics()) ==
        "{\n  \"diagnostics\": [],\n  \"errors\": 0,\n  \"warnings\": 0,\n  \"ignored\": 0\n}\n");
}

TEST_CASE("SARIF: one rule per code used, results with locations") {
  SourceColumns bytes;
  std::string sarif = DiagnosticsSarif(Sample(), "sms/", bytes);
  auto has = [&](const std::string& part) { return sarif.find(part) != std::string::npos; };
  CHECK(has("\"version\": \"2.1.0\""));
  CHECK(has("\"name\": \"smsdoc\""));
  // One rule per code, sorted, each described and helped from docs/diagnostics.md.
  CHECK(
      has("{\"id\": \"config-theme\", \"shortDescription\": {\"text\": \"the theme: folder "
          "does not exist\"}, \"fullDescription\": {\"text\": \"the theme: folder does not "
          "exist\"}, \"help\": {\"text\": \"the theme: folder does not exist. The codes, what "
          "each means and what to do: docs/diagnostics.md\", \"markdown\": \"`config-theme`: "
          "the theme: folder does not exist.\\n\\nThe codes, what each means and what to do: "
          "[docs/diagnostics.md](docs/diagnostics.md)\"}},\n"
          "            {\"id\": \"record-empty\""));
  CHECK(sarif.find("helpUri") == std::string::npos);  // no docs URL given
  CHECK(has("\"columnKind\": \"utf16CodeUnits\""));
  CHECK(has("\"semanticVersion\": \"" SMSDOC_VERSION "\""));
  CHECK(
      has("{\"ruleId\": \"role-unknown\", \"ruleIndex\": 2, \"level\": \"error\", \"message\": "
          "{\"text\": \"unknown role 'x\\\"y'\\tnow\"}, \"locations\": [{\"physicalLocation\": "
          "{\"artifactLocation\": {\"uri\": \"sms/policies/a%20b.md\", \"uriBaseId\": "
          "\"%SRCROOT%\"}, \"region\": {\"startLine\": 5, \"startColumn\": 8}}}], "
          "\"partialFingerprints\": {\"smsdoc/v1\": \"" +
          DiagnosticFingerprints(Sample())[0] + "\"}}"));
  CHECK(has("\"level\": \"warning\""));
  CHECK(has("{\"uri\": \"sms/smsdoc.yaml\", \"uriBaseId\": \"%SRCROOT%\"}}}], "));  // no region

  std::string absolute = DiagnosticsSarif(Sample(), "file:///srv/sms/", bytes);
  CHECK(absolute.find("{\"uri\": \"file:///srv/sms/smsdoc.yaml\"}}}], ") != std::string::npos);
  CHECK(DiagnosticsSarif(Sample(), "", bytes, "https://smsdoc.example/docs/")
            .find("\"helpUri\": \"https://smsdoc.example/docs/diagnostics.md\"") !=
        std::string::npos);
  CHECK(DiagnosticsSarif(Diagnostics(), "", bytes).find("\"rules\": []") != std::string::npos);
}

TEST_CASE("columns in UTF-16 code units from the file's line; bytes when unread") {
  Diagnostics diags;
  // "Änderung €" then the problem: Ä and € are 2 and 3 bytes, 1 unit each.
  diags.Error("p.md", {2, 15}, "m", "role-unknown");
  diags.Error("p.md", {1, 3}, "m", "role-unknown");
  diags.Error("gone.md", {1, 9}, "m", "role-unknown");
  SourceColumns columns([](const std::string& path) -> std::optional<std::string> {
    if (path != "p.md") return std::nullopt;
    return "ab\n\xC3\x84nderung \xE2\x82\xAC x\n";
  });
  CHECK(columns.Utf16(diags.items()[0]) == 12);
  CHECK(columns.Utf16(diags.items()[1]) == 3);
  CHECK(columns.Utf16(diags.items()[2]) == 9);
}

TEST_CASE("fingerprints: stable, independent of the line, distinct for repeats") {
  Diagnostics a, b;
  a.Error("p.md", {3, 1}, "same", "role-unknown");
  a.Error("p.md", {9, 1}, "same", "role-unknown");
  b.Error("p.md", {4, 2}, "same", "role-unknown");  // a line added above
  auto fa = DiagnosticFingerprints(a), fb = DiagnosticFingerprints(b);
  CHECK(fa[0] == fb[0]);
  CHECK(fa[0] != fa[1]);
  CHECK(fa[0].size() == 64);
}

TEST_CASE("GitHub workflow commands and the GitLab Code Quality report") {
  SourceColumns bytes;
  CHECK(DiagnosticsGithub(Sample(), "sms/", bytes) ==
        "::error file=sms/policies/a b.md,line=5,col=8,title=smsdoc role-unknown::unknown role "
        "'x\"y'\tnow [role-unknown]\n"
        "::warning file=sms/records/r.yaml,line=3,col=1,title=smsdoc record-empty::file holds no "
        "records [record-empty]\n"
        "::error file=sms/smsdoc.yaml,title=smsdoc config-theme::theme folder 'Zürich' does not "
        "exist [config-theme]\n");
  Diagnostics odd;
  odd.Error("a,b:c%.md", {1, 1}, "two\nlines 100%", "role-unknown");
  CHECK(DiagnosticsGithub(odd, "", bytes) ==
        "::error file=a%2Cb%3Ac%25.md,line=1,col=1,title=smsdoc role-unknown::two%0Alines 100%25 "
        "[role-unknown]\n");
  auto fp = DiagnosticFingerprints(Sample());
  CHECK(DiagnosticsGitlab(Sample(), "") ==
        "[\n  {\"description\": \"unknown role 'x\\\"y'\\tnow\", \"check_name\": \"role-unknown\", "
        "\"fingerprint\": \"" +
            fp[0] +
            "\", \"severity\": \"major\", \"location\": {\"path\": \"policies/a b.md\", \"lines\": "
            "{\"begin\": 5}}},\n  {\"description\": \"file holds no records\", \"check_name\": "
            "\"record-empty\", \"fingerprint\": \"" +
            fp[1] +
            "\", \"severity\": \"minor\", \"location\": {\"path\": \"records/r.yaml\", \"lines\": "
            "{\"begin\": 3}}},\n  {\"description\": \"theme folder 'Zürich' does not exist\", "
            "\"check_name\": \"config-theme\", \"fingerprint\": \"" +
            fp[2] +
            "\", \"severity\": \"major\", \"location\": {\"path\": \"smsdoc.yaml\", \"lines\": "
            "{\"begin\": 1}}}\n]\n");
  CHECK(DiagnosticsGitlab(Diagnostics(), "") == "[]\n");
}

TEST_CASE("SARIF root URI: relative to the current folder when inside it") {
  CHECK(SarifRootUri(".", "/repo") == "");
  CHECK(SarifRootUri("sms", "/repo") == "sms/");
  CHECK(SarifRootUri("./sms/../my sms/", "/repo") == "my%20sms/");
  CHECK(SarifRootUri("/repo/sms", "/repo") == "sms/");
  CHECK(SarifRootUri("/repo", "/repo/") == "");
  CHECK(SarifRootUri("..", "/repo/sub") == "file:///repo/");
  CHECK(SarifRootUri("/srv/sms", "/repo") == "file:///srv/sms/");
  CHECK(RootPrefix("./sms/../my sms/", "/repo") == "my sms/");
  CHECK(RootPrefix("/srv/sms", "/repo") == "/srv/sms/");
}

TEST_CASE("every documented code has a description") {
  const auto& codes = DiagnosticCodeDescriptions();
  CHECK(codes.size() > 40);
  CHECK(codes.at("ref-unknown").find("[[ID]]") != std::string::npos);  // backticks dropped
  CHECK(codes.at("config-folder") ==
        "a content folder is not a sub-folder of the root, two of them overlap (or one is listed "
        "twice), or a list of folders is empty");
  for (const auto& [code, text] : codes) {
    CHECK(!text.empty());
    CHECK(code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
  }
}

TEST_CASE("smsdoc knows its own logs by how they begin, and nothing else by it") {
  SourceColumns bytes;
  for (const Diagnostics& diags : {Sample(), Diagnostics()}) {
    for (const std::string& log :
         {DiagnosticsJson(diags), DiagnosticsSarif(diags, "sms/", bytes)}) {
      CHECK(IsDiagnosticsLogHead(log.substr(0, kDiagnosticsLogHeadSize)));
      CHECK(IsDiagnosticsLogHead(log));
    }
  }
  std::string sarif = DiagnosticsSarif(Sample(), "", bytes);
  std::string other = sarif;
  other.replace(other.find("\"smsdoc\""), 8, "\"linter\"");
  CHECK_FALSE(IsDiagnosticsLogHead(other));
  CHECK_FALSE(IsDiagnosticsLogHead(sarif.substr(0, 40)));  // cut short: not recognised
  CHECK_FALSE(IsDiagnosticsLogHead("{\"diagnostics\": []}"));
  CHECK_FALSE(IsDiagnosticsLogHead(""));
}

}  // namespace smsdoc
