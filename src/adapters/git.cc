#include "adapters/git.h"

#include <git2.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <unordered_map>

#include "adapters/git_owner.h"
#include "base/dates.h"
#include "base/text.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

template <typename T, void (*Free)(T*)>
struct Freer {
  void operator()(T* p) const { Free(p); }
};
template <typename T, void (*Free)(T*)>
using Owned = std::unique_ptr<T, Freer<T, Free>>;
using CommitPtr = Owned<git_commit, git_commit_free>;
using TreePtr = Owned<git_tree, git_tree_free>;
using DiffPtr = Owned<git_diff, git_diff_free>;
using ObjectPtr = Owned<git_object, git_object_free>;
using BlobPtr = Owned<git_blob, git_blob_free>;
using EntryPtr = Owned<git_tree_entry, git_tree_entry_free>;

// A repository of another user that git's safe.directory lists: libgit2 1.5
// ignores `*`, so smsdoc judges safe.directory itself and switches libgit2's
// owner check off for this one call (the check runs only when opening).
int OpenTrusted(git_repository** repo, const fs::path& dir) {
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
  int rc = git_repository_open_ext(repo, dir.c_str(), 0, nullptr);
  git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 1);
  return rc;
}

void InitOnce() {
  static std::once_flag once;
  std::call_once(once, [] { git_libgit2_init(); });
}

// libgit2's reason for the last failed call on this thread.
std::string LastError() {
  const git_error* e = git_error_last();
  return e && e->message ? e->message : "unknown error";
}

std::string Hex(const git_oid* oid) {
  char buf[GIT_OID_HEXSZ + 1];
  git_oid_tostr(buf, sizeof buf, oid);
  return buf;
}

bool ParseOid(const std::string& hex, git_oid& oid) {
  return git_oid_fromstrn(&oid, hex.data(), hex.size()) == 0;
}

CommitPtr LookupCommit(git_repository* repo, const std::string& hex) {
  git_oid oid;
  git_commit* c = nullptr;
  if (!ParseOid(hex, oid) || git_commit_lookup(&c, repo, &oid) != 0) return nullptr;
  return CommitPtr(c);
}

// The first parent, or nullptr for a root commit or the edge of a shallow clone.
CommitPtr FirstParent(const git_commit* c) {
  git_commit* parent = nullptr;
  if (git_commit_parentcount(c) == 0 || git_commit_parent(&parent, c, 0) != 0) return nullptr;
  return CommitPtr(parent);
}

TreePtr TreeOf(const git_commit* c) {
  git_tree* tree = nullptr;
  if (!c || git_commit_tree(&tree, c) != 0) return nullptr;
  return TreePtr(tree);
}

// What every revision of one commit shares.
GitRevision DescribeCommit(const git_commit* c) {
  GitRevision r;
  r.commit = Hex(git_commit_id(c));
  const git_signature* author = git_commit_author(c);
  r.author = author->name ? author->name : "";
  long long local = author->when.time + author->when.offset * 60LL;
  r.date = FormatDate(
      DateFromDays(static_cast<long>(local >= 0 ? local / 86400 : (local - 86399) / 86400)));
  if (const char* s = git_commit_summary(const_cast<git_commit*>(c))) r.subject = s;
  git_message_trailer_array trailers{};
  if (git_message_trailers(&trailers, git_commit_message(c)) == 0) {
    for (size_t i = 0; i < trailers.count; ++i)
      r.trailers.emplace_back(trailers.trailers[i].key, trailers.trailers[i].value);
    git_message_trailer_array_free(&trailers);
  }
  return r;
}

// A Disk over one commit's tree, below the SMS folder.
class TreeDisk : public Disk {
 public:
  TreeDisk(git_repository* repo, TreePtr tree, std::string prefix)
      : repo_(repo), tree_(std::move(tree)), prefix_(std::move(prefix)) {}

