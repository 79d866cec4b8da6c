#include "import/import_id.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("IDs from file names are ASCII, upper case, one '-' between words") {
  CHECK(IdStem("\xC3\x84nderungsrichtlinie") == "ANDERUNGSRICHTLINIE");
  CHECK(IdStem("Access control  policy (v2)") == "ACCESS-CONTROL-POLICY-V2");
  CHECK(IdStem("stra\xC3\x9f"
               "e_plan") == "STRASSE-PLAN");
  CHECK(IdStem("\xE6\x97\xA5\xE6\x9C\xAC") == "");
}

TEST_CASE("files asking for one ID get their folder, then a number") {
  std::vector<AssignedId> ids = AssignIds({{"DOC-CHANGE", "de"},
                                           {"DOC-CHANGE", "en"},
                                           {"DOC-SCOPE", ""},
                                           {"DOC-X", "a"},
                                           {"DOC-X", "a"}},
                                          {"DOC-SCOPE"});
  REQUIRE(ids.size() == 5);
  CHECK(ids[0].id == "DOC-CHANGE-DE");
  CHECK(ids[1].id == "DOC-CHANGE-EN");
  CHECK(ids[2].id == "DOC-SCOPE-2");
  CHECK(ids[2].how == "numbered, since DOC-SCOPE is in the SMS already");
  CHECK(ids[3].id == "DOC-X-A");
  CHECK(ids[4].id == "DOC-X-A-2");
}

}  // namespace smsdoc
