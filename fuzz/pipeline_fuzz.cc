// Fuzzes the whole load-link-analyse-check pipeline over an in-memory SMS. The
// input is cut at lines "%%%" into smsdoc.yaml, a policy, a process and a
// records file (missing parts are missing files); make_seeds.sh builds
// seeds in that form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/disk.h"
#include "pipeline/pipeline.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smsdoc;
  static const char* const kFiles[] = {"smsdoc.yaml", "policies/policy.md", "processes/process.md",
                                       "records/records.yaml"};
  constexpr std::string_view kSeparator = "\n%%%\n";
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  MemoryDisk disk;
  for (const char* file : kFiles) {
    size_t cut = rest.find(kSeparator);
    disk.Add(file, std::string(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + kSeparator.size());
  }
  // The pipeline every command runs (src/pipeline/pipeline.h).
  Diagnostics diags;
  Model model;
  RunPipeline({.disk = &disk, .why_not = "not in git"}, {.as_of = "2026-11-21"}, model, diags);
  return 0;
}
