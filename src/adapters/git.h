#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/disk.h"

struct git_commit;
struct git_repository;

namespace smsdoc {

/// One commit that changed a file, as git records it.
struct GitRevision {
  std::string commit;  ///< full hash
  std::string path;    ///< the file's path at that commit, relative to the SMS root
  std::string blob;    ///< the file's blob id at that commit
  std::string author;
  std::string date;  ///< author date, YYYY-MM-DD in the author's time zone
  std::string subject;
  std::vector<std::pair<std::string, std::string>> trailers;  ///< "Key: value" lines
  /// The edge of a shallow clone: the file as it was there, not a change
  /// made there (no trailers).
  bool boundary = false;
};

/// GitRepo::Open's reason when the folder is in no repository at all.
inline constexpr const char* kNotInGit = "not in a git repository";

/// The git repository an SMS folder lives in: libgit2 behind one class.
/// Not thread-safe; use it from one thread.
class GitRepo {
 public:
  /// The repository containing `folder` (searched upwards), or nullptr
  /// with `why_not` set ("not in a git repository", ...).
  static std::unique_ptr<GitRepo> Open(const std::string& folder, std::string& why_not);
  ~GitRepo();
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;

  /// The commit a revision names ("HEAD", a tag, a branch, a hash), or
  /// nullopt with `error` set.
  std::optional<std::string> Resolve(const std::string& revision, std::string& error) const;
  /// The commit HEAD points at, or "" in a repository without commits.
  std::string Head() const;
  /// "main@1a2b3c4d5e6f" when `name` is HEAD on a branch or a branch; else
  /// the commit's first tag in byte order, "v1.0@1a2b3c4d5e6f"; else the
  /// short hash alone. Never the spelling of `name` (HEAD~1, a hash).
  std::string Describe(const std::string& commit, const std::string& name) const;

  /// For each path (relative to the SMS root, as it is at `commit`), the
  /// commits that changed it, newest first, following renames. Walks
  /// `commit` and its first parents once for all paths, so a merge counts
  /// as one change, carrying the Approved-by and Change trailers of the
  /// merged commits that touched the file; at the edge of a shallow clone
  /// a `boundary` revision holds each file's state.
  std::vector<std::vector<GitRevision>> History(const std::string& commit,
                                                const std::vector<std::string>& paths) const;
  /// The commits from `to` back along first parents until `from` (or an
  /// ancestor of it) is reached, newest first; `from` itself is left out.
  std::vector<std::string> CommitsBetween(const std::string& from, const std::string& to) const;

  /// True when files in the SMS folder differ from HEAD (modified, staged,
  /// untracked and not ignored), leaving out those `ignore` accepts (paths
  /// relative to the SMS folder: smsdoc's own outputs).
  bool HasUncommittedChanges(const std::function<bool(const std::string&)>& ignore) const;

  /// A blob's bytes.
  std::optional<std::string> ReadBlob(const std::string& blob) const;
  /// The SMS folder as it is in `commit`'s tree, read-only.
  std::unique_ptr<Disk> TreeAt(const std::string& commit) const;

 private:
  GitRepo(git_repository* repo, std::string prefix) : repo_(repo), prefix_(std::move(prefix)) {}
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> SideTrailers(
      const git_commit* merge) const;
  git_repository* repo_;
  std::string prefix_;  ///< the SMS folder relative to the work tree: "" or "sms/"
};

}  // namespace smsdoc
