#pragma once
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace smsdoc {

/// Computes fn(i) for i in [0, n) on `jobs` processes: this one and jobs-1
/// forked workers, each taking a contiguous share of about equal total
/// `cost` (one entry per item). For work a library cannot do on two threads
/// at once (cmark-gfm's extension table is process-global). Results come
/// back by index, so they do not depend on which process made them; a
/// worker that cannot be forked or dies has its share computed here
/// instead. Call it when no other thread of this process holds a lock fn
/// needs (a forked worker has only the calling thread). fn must not write
/// to shared files: a worker's only way out is its result.
std::vector<std::string> MapInProcesses(size_t n, int jobs, const std::vector<size_t>& cost,
                                        const std::function<std::string(size_t)>& fn);

}  // namespace smsdoc
