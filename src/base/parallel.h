#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace smsdoc {

/// Runs fn(i) for i in [0, n) on up to `jobs` threads. Work is taken one
/// index at a time, so uneven items balance; callers write results by index,
/// which keeps output independent of scheduling.
template <typename Fn>
void ParallelFor(size_t n, int jobs, Fn&& fn) {
  size_t threads = std::min<size_t>(std::max(jobs, 1), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
    });
  }
  for (auto& th : pool) th.join();
}

/// The default worker count: the machine's cores.
inline int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace smsdoc