  // The loader reads files on several threads; libgit2 objects are not
  // to be used from two at once.
  std::optional<std::string> ReadFile(const std::string& path) const override {
    std::lock_guard lock(mutex_);
    BlobPtr blob = Blob(path);
    if (!blob) return std::nullopt;
    return std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                       static_cast<size_t>(git_blob_rawsize(blob.get())));
  }

  std::optional<uintmax_t> FileSize(const std::string& path) const override {
    std::lock_guard lock(mutex_);
    BlobPtr blob = Blob(path);
    if (!blob) return std::nullopt;
    return static_cast<uintmax_t>(git_blob_rawsize(blob.get()));
  }

  FileList ListFiles(const std::string& dir) const override {
    std::lock_guard lock(mutex_);
    FileList files;
    EntryPtr entry = Entry(dir);
    if (!entry || git_tree_entry_type(entry.get()) != GIT_OBJECT_TREE) return files;
    git_tree* sub = nullptr;
    if (git_tree_lookup(&sub, repo_, git_tree_entry_id(entry.get())) != 0) {
      files.unreadable.push_back({dir, LastError()});
      return files;
    }
    TreePtr owned(sub);
    Walk(sub, dir + "/", files);
    return files;  // tree entries come sorted by name, like the real disk's
  }

  // Symbolic links are never followed inside a tree: they are not files.
  bool IsInsideRoot(const std::string&) const override { return true; }

  bool IsFolder(const std::string& path) const override {
    std::lock_guard lock(mutex_);
    EntryPtr entry = Entry(path);
    return entry && git_tree_entry_type(entry.get()) == GIT_OBJECT_TREE;
  }

 private:
  BlobPtr Blob(const std::string& path) const {
    EntryPtr entry = Entry(path);
    git_blob* blob = nullptr;
    if (!entry || git_tree_entry_type(entry.get()) != GIT_OBJECT_BLOB ||
        git_tree_entry_filemode(entry.get()) == GIT_FILEMODE_LINK ||
        git_blob_lookup(&blob, repo_, git_tree_entry_id(entry.get())) != 0)
      return nullptr;
    return BlobPtr(blob);
  }

  EntryPtr Entry(const std::string& path) const {
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, tree_.get(), (prefix_ + path).c_str()) != 0) return nullptr;
    return EntryPtr(entry);
  }

  void Walk(const git_tree* tree, const std::string& base, FileList& out) const {
    for (size_t i = 0; i < git_tree_entrycount(tree); ++i) {
      const git_tree_entry* e = git_tree_entry_byindex(tree, i);
      std::string name = git_tree_entry_name(e);
      if (name.empty() || name[0] == '.') continue;
      if (git_tree_entry_type(e) == GIT_OBJECT_TREE) {
        git_tree* sub = nullptr;
        if (git_tree_lookup(&sub, repo_, git_tree_entry_id(e)) != 0) {
          out.unreadable.push_back({base + name, LastError()});
          continue;
        }
        TreePtr owned(sub);
        Walk(sub, base + name + "/", out);
      } else if (git_tree_entry_filemode(e) == GIT_FILEMODE_LINK) {
        out.unreadable.push_back({base + name, "a symbolic link, which a commit does not follow"});
      } else if (git_tree_entry_type(e) == GIT_OBJECT_BLOB) {
        out.files.push_back(base + name);
      }
    }
  }

  git_repository* repo_;
  TreePtr tree_;
  std::string prefix_;
  mutable std::mutex mutex_;
};

}  // namespace

std::unique_ptr<GitRepo> GitRepo::Open(const std::string& folder, std::string& why_not) {
  InitOnce();
  std::error_code ec;
  fs::path dir = fs::canonical(folder, ec);
  if (ec) {
    why_not = "cannot resolve '" + folder + "'";
    return nullptr;
  }
  git_repository* repo = nullptr;
  if (int rc = git_repository_open_ext(&repo, dir.c_str(), 0, nullptr); rc != 0) {
    const git_error* e = git_error_last();
    std::string reason = e && e->message ? e->message : "unknown error";
    // libgit2 1.5 says "not found" for a repository of another user: look
    // for the `.git` folder and its owner before believing it.
    RepoOwner owner = FindRepoOwner(dir.string());
    if (owner.foreign && owner.trusted) rc = OpenTrusted(&repo, dir);
    if (rc != 0) {
      why_not = owner.foreign && !owner.trusted ? owner.refusal
                : rc == GIT_ENOTFOUND && owner.work_tree.empty()
                    ? std::string(kNotInGit)
                    : "in a git repository smsdoc cannot read: " + reason;
      return nullptr;
    }
  }
  const char* workdir = git_repository_workdir(repo);
  if (!workdir) {
    git_repository_free(repo);
    why_not = "the repository is bare";
    return nullptr;
  }
  std::string prefix = dir.lexically_relative(fs::canonical(workdir, ec)).generic_string();
  prefix = (prefix == "." || prefix.empty()) ? "" : prefix + "/";
  return std::unique_ptr<GitRepo>(new GitRepo(repo, prefix));
}

