#pragma once
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace smsdoc {

/// Runs fn(i) for i in [0, n) on up to `jobs` threads. Work is taken one
/// index at a time, so uneven items balance; callers write results by index,
/// which keeps output independent of scheduling. The first exception a
/// worker throws is rethrown here, after every thread has stopped.
template <typename Fn>
void ParallelFor(size_t n, int jobs, Fn&& fn) {
  size_t threads = std::min<size_t>(std::max(jobs, 1), n);
  if (threads <= 1) {
    for (size_t i = 0; i < n; ++i) fn(i);
    return;
  }
  std::atomic<size_t> next{0};
  std::exception_ptr failure;
  std::mutex failure_mutex;
  std::vector<std::thread> pool;
  for (size_t t = 0; t < threads; ++t) {
    pool.emplace_back([&] {
      try {
        for (size_t i; (i = next.fetch_add(1)) < n;) fn(i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (!failure) failure = std::current_exception();
        next = n;  // the others stop taking work
      }
    });
  }
  for (auto& th : pool) th.join();
  if (failure) std::rethrow_exception(failure);
}

/// The default worker count: the machine's cores.
inline int DefaultJobs() {
  unsigned n = std::thread::hardware_concurrency();
  return n == 0 ? 1 : static_cast<int>(n);
}

}  // namespace smsdoc
