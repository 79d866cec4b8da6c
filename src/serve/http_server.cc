#include "serve/http_server.h"

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>

namespace smsdoc {

namespace {

constexpr size_t kMaxHeader = 16 * 1024;
constexpr int kClientTimeoutSeconds = 5;
constexpr size_t kMaxClients = 64;

const char* Reason(int status) {
  switch (status) {
    case 200: return "OK";
    case 301: return "Moved Permanently";
    case 400: return "Bad Request";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 431: return "Request Header Fields Too Large";
    default: return "Internal Server Error";
  }
}

// Reads up to the blank line that ends the request's head; "" when the
// client sent none in time, closed, or sent too much.
std::string ReadHead(int client, bool& too_large) {
  std::string head;
  char buf[4096];
  while (head.find("\r\n\r\n") == std::string::npos) {
    if (head.size() > kMaxHeader) {
      too_large = true;
      return "";
    }
    ssize_t n = recv(client, buf, sizeof buf, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return "";
    head.append(buf, static_cast<size_t>(n));
  }
  return head;
}

// Sends all of `data`, across partial writes; false when the client went.
bool SendAll(int client, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(client, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

std::string Head(const HttpResponse& r) {
  std::string head = "HTTP/1.1 " + std::to_string(r.status) + " " + Reason(r.status) +
                     "\r\nContent-Type: " + r.content_type +
                     "\r\nContent-Length: " + std::to_string(r.body.size()) +
                     "\r\nCache-Control: no-store\r\nConnection: close\r\n";
  for (const auto& [name, value] : r.headers) head += name + ": " + value + "\r\n";
  return head + "\r\n";
}

// Reads one request and sends its response.
void Answer(int client, const std::function<HttpResponse(const HttpRequest&)>& handle) {
  bool too_large = false;
  std::string head = ReadHead(client, too_large);
  HttpResponse response;
  HttpRequest request;
  size_t line_end = head.find("\r\n");
  std::string line = head.substr(0, line_end == std::string::npos ? 0 : line_end);
  size_t sp1 = line.find(' ');
  size_t sp2 = sp1 == std::string::npos ? std::string::npos : line.find(' ', sp1 + 1);
  if (too_large) {
    response = {431, "text/plain; charset=utf-8", "request header too large\n", {}};
  } else if (head.empty()) {
    return;  // gone, or silent: nothing to answer
  } else if (sp2 == std::string::npos || line.compare(sp2 + 1, 5, "HTTP/") != 0) {
    response = {400, "text/plain; charset=utf-8", "bad request\n", {}};
  } else {
    request.method = line.substr(0, sp1);
    request.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    if (request.method != "GET" && request.method != "HEAD")
      response = {
          405, "text/plain; charset=utf-8", "GET and HEAD only\n", {{"Allow", "GET, HEAD"}}};
    else
      response = handle(request);
  }
  std::string out = Head(response);
  if (request.method != "HEAD") out += response.body;
  SendAll(client, out);
}

}  // namespace

HttpServer::~HttpServer() {
  if (fd_ >= 0) close(fd_);
}

std::string HttpServer::Listen(int port) {
  fd_ = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd_ < 0) return std::string("cannot open a socket: ") + std::strerror(errno);
  int yes = 1;
  setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  if (bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0)
    return "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " + std::strerror(errno) +
           (errno == EADDRINUSE ? " (choose another with --port, or --port 0 for a free one)" : "");
  if (listen(fd_, 16) != 0) return std::string("cannot listen: ") + std::strerror(errno);
  socklen_t len = sizeof addr;
  getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len);
  port_ = ntohs(addr.sin_port);
  return "";
}

void HttpServer::Serve(const std::function<HttpResponse(const HttpRequest&)>& handle,
                       const std::atomic<bool>& stop) {
  while (!stop) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 200) <= 0) continue;  // a timeout, or a signal: look at stop
    int client = accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (client < 0) continue;
    timeval timeout{kClientTimeoutSeconds, 0};
    setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    setsockopt(client, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
    std::lock_guard lock(mutex_);
    if (clients_.size() >= kMaxClients) {  // a runaway page: refuse rather than pile up threads
      close(client);
      continue;
    }
    clients_.insert(client);
    try {
      std::thread([this, client, &handle] {
        Answer(client, handle);
        std::lock_guard done(mutex_);
        clients_.erase(client);
        close(client);  // under the lock, so Serve never cuts a number reused meanwhile
        done_.notify_all();
      }).detach();
    } catch (const std::system_error&) {  // no thread to be had: drop this one
      clients_.erase(client);
      close(client);
    }
  }
  std::unique_lock lock(mutex_);
  for (int client : clients_) shutdown(client, SHUT_RDWR);
  done_.wait(lock, [this] { return clients_.empty(); });
}

}  // namespace smsdoc
