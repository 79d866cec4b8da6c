#include "base/tcp_listener.h"

#include <arpa/inet.h>
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace smsdoc {

namespace {

// A client of the listener, as a browser would be.
int Connect(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  return fd;
}

}  // namespace

TEST_CASE("a listener on a free port accepts, receives, sends; a taken port is said so") {
  TcpListener listener;
  bool in_use = true;
  REQUIRE(listener.Listen(0, in_use) == "");
  CHECK_FALSE(in_use);
  CHECK(listener.port() > 0);
  CHECK(listener.Accept(10, 1) == -1);  // nobody came

  int client = Connect(listener.port());
  TcpConnection c = listener.Accept(2000, 1);
  REQUIRE(c >= 0);
  CHECK(write(client, "ping", 4) == 4);
  char buf[8] = {};
  CHECK(Receive(c, buf, sizeof buf) == 4);
  CHECK(std::string(buf, 4) == "ping");
  CHECK(SendAll(c, "pong"));
  CHECK(read(client, buf, sizeof buf) == 4);
  CHECK(Receive(c, buf, sizeof buf) == -1);  // silent past the 1 s timeout
  ShutDown(c);
  CHECK(read(client, buf, sizeof buf) == 0);  // the client sees the end
  Close(c);
  close(client);

  TcpListener second;
  std::string why = second.Listen(listener.port(), in_use);
  CHECK(why.find("cannot listen on 127.0.0.1:" + std::to_string(listener.port())) == 0);
  CHECK(in_use);
}

}  // namespace smsdoc
