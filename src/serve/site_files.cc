#include "serve/site_files.h"

#include <cctype>
#include <map>

#include "write/paths.h"

namespace smsdoc {

namespace fs = std::filesystem;

SiteFile FindSiteFile(const fs::path& site, const RequestPath& request) {
  SiteFile found;
  if (request.bad) return found;
  for (const fs::path& part : fs::path(request.path))
    if (!part.empty() && part.string()[0] == '.') return found;
  fs::path file = site / request.path;
  std::error_code ec;
  if (fs::is_directory(file, ec)) {
    if (!request.folder) {
      found.kind = SiteFile::Kind::kRedirect;
      found.location = "/" + request.path + "/";
      return found;
    }
    file /= "index.html";
  }
  if (!fs::is_regular_file(file, ec)) return found;
  if (!IsWithin(AbsolutePath(file), AbsolutePath(site))) return found;
  found.kind = SiteFile::Kind::kFile;
  found.file = file;
  return found;
}

std::string ContentType(const std::string& name) {
  static const std::map<std::string, std::string> types = {
      {".html", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".gif", "image/gif"},
      {".pdf", "application/pdf"},
      {".txt", "text/plain; charset=utf-8"},
      {".sha256", "text/plain; charset=utf-8"},
      {".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
      {".zip", "application/zip"},
  };
  std::string extension = fs::path(name).extension().string();
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = types.find(extension);
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace smsdoc
