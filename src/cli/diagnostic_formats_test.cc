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
  std::string sarif = DiagnosticsSarif(Sample(), "sms/");
  auto has = [&](const std::string& part) { return sarif.find(part) != std::string::npos; };
  CHECK(has("\"version\": \"2.1.0\""));
  CHECK(has("\"name\": \"smsdoc\""));
  CHECK(
      has("{\"id\": \"config-theme\", \"shortDescription\": {\"text\": \"the theme: folder "
          "does not exist\"}},\n"
          "            {\"id\": \"record-empty\", \"shortDescription\": {\"text\": \"a records "
          "file that holds nothing\"}},\n"
          "            {\"id\": \"role-unknown\", \"shortDescription\": {\"text\": \"a role that "
          "is not a key of roles:\"}}\n          ]"));
  CHECK(
      has("{\"ruleId\": \"role-unknown\", \"ruleIndex\": 2, \"level\": \"error\", \"message\": "
          "{\"text\": \"unknown role 'x\\\"y'\\tnow\"}, \"locations\": [{\"physicalLocation\": "
          "{\"artifactLocation\": {\"uri\": \"sms/policies/a%20b.md\", \"uriBaseId\": "
          "\"%SRCROOT%\"}, \"region\": {\"startLine\": 5, \"startColumn\": 8}}}]}"));
  CHECK(has("\"level\": \"warning\""));
  CHECK(has("{\"uri\": \"sms/smsdoc.yaml\", \"uriBaseId\": \"%SRCROOT%\"}}}]}"));  // no region

  std::string absolute = DiagnosticsSarif(Sample(), "file:///srv/sms/");
  CHECK(absolute.find("{\"uri\": \"file:///srv/sms/smsdoc.yaml\"}}}]}") != std::string::npos);
  CHECK(DiagnosticsSarif(Diagnostics(), "").find("\"rules\": []") != std::string::npos);
}

TEST_CASE("SARIF root URI: relative to the current folder when inside it") {
  CHECK(SarifRootUri(".", "/repo") == "");
  CHECK(SarifRootUri("sms", "/repo") == "sms/");
  CHECK(SarifRootUri("./sms/../my sms/", "/repo") == "my%20sms/");
  CHECK(SarifRootUri("/repo/sms", "/repo") == "sms/");
  CHECK(SarifRootUri("/repo", "/repo/") == "");
  CHECK(SarifRootUri("..", "/repo/sub") == "file:///repo/");
  CHECK(SarifRootUri("/srv/sms", "/repo") == "file:///srv/sms/");
}

TEST_CASE("every documented code has a description") {
  const auto& codes = DiagnosticCodeDescriptions();
  CHECK(codes.size() > 40);
  CHECK(codes.at("ref-unknown").find("[[ID]]") != std::string::npos);  // backticks dropped
  CHECK(codes.at("config-folder") ==
        "a content folder is not a sub-folder of the root, or two of them overlap");
  for (const auto& [code, text] : codes) {
    CHECK(!text.empty());
    CHECK(code.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789-") == std::string::npos);
  }
}

TEST_CASE("smsdoc knows its own logs by how they begin, and nothing else by it") {
  for (const Diagnostics& diags : {Sample(), Diagnostics()}) {
    for (const std::string& log : {DiagnosticsJson(diags), DiagnosticsSarif(diags, "sms/")}) {
      CHECK(IsDiagnosticsLogHead(log.substr(0, kDiagnosticsLogHeadSize)));
      CHECK(IsDiagnosticsLogHead(log));
    }
  }
  std::string sarif = DiagnosticsSarif(Sample(), "");
  std::string other = sarif;
  other.replace(other.find("\"smsdoc\""), 8, "\"linter\"");
  CHECK_FALSE(IsDiagnosticsLogHead(other));
  CHECK_FALSE(IsDiagnosticsLogHead(sarif.substr(0, 40)));  // cut short: not recognised
  CHECK_FALSE(IsDiagnosticsLogHead("{\"diagnostics\": []}"));
  CHECK_FALSE(IsDiagnosticsLogHead(""));
}

}  // namespace smsdoc
