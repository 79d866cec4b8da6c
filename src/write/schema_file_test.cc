#include "write/schema_file.h"

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

TEST_CASE("a schema replaces only a schema written before, never a user's file or a link") {
  namespace fs = std::filesystem;
  fs::path dir =
      fs::temp_directory_path() / ("smsdoc-schema-file-" + std::to_string(ThisProcessId()));
  fs::remove_all(dir);
  std::string error;
  fs::path path = dir / "schemas" / "a.schema.json";
  CHECK(ReplaceSchemaFile(path, "MARK one", "MARK", error) == SchemaFileResult::kWritten);
  CHECK(Read(path) == "MARK one");
  CHECK(ReplaceSchemaFile(path, "MARK two", "MARK", error) == SchemaFileResult::kWritten);
  CHECK(Read(path) == "MARK two");
  { std::ofstream(path, std::ios::binary) << "{\"mine\": 1}"; }
  CHECK_FALSE(SchemaFileReplaceable(path, "MARK"));
  CHECK(ReplaceSchemaFile(path, "MARK three", "MARK", error) == SchemaFileResult::kForeign);
  CHECK(Read(path) == "{\"mine\": 1}");
  // A link to a schema is not written through.
  fs::path target = dir / "target.json";
  { std::ofstream(target, std::ios::binary) << "MARK old"; }
  fs::path link = dir / "schemas" / "b.schema.json";
  fs::create_symlink(target, link);
  CHECK(ReplaceSchemaFile(link, "MARK new", "MARK", error) == SchemaFileResult::kForeign);
  CHECK(Read(target) == "MARK old");
  // No temporary file is left beside them.
  size_t files = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir / "schemas")) ++files;
  CHECK(files == 2);
  fs::remove_all(dir);
}

}  // namespace smsdoc
