#pragma once
#include <string>
#include <vector>

namespace smsdoc {

/// Whose repository an SMS folder is in. git (2.35.2 on) and Debian's
/// libgit2 1.5 open a repository only when its work tree and git folder
/// belong to the effective user (root included) or git's `safe.directory`
/// lists it; libgit2 1.5 reports a refusal as "not found", so smsdoc looks
/// for itself instead of taking it for "not in git".
struct RepoOwner {
  std::string work_tree;  ///< the folder holding the first `.git` above; "" when none
  bool foreign = false;   ///< the work tree or its git folder belongs to another user
  bool trusted = false;   ///< git's safe.directory lists the work tree (or `*`)
  std::string refusal;    ///< when foreign and not trusted: what is wrong and what to do
};

/// Walks up from `folder` (canonical) to the first `.git` on its file
/// system and compares the owners with the effective user; reads
/// safe.directory from the system, XDG and global git configuration.
RepoOwner FindRepoOwner(const std::string& folder);

/// Whether safe.directory `values`, in the order git reads them, list
/// `work_tree`: `*` lists every folder, an empty value forgets the values
/// before it, `~/` is the home folder; a trailing `/` is ignored.
bool SafeDirectoryListed(const std::vector<std::string>& values, const std::string& work_tree,
                         const std::string& home);

}  // namespace smsdoc