GitRepo::~GitRepo() { git_repository_free(repo_); }

std::optional<std::string> GitRepo::Resolve(const std::string& revision, std::string& error) const {
  git_object* obj = nullptr;
  if (git_revparse_single(&obj, repo_, revision.c_str()) != 0) {
    error = "unknown revision '" + revision + "'";
    return std::nullopt;
  }
  ObjectPtr owned(obj);
  git_object* commit = nullptr;
  if (git_object_peel(&commit, obj, GIT_OBJECT_COMMIT) != 0) {
    error = "'" + revision + "' does not name a commit";
    return std::nullopt;
  }
  ObjectPtr owned_commit(commit);
  return Hex(git_object_id(commit));
}

std::string GitRepo::Head() const {
  git_oid oid;
  if (git_reference_name_to_id(&oid, repo_, "HEAD") != 0) return "";
  return Hex(&oid);
}

namespace {

struct TagSearch {
  git_repository* repo;
  git_oid commit;
  std::string first;  ///< the first tag name in byte order
};

// The tags whose commit is `commit` (annotated tags peeled).
int VisitTag(const char* name, git_oid* oid, void* payload) {
  auto* search = static_cast<TagSearch*>(payload);
  git_object* object = nullptr;
  if (git_object_lookup(&object, search->repo, oid, GIT_OBJECT_ANY) != 0) return 0;
  ObjectPtr owned(object);
  git_object* peeled = nullptr;
  if (git_object_peel(&peeled, object, GIT_OBJECT_COMMIT) != 0) return 0;
  ObjectPtr peeled_owned(peeled);
  std::string tag = std::string(name).substr(std::string_view("refs/tags/").size());
  if (git_oid_equal(git_object_id(peeled), &search->commit) &&
      (search->first.empty() || tag < search->first))
    search->first = tag;
  return 0;
}

}  // namespace

std::string GitRepo::Describe(const std::string& commit, const std::string& name) const {
  // The label depends on the commit and the repository's branches and tags,
  // not on how the revision was spelt, so `build --at REF` and a build of a
  // checkout of REF name it alike (docs/evidence.md).
  std::string hash = commit.substr(0, 12);
  git_reference* ref = nullptr;
  if (name == "HEAD" ? git_repository_head(&ref, repo_) == 0
                     : git_reference_lookup(&ref, repo_, ("refs/heads/" + name).c_str()) == 0) {
    bool branch = git_reference_is_branch(ref);
    std::string label = branch ? git_reference_shorthand(ref) : "";
    git_reference_free(ref);
    if (branch) return label + "@" + hash;
  }
  TagSearch search{repo_, {}, ""};
  if (ParseOid(commit, search.commit)) git_tag_foreach(repo_, VisitTag, &search);
  return search.first.empty() ? hash : search.first + "@" + hash;
}

namespace {

// True when both trees hold the same folder at `prefix` ("sms/").
bool SameSubtree(const git_tree* a, const git_tree* b, const std::string& prefix) {
  if (!a || !b) return false;
  std::string folder = prefix.substr(0, prefix.size() - 1);
  git_tree_entry *in_a = nullptr, *in_b = nullptr;
  bool same = git_tree_entry_bypath(&in_a, a, folder.c_str()) == 0 &&
              git_tree_entry_bypath(&in_b, b, folder.c_str()) == 0 &&
              git_oid_equal(git_tree_entry_id(in_a), git_tree_entry_id(in_b));
  git_tree_entry_free(in_a);
  git_tree_entry_free(in_b);
  return same;
}

git_diff_options DiffOptions(char** spec, const std::string& prefix) {
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  // The SMS folder is a path, not a pattern: "sms[1]" is a folder name.
  options.flags |= GIT_DIFF_DISABLE_PATHSPEC_MATCH;
  if (!prefix.empty()) options.pathspec = {spec, 1};
  return options;
}

}  // namespace

