#pragma once
#include <atomic>
#include <functional>
#include <string>
#include <vector>

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
/// one connection at a time, each closed after its response (so an idle
/// browser connection cannot hold the only thread). GET and HEAD only (HEAD
/// answers GET's headers without the body); every response says
/// `Cache-Control: no-store`. Slow or vanished clients time out or fail
/// alone: sends never raise SIGPIPE.
class HttpServer {
 public:
  HttpServer() = default;
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  /// Binds 127.0.0.1:`port` (0: a free port); "" or why not.
  std::string Listen(int port);
  /// The port bound, once listening.
  int port() const { return port_; }
  /// Answers requests with `handle` until `stop` is set (checked several
  /// times a second).
  void Serve(const std::function<HttpResponse(const HttpRequest&)>& handle,
             const std::atomic<bool>& stop);

 private:
  void Answer(int client, const std::function<HttpResponse(const HttpRequest&)>& handle);

  int fd_ = -1;
  int port_ = 0;
};

}  // namespace smsdoc
