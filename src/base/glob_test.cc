#include "base/glob.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("GlobMatch: '*' and '?' stay within one name, '**' spans folders") {
  CHECK(GlobMatch("records/itsm/incidents*.csv", "records/itsm/incidents-2026.csv"));
  CHECK(GlobMatch("records/itsm/incidents*.csv", "records/itsm/incidents.csv"));
  CHECK_FALSE(GlobMatch("records/itsm/incidents*.csv", "records/itsm/changes.csv"));
  CHECK_FALSE(GlobMatch("records/*.csv", "records/itsm/incidents.csv"));
  CHECK(GlobMatch("records/**/*.csv", "records/itsm/incidents.csv"));
  CHECK(GlobMatch("records/**/*.csv", "records/incidents.csv"));
  CHECK(GlobMatch("records/**", "records/a/b/c.csv"));
  CHECK(GlobMatch("records/itsm/cis-?.csv", "records/itsm/cis-1.csv"));
  CHECK_FALSE(GlobMatch("records/itsm/cis-?.csv", "records/itsm/cis-12.csv"));
  CHECK_FALSE(GlobMatch("records/itsm", "records/itsm/a.csv"));
}

}  // namespace smsdoc
