#include "base/worker_processes.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <thread>

namespace smsdoc {

namespace {

bool WriteAll(int fd, const char* data, size_t size) {
  while (size > 0) {
    ssize_t n = write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<size_t>(n);
  }
  return true;
}

std::string ReadAll(int fd) {
  std::string bytes;
  char buffer[1 << 16];
  for (;;) {
    ssize_t n = read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return bytes;
    bytes.append(buffer, static_cast<size_t>(n));
  }
}

// A worker sends each result as its 8-byte length, then its bytes.
bool SendResult(int fd, const std::string& result) {
  uint64_t size = result.size();
  return WriteAll(fd, reinterpret_cast<const char*>(&size), sizeof size) &&
         WriteAll(fd, result.data(), result.size());
}

// The results of [begin, end) from a worker's bytes; false if any is missing.
bool TakeResults(const std::string& bytes, size_t begin, size_t end,
                 std::vector<std::string>& results) {
  size_t at = 0;
  for (size_t i = begin; i < end; ++i) {
    uint64_t size = 0;
    if (bytes.size() - at < sizeof size) return false;
    std::memcpy(&size, bytes.data() + at, sizeof size);
    at += sizeof size;
    if (bytes.size() - at < size) return false;
    results[i].assign(bytes, at, size);
    at += size;
  }
  return at == bytes.size();
}

[[noreturn]] void RunWorker(int fd, size_t begin, size_t end,
                            const std::function<std::string(size_t)>& fn) {
  // A parent gone away ends the worker; no destructor or atexit handler of
  // the parent's state runs here.
  signal(SIGPIPE, SIG_DFL);
  bool ok = true;
  try {
    for (size_t i = begin; i < end && ok; ++i) ok = SendResult(fd, fn(i));
  } catch (...) {
    ok = false;
  }
  _exit(ok ? 0 : 1);
}

// Bounds of `shares` contiguous ranges of about equal total cost.
std::vector<size_t> ShareBounds(const std::vector<size_t>& cost, size_t n, size_t shares) {
  size_t total = 0;
  for (size_t i = 0; i < n; ++i) total += i < cost.size() ? cost[i] : 1;
  std::vector<size_t> bounds = {0};
  size_t sum = 0;
  for (size_t i = 0; i < n && bounds.size() < shares; ++i) {
    sum += i < cost.size() ? cost[i] : 1;
    if (sum * shares >= total * bounds.size()) bounds.push_back(i + 1);
  }
  while (bounds.size() <= shares) bounds.push_back(n);
  return bounds;
}

struct Worker {
  size_t begin = 0, end = 0;
  pid_t pid = -1;
  int fd = -1;
  std::string bytes;
};

}  // namespace

std::vector<std::string> MapInProcesses(size_t n, int jobs, const std::vector<size_t>& cost,
                                        const std::function<std::string(size_t)>& fn) {
  std::vector<std::string> results(n);
  size_t shares = std::min<size_t>(std::max(jobs, 1), n);
  std::vector<size_t> bounds = ShareBounds(cost, n, std::max<size_t>(shares, 1));

  // Share 0 is this process's; the others are forked now, before any
  // reader thread exists.
  std::vector<Worker> workers;
  for (size_t s = 1; s < shares; ++s) {
    Worker w{bounds[s], bounds[s + 1]};
    int fds[2];
    if (w.begin < w.end && pipe2(fds, O_CLOEXEC) == 0) {
      w.pid = fork();
      if (w.pid == 0) {
        close(fds[0]);
        RunWorker(fds[1], w.begin, w.end, fn);
      }
      close(fds[1]);
      if (w.pid > 0) {
        w.fd = fds[0];
      } else {
        close(fds[0]);
      }
    }
    workers.push_back(std::move(w));
  }
  std::vector<std::thread> readers;
  for (auto& w : workers)
    if (w.fd >= 0) readers.emplace_back([&w] { w.bytes = ReadAll(w.fd); });

  for (size_t i = bounds[0]; i < bounds[1]; ++i) results[i] = fn(i);

  for (auto& reader : readers) reader.join();
  for (auto& w : workers) {
    bool ok = false;
    if (w.pid > 0) {
      close(w.fd);
      int status = 0;
      while (waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
      }
      ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
           TakeResults(w.bytes, w.begin, w.end, results);
      std::string().swap(w.bytes);
    }
    if (!ok)
      for (size_t i = w.begin; i < w.end; ++i) results[i] = fn(i);
  }
  return results;
}

}  // namespace smsdoc
