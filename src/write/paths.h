#pragma once
#include <filesystem>
#include <string>

namespace smsdoc {

/// Absolute, without "." or ".." or a trailing '/', with symbolic links of
/// the existing part resolved, so two spellings of a path compare equal.
inline std::filesystem::path AbsolutePath(const std::filesystem::path& p) {
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::weakly_canonical(std::filesystem::absolute(p), ec);
  if (ec) abs = std::filesystem::absolute(p).lexically_normal();
  if (abs.has_relative_path() && abs.filename().empty()) abs = abs.parent_path();
  return abs;
}

/// True when `inner` is `outer` or lies inside it (both AbsolutePath).
inline bool IsWithin(const std::filesystem::path& inner, const std::filesystem::path& outer) {
  auto rel = inner.lexically_relative(outer);
  return !rel.empty() && *rel.begin() != "..";
}

/// A path beside `folder`, named after it with `suffix`: "site/" and
/// "-changes" give "site-changes". Relative stays relative.
inline std::filesystem::path SiblingPath(const std::filesystem::path& folder,
                                         const std::string& suffix) {
  std::filesystem::path f = folder.lexically_normal();
  if (!f.has_filename()) f = f.parent_path();  // "site/"
  if (f.empty() || f.filename() == "." || f.filename() == "..") f = AbsolutePath(folder);
  return f.parent_path() / (f.filename().string() + suffix);
}

}  // namespace smsdoc