// The trailers of the commits a merge brings in (reachable from its other
// parents, not from its first), by the repository paths each one touched:
// an approval given on a branch counts when the branch is merged.
std::map<std::string, std::vector<std::pair<std::string, std::string>>> GitRepo::SideTrailers(
    const git_commit* merge) const {
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> by_path;
  git_revwalk* raw = nullptr;
  if (git_revwalk_new(&raw, repo_) != 0) return by_path;
  Owned<git_revwalk, git_revwalk_free> walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL);
  for (unsigned i = 1; i < git_commit_parentcount(merge); ++i)
    git_revwalk_push(walk.get(), git_commit_parent_id(merge, i));
  git_revwalk_hide(walk.get(), git_commit_parent_id(merge, 0));
  std::string pathspec = prefix_;
  char* spec = pathspec.data();
  git_diff_options options = DiffOptions(&spec, prefix_);
  git_oid oid;
  while (git_revwalk_next(&oid, walk.get()) == 0) {
    CommitPtr c = LookupCommit(repo_, Hex(&oid));
    if (!c) continue;
    GitRevision info = DescribeCommit(c.get());
    std::vector<std::pair<std::string, std::string>> kept;
    for (const auto& t : info.trailers)
      if (EqualsIgnoreCase(t.first, "Approved-by") || EqualsIgnoreCase(t.first, "Change"))
        kept.push_back(t);
    if (kept.empty()) continue;
    CommitPtr parent = FirstParent(c.get());
    TreePtr tree = TreeOf(c.get()), parent_tree = TreeOf(parent.get());
    git_diff* diff_raw = nullptr;
    if (!tree ||
        git_diff_tree_to_tree(&diff_raw, repo_, parent_tree.get(), tree.get(), &options) != 0)
      continue;
    DiffPtr diff(diff_raw);
    for (size_t d = 0; d < git_diff_num_deltas(diff.get()); ++d) {
      auto& list = by_path[git_diff_get_delta(diff.get(), d)->new_file.path];
      list.insert(list.end(), kept.begin(), kept.end());
    }
  }
  return by_path;
}

std::vector<std::vector<GitRevision>> GitRepo::History(
    const std::string& commit, const std::vector<std::string>& paths) const {
  std::vector<std::vector<GitRevision>> history(paths.size());
  std::unordered_map<std::string, size_t> tracked;  // repository path -> index
  TreePtr start = TreeOf(LookupCommit(repo_, commit).get());
  for (size_t i = 0; i < paths.size() && start; ++i) {
    // A path not in the commit (not committed yet) has no history, even if
    // a file of that name once existed.
    git_tree_entry* entry = nullptr;
    if (git_tree_entry_bypath(&entry, start.get(), (prefix_ + paths[i]).c_str()) != 0) continue;
    git_tree_entry_free(entry);
    tracked[prefix_ + paths[i]] = i;
  }

  std::string pathspec = prefix_;
  char* spec = pathspec.data();
  git_diff_options options = DiffOptions(&spec, prefix_);
  git_diff_find_options find = GIT_DIFF_FIND_OPTIONS_INIT;
  find.flags = GIT_DIFF_FIND_RENAMES;

  for (CommitPtr c = LookupCommit(repo_, commit); c && !tracked.empty();) {
    CommitPtr parent = FirstParent(c.get());
    TreePtr tree = TreeOf(c.get());
    if (!parent && git_commit_parentcount(c.get()) > 0) {
      // The edge of a shallow clone: what came before is not here. Record
      // each file's state without calling this commit its change.
      GitRevision edge = DescribeCommit(c.get());
      edge.trailers.clear();
      edge.boundary = true;
      for (const auto& [path, index] : tracked) {
        git_tree_entry* entry = nullptr;
        if (!tree || git_tree_entry_bypath(&entry, tree.get(), path.c_str()) != 0) continue;
        GitRevision r = edge;
        r.path = path.substr(prefix_.size());
        r.blob = Hex(git_tree_entry_id(entry));
        git_tree_entry_free(entry);
        history[index].push_back(std::move(r));
      }
      break;
    }
    TreePtr parent_tree = TreeOf(parent.get());
    // In a shared repository most commits leave the SMS folder alone: one
    // tree lookup tells, where a diff would cost milliseconds.
    if (!prefix_.empty() && SameSubtree(tree.get(), parent_tree.get(), prefix_)) {
      c = std::move(parent);
      continue;
    }
    git_diff* raw = nullptr;
    if (!tree || git_diff_tree_to_tree(&raw, repo_, parent_tree.get(), tree.get(), &options) != 0)
      break;
    DiffPtr diff(raw);
    git_diff_find_similar(diff.get(), &find);

    std::optional<GitRevision> shared;  // described once, for the first path it touches
    std::optional<std::map<std::string, std::vector<std::pair<std::string, std::string>>>> side;
    std::vector<std::pair<std::string, std::optional<std::string>>> moves;  // new -> old
    for (size_t d = 0; d < git_diff_num_deltas(diff.get()); ++d) {
      const git_diff_delta* delta = git_diff_get_delta(diff.get(), d);
      if (delta->status == GIT_DELTA_DELETED) continue;
      auto it = tracked.find(delta->new_file.path);
      if (it == tracked.end()) continue;
      if (!shared) shared = DescribeCommit(c.get());
      GitRevision r = *shared;
      r.path = it->first.substr(prefix_.size());
      r.blob = Hex(&delta->new_file.id);
      if (git_commit_parentcount(c.get()) > 1) {
        if (!side) side = SideTrailers(c.get());
        if (auto found = side->find(it->first); found != side->end())
          r.trailers.insert(r.trailers.end(), found->second.begin(), found->second.end());
      }
      history[it->second].push_back(std::move(r));
      if (delta->status == GIT_DELTA_ADDED) moves.emplace_back(it->first, std::nullopt);
      if (delta->status == GIT_DELTA_RENAMED)
        moves.emplace_back(it->first, std::string(delta->old_file.path));
    }
    // Applied after the whole commit, so a swap of two names stays right.
    std::vector<std::pair<std::string, size_t>> renamed;
    for (const auto& [now, before] : moves) {
      size_t index = tracked[now];
      tracked.erase(now);
      if (before && before->compare(0, prefix_.size(), prefix_) == 0)
        renamed.emplace_back(*before, index);
    }
    for (auto& [path, index] : renamed) tracked[path] = index;
    c = std::move(parent);
  }
  return history;
}

