#include "base/tcp_connection.h"

#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

namespace smsdoc {

long Receive(TcpConnection connection, char* buffer, size_t size) {
  for (;;) {
    ssize_t n = recv(connection, buffer, size, 0);
    if (n < 0 && errno == EINTR) continue;
    return n < 0 ? -1 : static_cast<long>(n);
  }
}

bool SendAll(TcpConnection connection, std::string_view data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(connection, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

void ShutDown(TcpConnection connection) { shutdown(connection, SHUT_RDWR); }

void Close(TcpConnection connection) { close(connection); }

}  // namespace smsdoc
