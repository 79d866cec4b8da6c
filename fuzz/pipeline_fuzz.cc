// Fuzzes the whole load-link-check pipeline over an in-memory SMS. The
// input is cut at lines "%%%" into smsdoc.yaml, a policy, a process and a
// records file (missing parts are missing files); make_seeds.sh builds
// seeds in that form.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "base/disk.h"
#include "check/checks.h"
#include "check/readiness.h"
#include "link/graph.h"
#include "load/loader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace smsdoc;
  static const char* const kFiles[] = {"smsdoc.yaml", "policies/policy.md",
                                       "processes/process.md", "records/records.yaml"};
  constexpr std::string_view kSeparator = "\n%%%\n";
  std::string_view rest(reinterpret_cast<const char*>(data), size);
  MemoryDisk disk;
  for (const char* file : kFiles) {
    size_t cut = rest.find(kSeparator);
    disk.Add(file, std::string(rest.substr(0, cut)));
    if (cut == std::string_view::npos) break;
    rest.remove_prefix(cut + kSeparator.size());
  }
  // The stages as `smsdoc check` runs them (src/cli/commands.cc).
  Diagnostics diags;
  Corpus corpus = LoadCorpus(disk, 1, diags);
  Graph graph = LinkCorpus(corpus, diags);
  CheckGraph(graph, diags);
  if (!diags.HasErrors()) CheckReadiness(graph, "2026-11-21", false, diags);
  return 0;
}
