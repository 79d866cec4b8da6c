#pragma once
#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "base/tcp_listener.h"

namespace smsdoc {

struct HttpRequest {
  std::string method;  ///< "GET", "HEAD", ...
  std::string target;  ///< as sent: "/policies/x.html?y"
};

struct HttpResponse {
  int status = 200;
  std::string content_type = "text/plain; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  ///< more, e.g. Location
};

/// A small HTTP/1.1 server for one user's browser: bound to 127.0.0.1 only,
/// a thread per connection (a browser opens some ahead of time and may send
/// nothing on them), each closed after its response. GET and HEAD only
/// (HEAD answers GET's headers without the body); every response says
/// `Cache-Control: no-store`. Slow or vanished clients time out or fail
/// alone: sends never raise SIGPIPE.
class HttpServer {
 public:
  HttpServer() = default;
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds 127.0.0.1:`port` (0: a free port); "" or why not.
  std::string Listen(int port);
  /// The port bound, once listening.
  int port() const { return listener_.port(); }
  /// Answers requests with `handle` (from several threads at once) until
  /// `stop` is set (checked several times a second); then cuts the
  /// connections still open and returns once their threads are done.
  void Serve(const std::function<HttpResponse(const HttpRequest&)>& handle,
             const std::atomic<bool>& stop);

 private:
  TcpListener listener_;
  std::mutex mutex_;  // guards clients_
  std::condition_variable done_;
  std::set<TcpConnection> clients_;  // the connections being answered
};

}  // namespace smsdoc
