#include "serve/watcher.h"

#include <doctest/doctest.h>

#include <fstream>

#include "test_support.h"

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("the watcher fires once a change has settled, never for the output folder") {
  testing::TempDir tmp;
  fs::create_directories(tmp.path / "policies");
  fs::create_directories(tmp.path / "policies" / "site");
  fs::create_directories(tmp.path / "policies" / ".git");
  std::ofstream(tmp.path / "smsdoc.yaml") << "a";
  InputWatcher watcher({tmp.path / "smsdoc.yaml", tmp.path / "policies", tmp.path / "missing"},
                       {tmp.path / "policies" / "site"});
  CHECK(!watcher.Poll());

  std::ofstream(tmp.path / "policies" / "site" / "index.html") << "output";
  std::ofstream(tmp.path / "policies" / ".git" / "index") << "git";
  CHECK(!watcher.Poll());

  std::ofstream(tmp.path / "policies" / "new.md") << "new";
  CHECK(!watcher.Poll());  // seen, not yet settled
  CHECK(watcher.Poll());   // settled: build
  CHECK(!watcher.Poll());  // once

  std::ofstream(tmp.path / "smsdoc.yaml") << "longer";  // size changes
  CHECK(!watcher.Poll());
  CHECK(watcher.Poll());

  std::ofstream(tmp.path / "missing") << "now here";
  CHECK(!watcher.Poll());
  CHECK(watcher.Poll());
}

}  // namespace smsdoc
