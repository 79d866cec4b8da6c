#include "write/new_file.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include "base/process.h"

namespace smsdoc {

namespace {
std::string Read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}
}  // namespace

TEST_CASE("a new file is written with its folders; an existing one is never touched") {
  auto dir = std::filesystem::temp_directory_path() /
             ("smsdoc-new-file-" + std::to_string(ThisProcessId()));
  std::filesystem::remove_all(dir);
  std::string error;
  auto path = dir / "a" / "b.md";
  CHECK(CreateNewFile(path, "first", error) == NewFileResult::kWritten);
  CHECK(Read(path) == "first");
  CHECK(CreateNewFile(path, "second", error) == NewFileResult::kExists);
  CHECK(Read(path) == "first");
  // A symbolic link is not followed to a file it would overwrite.
  std::filesystem::create_symlink(path, dir / "link.md");
  CHECK(CreateNewFile(dir / "link.md", "third", error) == NewFileResult::kExists);
  CHECK(Read(path) == "first");
  std::filesystem::remove_all(dir);
}

}  // namespace smsdoc
