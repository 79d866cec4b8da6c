#include "serve/request_path.h"

#include <vector>

namespace smsdoc {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// One segment, decoded; false on a malformed escape or a NUL.
bool Decode(std::string_view in, std::string& out) {
  out.clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    int hi = i + 1 < in.size() ? HexValue(in[i + 1]) : -1;
    int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
    if (hi < 0 || lo < 0 || (hi == 0 && lo == 0)) return false;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return true;
}

}  // namespace

RequestPath ParseRequestPath(std::string_view target) {
  RequestPath result;
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target[0] != '/') {
    result.bad = true;
    return result;
  }
  result.folder = target.back() == '/';
  // Split on '/' before decoding, so "%2F" stays inside its segment and is
  // refused below rather than becoming a separator.
  std::string segment;
  for (size_t start = 1; start <= target.size();) {
    size_t end = target.find('/', start);
    if (end == std::string_view::npos) end = target.size();
    if (end > start) {
      if (!Decode(target.substr(start, end - start), segment) || segment == "." ||
          segment == ".." || segment.find('/') != std::string::npos) {
        result.bad = true;
        return result;
      }
      if (!result.path.empty()) result.path += '/';
      result.path += segment;
    }
    start = end + 1;
  }
  return result;
}

}  // namespace smsdoc
