#include "adapters/git_owner.h"

#include <doctest/doctest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>

#include "test_support.h"

namespace smsdoc {

namespace fs = std::filesystem;
using testing::TempDir;

TEST_CASE("safe.directory lists a work tree as git reads it") {
  const std::string tree = "/srv/sms";
  CHECK(SafeDirectoryListed({"/srv/sms"}, tree, "/root"));
  CHECK(SafeDirectoryListed({"/srv/sms/"}, tree, "/root"));
  CHECK(SafeDirectoryListed({"/other", "*"}, tree, "/root"));
  CHECK(SafeDirectoryListed({"~/sms"}, "/home/ci/sms", "/home/ci"));
  CHECK_FALSE(SafeDirectoryListed({}, tree, "/root"));
  CHECK_FALSE(SafeDirectoryListed({"/srv"}, tree, "/root"));  // not a prefix match
  CHECK_FALSE(SafeDirectoryListed({"/srv/sms2"}, tree, "/root"));
  CHECK_FALSE(SafeDirectoryListed({"*", ""}, tree, "/root"));  // an empty value resets
  CHECK(SafeDirectoryListed({"*", "", "/srv/sms"}, tree, "/root"));
}

TEST_CASE("the repository's owner is found from any folder below its work tree") {
  TempDir tmp;
  fs::path tree = fs::canonical(tmp.path);
  fs::create_directories(tree / ".git");
  fs::create_directories(tree / "sms" / "policies");
  RepoOwner owner = FindRepoOwner((tree / "sms" / "policies").string());
  CHECK(owner.work_tree == tree.string());
  CHECK_FALSE(owner.foreign);
  CHECK(owner.refusal.empty());

  if (geteuid() == 0) {  // only root can hand the git folder to another user
    REQUIRE(chown((tree / ".git").c_str(), 65534, 65534) == 0);
    owner = FindRepoOwner((tree / "sms").string());
    CHECK(owner.foreign);
    CHECK(owner.refusal.find("'" + (tree / ".git").string() + "' is owned by uid 65534") !=
          std::string::npos);
    CHECK(owner.refusal.find("smsdoc runs as uid 0 (root)") != std::string::npos);
    CHECK(owner.refusal.find("git config --global --add safe.directory " + tree.string()) !=
          std::string::npos);

    // A path with a space is quoted, so the command can be pasted.
    fs::path spaced = tree / "it's here";
    fs::create_directories(spaced / ".git");
    REQUIRE(chown(spaced.c_str(), 65534, 65534) == 0);
    owner = FindRepoOwner(spaced.string());
    CHECK(owner.work_tree == spaced.string());
    CHECK(owner.refusal.find("safe.directory '" + tree.string() + "/it'\\''s here'`") !=
          std::string::npos);
  }
}

}  // namespace smsdoc
