#include "base/id_text.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("IDs are made of ASCII character by character, never byte by byte") {
  CHECK(IdCharacters("RL-\u00c4NDERUNG") == "RL-ANDERUNG");  // not RL---NDERUNG
  CHECK(IdCharacters("\u00e9t\u00e9") == "ete");
  CHECK(IdCharacters("Ae\u0301") == "Ae");  // a combining accent vanishes
  CHECK(IdCharacters("Stra\u00dfe") == "Strasse");
  CHECK(IdCharacters("\u00c6sir \u00d8st") == "AEsir-Ost");
  CHECK(IdCharacters("POL/01 a_b.c") == "POL-01-a_b.c");
  CHECK(IdCharacters("POL\u201001") == "POL-01");  // a Unicode hyphen
  CHECK(IdCharacters("\u65e5\u672c") == "--");     // other scripts: one '-' each
}

}  // namespace smsdoc
