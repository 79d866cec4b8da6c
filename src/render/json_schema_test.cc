#include "render/json_schema.h"

#include <doctest/doctest.h>

#include <map>

#include "load/config_loader.h"
#include "load/document_loader.h"
#include "load/kinds_loader.h"
#include "load/loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

std::map<std::string, std::string> Schemas(const std::string& config_extra = "") {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + config_extra);
  Diagnostics d;
  Corpus c = LoadCorpus(disk, 1, d);
  REQUIRE(!d.HasErrors());
  std::map<std::string, std::string> out;
  for (auto& f : JsonSchemas(c)) out[f.name] = f.bytes;
  return out;
}

// Whether `schema` names `key` as a property ("key": {...} or "key": false).
bool HasProperty(const std::string& schema, const std::string& key) {
  return schema.find("\"" + key + "\": {") != std::string::npos ||
         schema.find("\"" + key + "\": false") != std::string::npos;
}

}  // namespace

TEST_CASE("the schemas hold every field and key the loader knows") {
  auto s = Schemas(
      "kinds:\n  vendor:\n    statuses: [active]\n    fields: {contract_end: {type: date}}\n"
      "document_fields: {updated: {type: date}}\n");
  REQUIRE(s.size() == 4);
  for (const auto& key : DocumentFieldNames(false))
    CHECK(HasProperty(s["document.schema.json"], key));
  for (const auto& key : DocumentFieldNames(true))
    CHECK(HasProperty(s["process.schema.json"], key));
  CHECK(HasProperty(s["document.schema.json"], "updated"));
  CHECK(HasProperty(s["process.schema.json"], "updated"));
  const KindCatalogue& kinds = BuiltinKinds();
  for (const auto& kind : kinds.kinds) {
    CHECK(HasProperty(s["records.schema.json"], "kind-" + kind.name));
    for (const auto& f : kind.fields) CHECK(HasProperty(s["records.schema.json"], f.name));
  }
  CHECK(HasProperty(s["records.schema.json"], "kind-vendor"));
  CHECK(HasProperty(s["records.schema.json"], "contract_end"));
  for (const auto& key : ConfigKeys()) CHECK(HasProperty(s["smsdoc.schema.json"], key));
  for (const auto& key : FieldDefinitionKeys(false))
    CHECK(HasProperty(s["smsdoc.schema.json"], key));
  for (const auto& key : KindDefinitionKeys()) CHECK(HasProperty(s["smsdoc.schema.json"], key));
}

TEST_CASE("the schemas carry this SMS's roles and are deterministic") {
  auto a = Schemas(), b = Schemas();
  CHECK(a == b);
  CHECK(a["document.schema.json"].find("\"enum\": [\"sms-manager\", \"change-manager\"") !=
        std::string::npos);
  for (const auto& [name, bytes] : a) CHECK(bytes.rfind(kSchemaFileStart, 0) == 0);
  // unknown_fields decides whether other keys pass.
  CHECK(a["document.schema.json"].find("\"additionalProperties\": false") != std::string::npos);
  auto keep = Schemas("unknown_fields: keep\n");
  CHECK(keep["document.schema.json"].find("\"additionalProperties\": true") != std::string::npos);
}

}  // namespace smsdoc
