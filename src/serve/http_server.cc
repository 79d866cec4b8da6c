#include "serve/http_server.h"

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
std::string ReadHead(TcpConnection client, bool& too_large) {
  std::string head;
  char buf[4096];
  while (head.find("\r\n\r\n") == std::string::npos) {
    if (head.size() > kMaxHeader) {
      too_large = true;
      return "";
    }
    long n = Receive(client, buf, sizeof buf);
    if (n <= 0) return "";
    head.append(buf, static_cast<size_t>(n));
  }
  return head;
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
void Answer(TcpConnection client, const std::function<HttpResponse(const HttpRequest&)>& handle) {
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

std::string HttpServer::Listen(int port) {
  bool in_use = false;
  std::string why = listener_.Listen(port, in_use);
  if (in_use) why += " (choose another with --port, or --port 0 for a free one)";
  return why;
}

void HttpServer::Serve(const std::function<HttpResponse(const HttpRequest&)>& handle,
                       const std::atomic<bool>& stop) {
  while (!stop) {
    // At most 200 ms without a client, then look at stop again.
    TcpConnection client = listener_.Accept(200, kClientTimeoutSeconds);
    if (client < 0) continue;
    std::lock_guard lock(mutex_);
    if (clients_.size() >= kMaxClients) {  // a runaway page: refuse rather than pile up threads
      Close(client);
      continue;
    }
    clients_.insert(client);
    try {
      std::thread([this, client, &handle] {
        Answer(client, handle);
        std::lock_guard done(mutex_);
        clients_.erase(client);
        Close(client);  // under the lock, so Serve never cuts a number reused meanwhile
        done_.notify_all();
      }).detach();
    } catch (const std::system_error&) {  // no thread to be had: drop this one
      clients_.erase(client);
      Close(client);
    }
  }
  std::unique_lock lock(mutex_);
  for (TcpConnection client : clients_) ShutDown(client);
  done_.wait(lock, [this] { return clients_.empty(); });
}

}  // namespace smsdoc
