#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// How many records to sample from a population of `size` (docs/sampling.md).
size_t SampleSize(size_t size);

/// The next number of the splitmix64 sequence at `state` (which it
/// advances): documented, so an auditor can repeat a draw.
uint64_t NextRandom(uint64_t& state);

/// The Stage 2 populations of the SMS's records (changes, emergency and
/// failed changes, incidents by priority, major incidents, problems,
/// trainings of the people to interview, corrective actions, supplier
/// reviews), those whose kind and filter field exist, each with a sample
/// drawn with `seed`: the same seed, the same samples.
std::vector<Population> DrawSamples(const Graph& graph, uint64_t seed);

}  // namespace smsdoc
