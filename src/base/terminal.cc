#include "base/terminal.h"

#include <unistd.h>

namespace smsdoc {

bool IsTerminal(StandardStream stream) {
  int fd = stream == StandardStream::kInput    ? STDIN_FILENO
           : stream == StandardStream::kOutput ? STDOUT_FILENO
                                               : STDERR_FILENO;
  return isatty(fd) == 1;
}

}  // namespace smsdoc
