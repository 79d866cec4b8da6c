#include "base/parallel.h"

#include <doctest/doctest.h>

#include <stdexcept>

namespace smsdoc {

TEST_CASE("ParallelFor visits every index once") {
  std::vector<int> seen(1000, 0);
  ParallelFor(seen.size(), 4, [&](size_t i) { seen[i]++; });
  for (int s : seen) CHECK(s == 1);
}

TEST_CASE("an exception in a worker reaches the caller") {
  CHECK_THROWS_AS(ParallelFor(100, 3,
                              [](size_t i) {
                                if (i == 42) throw std::runtime_error("boom");
                              }),
                  std::runtime_error);
}

}  // namespace smsdoc
