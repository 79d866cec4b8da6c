#pragma once
#include <string>
#include <string_view>

namespace smsdoc {

/// What a request target ("/policies/a%20b.html?x=1") names inside the
/// site, before the disk is asked: `path` is percent-decoded, relative,
/// without empty segments ("" for the site's root); `folder` when the
/// target ended in '/'. `bad` when it cannot name a file of the site: a
/// malformed or NUL escape, a "." or ".." segment (also when encoded, so
/// no spelling climbs out), or not an origin-form target.
struct RequestPath {
  bool bad = false;
  std::string path;
  bool folder = false;
};

RequestPath ParseRequestPath(std::string_view target);

}  // namespace smsdoc
