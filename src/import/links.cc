#include "import/links.h"

#include <cctype>

namespace smsdoc {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

std::string PercentDecoded(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

bool HasScheme(std::string_view t) {
  size_t colon = t.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  for (size_t i = 0; i < colon; ++i)
    if (!std::isalnum(static_cast<unsigned char>(t[i])) && t[i] != '+' && t[i] != '-' &&
        t[i] != '.')
      return false;
  return true;
}

void Add(std::string_view target, std::vector<std::string>& out) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target[0] == '/' || HasScheme(target)) return;
  out.push_back(PercentDecoded(target));
}

}  // namespace

std::vector<std::string> RelativeLinkTargets(std::string_view body) {
  std::vector<std::string> out;
  for (size_t at = body.find("]("); at != std::string_view::npos; at = body.find("](", at + 2)) {
    size_t start = at + 2;
    if (start < body.size() && body[start] == '<') {
      size_t end = body.find('>', start);
      if (end != std::string_view::npos) Add(body.substr(start + 1, end - start - 1), out);
      continue;
    }
    size_t end = body.find_first_of(" \t\n)", start);
    if (end != std::string_view::npos) Add(body.substr(start, end - start), out);
  }
  for (std::string_view attr : {"src=\"", "href=\""}) {
    for (size_t at = body.find(attr); at != std::string_view::npos;
         at = body.find(attr, at + attr.size())) {
      size_t start = at + attr.size();
      size_t end = body.find('"', start);
      if (end != std::string_view::npos) Add(body.substr(start, end - start), out);
    }
  }
  return out;
}

}  // namespace smsdoc
