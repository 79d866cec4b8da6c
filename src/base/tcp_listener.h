#pragma once
#include <string>

#include "base/tcp_connection.h"

namespace smsdoc {

/// A TCP socket listening on 127.0.0.1 only: no other machine can connect.
class TcpListener {
 public:
  TcpListener() = default;
  ~TcpListener();
  TcpListener(const TcpListener&) = delete;
  TcpListener& operator=(const TcpListener&) = delete;

  /// Listens on 127.0.0.1:`port` (0: a free port); "" or why not, with
  /// `in_use` set when the port is another program's.
  std::string Listen(int port, bool& in_use);
  /// The port bound, once listening.
  int port() const { return port_; }
  /// The next connection, waiting at most `wait_ms`; -1 when none came in
  /// time (or a signal came first). Its receives and sends give up after
  /// `io_timeout_seconds`, so a silent or stalled client fails alone.
  TcpConnection Accept(int wait_ms, int io_timeout_seconds);

 private:
  int fd_ = -1;
  int port_ = 0;
};

}  // namespace smsdoc
