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
  std::vector<std::string> files = disk.ListFiles("policies");
  CHECK(files ==
        std::vector<std::string>{"policies/a.md", "policies/alias.md", "policies/link.md"});
  CHECK(disk.IsInsideRoot("policies/a.md"));
  CHECK(disk.IsInsideRoot("policies/alias.md"));
  CHECK_FALSE(disk.IsInsideRoot("policies/link.md"));
  CHECK(disk.ReadFile("policies/a.md") == "a");
  fs::remove_all(tmp);
}

}  // namespace smsdoc
