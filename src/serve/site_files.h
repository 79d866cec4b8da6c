#pragma once
#include <filesystem>
#include <string>

#include "serve/request_path.h"

namespace smsdoc {

/// What a request path finds in the site folder.
struct SiteFile {
  enum class Kind { kFile, kRedirect, kMissing } kind = Kind::kMissing;
  std::filesystem::path file;  ///< kFile: the file to send
  std::string location;        ///< kRedirect: the folder's URL with its '/'
};

/// Looks `request` up in `site`: a folder gives its index.html (a folder
/// named without its '/' redirects, so the page's relative links work);
/// a name that is missing, hidden (a dot file such as the build cache),
/// not a regular file, or that resolves outside the site through a
/// symbolic link is missing.
SiteFile FindSiteFile(const std::filesystem::path& site, const RequestPath& request);

/// The Content-Type for a file name, by its extension.
std::string ContentType(const std::string& name);

}  // namespace smsdoc
