#include "adapters/git_owner.h"

#include <git2.h>
#include <pwd.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <vector>

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// "uid 0 (root)", or "uid 1234" when the account has no name here.
std::string DescribeUser(uid_t uid) {
  std::string text = "uid " + std::to_string(uid);
  struct passwd entry;
  struct passwd* found = nullptr;
  std::vector<char> buffer(16384);
  if (getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &found) == 0 && found &&
      found->pw_name && *found->pw_name)
    text.append(" (").append(found->pw_name).append(")");
  return text;
}

// The git folder a `.git` file points at ("gitdir: PATH", relative to it).
std::string GitDirOfFile(const fs::path& dot_git) {
  std::ifstream in(dot_git);
  std::string line;
  if (!std::getline(in, line) || line.rfind("gitdir:", 0) != 0) return "";
  std::string target = line.substr(7);
  target.erase(0, target.find_first_not_of(" \t"));
  while (!target.empty() && (target.back() == '\r' || target.back() == ' ')) target.pop_back();
  if (target.empty()) return "";
  fs::path path(target);
  return (path.is_absolute() ? path : dot_git.parent_path() / path).lexically_normal().string();
}

// safe.directory values from the levels git reads it from (never the
// repository's own configuration), lowest priority first.
std::vector<std::string> SafeDirectoryValues() {
  std::vector<std::string> values;
  git_config* all = nullptr;
  if (git_config_open_default(&all) != 0) return values;
  for (git_config_level_t level : {GIT_CONFIG_LEVEL_PROGRAMDATA, GIT_CONFIG_LEVEL_SYSTEM,
                                   GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL}) {
    git_config* one = nullptr;
    if (git_config_open_level(&one, all, level) != 0) continue;
    git_config_iterator* it = nullptr;
    if (git_config_multivar_iterator_new(&it, one, "safe.directory", nullptr) == 0) {
      git_config_entry* entry = nullptr;
      while (git_config_next(&entry, it) == 0)
        values.emplace_back(entry->value ? entry->value : "");
      git_config_iterator_free(it);
    }
    git_config_free(one);
  }
  git_config_free(all);
  return values;
}

// A path as a shell word: quoted when it holds more than plain characters.
std::string ShellWord(const std::string& path) {
  bool plain = !path.empty() && path.find_first_not_of(
                                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                    "0123456789/._-+@%:,") == std::string::npos;
  if (plain) return path;
  std::string quoted = "'";
  for (char c : path) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return quoted + "'";
}

std::string WithoutTrailingSlash(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  return path;
}

}  // namespace

bool SafeDirectoryListed(const std::vector<std::string>& values, const std::string& work_tree,
                         const std::string& home) {
  bool listed = false;
  for (const std::string& raw : values) {
    if (raw.empty()) {  // git: an empty value resets the list
      listed = false;
      continue;
    }
    if (raw == "*") {
      listed = true;
      continue;
    }
    std::string value = raw;
    if (value.rfind("~/", 0) == 0 && !home.empty()) value = home + value.substr(1);
    value = WithoutTrailingSlash(value);
    std::error_code ec;
    fs::path canonical = fs::canonical(value, ec);
    if (value == work_tree || (!ec && canonical.string() == work_tree)) listed = true;
  }
  return listed;
}

RepoOwner FindRepoOwner(const std::string& folder) {
  RepoOwner owner;
  struct stat start;
  if (stat(folder.c_str(), &start) != 0) return owner;
  for (fs::path dir(folder);; dir = dir.parent_path()) {
    struct stat here;
    // libgit2 does not cross file systems either (no GIT_REPOSITORY_OPEN_CROSS_FS).
    if (stat(dir.c_str(), &here) != 0 || here.st_dev != start.st_dev) return owner;
    struct stat dot_git;
    if (stat((dir / ".git").c_str(), &dot_git) == 0) {
      owner.work_tree = dir.string();
      break;
    }
    if (dir == dir.parent_path()) return owner;
  }

  fs::path work_tree(owner.work_tree);
  std::vector<std::string> paths = {owner.work_tree, (work_tree / ".git").string()};
  if (fs::is_regular_file(work_tree / ".git"))  // a linked work tree or a submodule
    if (std::string git_dir = GitDirOfFile(work_tree / ".git"); !git_dir.empty())
      paths.push_back(git_dir);
  uid_t me = geteuid();
  for (const std::string& path : paths) {
    struct stat st;
    if (stat(path.c_str(), &st) != 0 || st.st_uid == me) continue;
    owner.foreign = true;
    const char* home = getenv("HOME");
    owner.trusted = SafeDirectoryListed(SafeDirectoryValues(), owner.work_tree, home ? home : "");
    owner.refusal = std::string("in a git repository of another user: '")
                        .append(path)
                        .append("' is owned by ")
                        .append(DescribeUser(st.st_uid))
                        .append(" and smsdoc runs as ")
                        .append(DescribeUser(me))
                        .append(
                            ", so git will not read it; if you trust it, run `git config "
                            "--global --add safe.directory ")
                        .append(ShellWord(owner.work_tree))
                        .append("`, or run smsdoc as its owner");
    break;
  }
  return owner;
}

}  // namespace smsdoc
