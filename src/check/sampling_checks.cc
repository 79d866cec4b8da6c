#include "check/sampling_checks.h"

#include <algorithm>

#include "base/text.h"

namespace smsdoc {

void CheckSampling(const Graph& graph, Diagnostics& diags) {
  const Corpus& corpus = *graph.corpus;
  std::vector<std::string> people;
  for (const Record& r : corpus.records)
    if (r.kind->name == "person") people.push_back(r.id);
  for (const std::string& id : corpus.config.sample_people)
    if (std::find(people.begin(), people.end(), id) == people.end())
      diags.Error(kConfigFile, corpus.config.sample_people_pos,
                  "'sampling: people' names '" + id + "', which is no person record" +
                      DidYouMean(id, people),
                  "config-sampling");
}

}  // namespace smsdoc
