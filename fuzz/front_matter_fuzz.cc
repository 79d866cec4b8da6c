// Fuzzes front-matter splitting and YAML loading: the input is loaded both
// as a process definition (front matter, fields, body) and as a records
// file, the two ways user YAML enters smsdoc.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/yaml.h"
#include "load/config_loader.h"
#include "load/document_loader.h"
#include "load/kinds_loader.h"
#include "load/record_loader.h"

namespace {

const smsdoc::Config& FuzzConfig() {
  static const smsdoc::Config config = [] {
    smsdoc::Diagnostics d;
    return ParseConfig(ParseYaml("organization: Fuzz\nscope: All.\n"
                                 "roles: {sms-manager: {title: SMS Manager}}\n",
                                 "smsdoc.yaml", 1, d),
                       d);
  }();
  return config;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smsdoc;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  LoadDocument("processes/f.md", text, true, FuzzConfig(), diags);
  bool complete = true;
  LoadRecords("records/f.yaml", text, FuzzConfig(), BuiltinKinds(), diags, complete);
  return 0;
}
