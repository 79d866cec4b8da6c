#include "base/disk.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <fstream>

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("RealDisk lists files by their own names and spots links that leave the root") {
  std::string tmpl = (fs::temp_directory_path() / "smsdoc-disk-XXXXXX").string();
  fs::path tmp = mkdtemp(tmpl.data());
  fs::create_directories(tmp / "root/policies/.hidden");
  fs::create_directories(tmp / "outside");
  std::ofstream(tmp / "root/policies/a.md") << "a";
  std::ofstream(tmp / "root/policies/.hidden/b.md") << "b";
  std::ofstream(tmp / "outside/secret.md") << "s";
  fs::create_symlink(tmp / "outside/secret.md", tmp / "root/policies/link.md");
  fs::create_symlink(tmp / "root/policies/a.md", tmp / "root/policies/alias.md");

  RealDisk disk(tmp / "root");
  std::vector<std::string> files = disk.ListFiles("policies").files;
  CHECK(files ==
        std::vector<std::string>{"policies/a.md", "policies/alias.md", "policies/link.md"});
  CHECK(disk.IsInsideRoot("policies/a.md"));
  CHECK(disk.IsInsideRoot("policies/alias.md"));
  CHECK_FALSE(disk.IsInsideRoot("policies/link.md"));
  CHECK(disk.ReadFile("policies/a.md") == "a");
  fs::remove_all(tmp);
}

TEST_CASE("RealDisk names what it cannot read and walks on past it") {
  std::string tmpl = (fs::temp_directory_path() / "smsdoc-disk-XXXXXX").string();
  fs::path tmp = mkdtemp(tmpl.data());
  fs::create_directories(tmp / "policies/a-locked");
  fs::create_directories(tmp / "policies/b-open");
  std::ofstream(tmp / "policies/a-locked/x.md") << "x";
  std::ofstream(tmp / "policies/b-open/y.md") << "y";
  std::ofstream(tmp / "policies/z.md") << "z";
  fs::create_symlink(tmp / "policies/nowhere", tmp / "policies/dangling.md");
  fs::permissions(tmp / "policies/a-locked", fs::perms::none);

  RealDisk disk(tmp);
  FileList list = disk.ListFiles("policies");
  std::vector<std::string> unreadable;
  for (const auto& u : list.unreadable) unreadable.push_back(u.path + ": " + u.reason);
  if (geteuid() == 0) {  // root reads the locked folder anyway
    CHECK(list.files == std::vector<std::string>{"policies/a-locked/x.md", "policies/b-open/y.md",
                                                 "policies/z.md"});
    CHECK(unreadable ==
          std::vector<std::string>{"policies/dangling.md: No such file or directory"});
  } else {
    CHECK(list.files == std::vector<std::string>{"policies/b-open/y.md", "policies/z.md"});
    CHECK(unreadable ==
          std::vector<std::string>{"policies/a-locked: Permission denied",
                                   "policies/dangling.md: No such file or directory"});
  }
  CHECK(disk.WhyUnreadable("policies/missing.md") == "No such file or directory");
  fs::permissions(tmp / "policies/a-locked", fs::perms::owner_all);
  fs::remove_all(tmp);
}

}  // namespace smsdoc
