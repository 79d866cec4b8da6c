#include "init/next_id.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("the next ID continues the type's own series, keeping its width") {
  CHECK(NextId({"RSK-001", "RSK-026", "OPP-001"}, {}, "RSK", 3) == "RSK-027");
  CHECK(NextId({"POL-01", "POL-02"}, {}, "POL", 2) == "POL-03");
  CHECK(NextId({"POL-9"}, {}, "POL", 2) == "POL-10");
}

TEST_CASE("without the type's prefix, the folder's largest numbered series is continued") {
  CHECK(NextId({"ACT-2025-001", "ACT-2025-002", "ACT-2026-001", "ACT-2026-002"}, {}, "ACT", 3) ==
        "ACT-2026-003");
  CHECK(NextId({"A-1", "A-2", "A-3", "B-7", "B-8"}, {}, "X", 2) == "A-4");
  // Mnemonic IDs (PRC-INC) or single numbered ones are no series.
  CHECK(NextId({"PRC-INC", "POL-SM-01", "POL-CHG-01"}, {}, "PRC", 2) == "PRC-01");
  CHECK(NextId({}, {}, "RSK", 3) == "RSK-001");
}

TEST_CASE("an ID taken anywhere in the SMS is skipped") {
  CHECK(NextId({"POL-01"}, {"POL-01", "POL-02"}, "POL", 2) == "POL-03");
  CHECK(NextId({}, {"RSK-001"}, "RSK", 3) == "RSK-002");
}

}  // namespace smsdoc
