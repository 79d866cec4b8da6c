#include "load/clause_catalogue.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("the catalogue holds clauses 4 to 10 of the 2018 edition") {
  CHECK(ClauseCatalogue().front().id == "4");
  CHECK(ClauseCatalogue().back().id == "10.2");
  REQUIRE(FindClause("8.5.1.1"));
  CHECK(FindClause("8.5.1.1")->title == "Change management policy");
  CHECK_FALSE(FindClause("8.15"));
}

TEST_CASE("a sub-clause counts for its parents, never the other way round") {
  CHECK(CoversClause("8.5.1", "8.5"));
  CHECK(CoversClause("8.5.1", "8"));
  CHECK(CoversClause("8.5", "8.5"));
  CHECK_FALSE(CoversClause("8.5", "8.5.1"));
  CHECK_FALSE(CoversClause("8.51", "8.5"));
  CHECK_FALSE(CoversClause("10.1", "1"));
}

TEST_CASE("numbers of the 2011 edition are recognised") {
  CHECK(LooksLike2011Clause("4.5.2"));
  CHECK(LooksLike2011Clause("8.15"));
  CHECK(LooksLike2011Clause("6.6.1"));
  CHECK_FALSE(LooksLike2011Clause("8.5.4"));  // unknown, but not 2011-shaped
  CHECK_FALSE(LooksLike2011Clause("6.1"));    // a 2018 clause
  CHECK_FALSE(LooksLike2011Clause("10.2"));
  CHECK(LooksLike2011Clause("6.6"));          // 2011: information security management
  CHECK_FALSE(LooksLike2011Clause("10.10"));  // the 2011 edition stopped at 9
}

}  // namespace smsdoc