std::vector<std::string> GitRepo::CommitsBetween(const std::string& from,
                                                 const std::string& to) const {
  // As `git rev-list --first-parent from..to`: `from` and everything it
  // contains are left out, wherever `from` sits.
  std::vector<std::string> commits;
  git_oid from_oid, to_oid;
  git_revwalk* raw = nullptr;
  if (!ParseOid(from, from_oid) || !ParseOid(to, to_oid) || git_revwalk_new(&raw, repo_) != 0)
    return commits;
  Owned<git_revwalk, git_revwalk_free> walk(raw);
  git_revwalk_sorting(walk.get(), GIT_SORT_TOPOLOGICAL);
  git_revwalk_simplify_first_parent(walk.get());
  git_revwalk_push(walk.get(), &to_oid);
  git_revwalk_hide(walk.get(), &from_oid);
  for (git_oid oid; git_revwalk_next(&oid, walk.get()) == 0;) commits.push_back(Hex(&oid));
  return commits;
}

bool GitRepo::HasUncommittedChanges(const std::function<bool(const std::string&)>& ignore) const {
  git_status_options options = GIT_STATUS_OPTIONS_INIT;
  options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS |
                  GIT_STATUS_OPT_DISABLE_PATHSPEC_MATCH | GIT_STATUS_OPT_EXCLUDE_SUBMODULES;
  std::string pathspec = prefix_;
  char* spec = pathspec.data();
  if (!prefix_.empty()) options.pathspec = {&spec, 1};
  git_status_list* raw = nullptr;
  if (git_status_list_new(&raw, repo_, &options) != 0) return false;
  Owned<git_status_list, git_status_list_free> list(raw);
  for (size_t i = 0; i < git_status_list_entrycount(list.get()); ++i) {
    const git_status_entry* e = git_status_byindex(list.get(), i);
    const git_diff_delta* d = e->index_to_workdir ? e->index_to_workdir : e->head_to_index;
    const char* path = d ? (d->new_file.path ? d->new_file.path : d->old_file.path) : nullptr;
    if (!path) continue;
    std::string relative = path;
    if (relative.compare(0, prefix_.size(), prefix_) == 0) relative.erase(0, prefix_.size());
    if (!ignore(relative)) return true;
  }
  return false;
}

std::optional<std::string> GitRepo::ReadBlob(const std::string& blob) const {
  git_oid oid;
  git_blob* b = nullptr;
  if (!ParseOid(blob, oid) || git_blob_lookup(&b, repo_, &oid) != 0) return std::nullopt;
  BlobPtr owned(b);
  return std::string(static_cast<const char*>(git_blob_rawcontent(b)),
                     static_cast<size_t>(git_blob_rawsize(b)));
}

std::unique_ptr<Disk> GitRepo::TreeAt(const std::string& commit) const {
  CommitPtr c = LookupCommit(repo_, commit);
  TreePtr tree = TreeOf(c.get());
  if (!tree) return nullptr;
  return std::make_unique<TreeDisk>(repo_, std::move(tree), prefix_);
}

}  // namespace smsdoc
