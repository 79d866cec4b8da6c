#include "base/process.h"

#include <signal.h>
#include <unistd.h>

#include <cerrno>

namespace smsdoc {

long ThisProcessId() { return static_cast<long>(::getpid()); }

bool ProcessExists(long id) {
  // Signal 0 only asks; EPERM: the process exists, as another user's.
  return ::kill(static_cast<pid_t>(id), 0) == 0 || errno == EPERM;
}

std::filesystem::path ThisExecutable() {
  std::error_code ec;
  std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path() : self;
}

}  // namespace smsdoc
