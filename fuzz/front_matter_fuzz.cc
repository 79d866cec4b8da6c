// Fuzzes front-matter splitting and YAML loading: the input is read both
// as a Markdown file (front matter, then the document loader) and as a
// records file, the two ways user YAML enters smsdoc.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "adapters/yaml.h"
#include "load/config_loader.h"
#include "load/document_loader.h"
#include "load/front_matter.h"
#include "load/kinds_loader.h"
#include "load/record_loader.h"

namespace smsdoc {
namespace {

const Config& FuzzConfig() {
  static const Config config = [] {
    Diagnostics d;
    return ParseConfig(ParseYaml("organization: Fuzz\nscope: All.\n"
                                 "roles: {sms-manager: {title: SMS Manager}}\n",
                                 "smsdoc.yaml", 1, d),
                       d);
  }();
  return config;
}

}  // namespace
}  // namespace smsdoc

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smsdoc;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  Diagnostics diags;
  FrontMatter fm = SplitFrontMatter(text, "policies/f.md", diags);
  if (fm.ok) ParseYaml(fm.yaml, "policies/f.md", fm.yaml_first_line, diags);
  LoadDocument("processes/f.md", text, true, FuzzConfig(), diags);
  bool complete = true;
  LoadRecords("records/f.yaml", text, FuzzConfig(), BuiltinKinds(), diags, complete);
  return 0;
}
