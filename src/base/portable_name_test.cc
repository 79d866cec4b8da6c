#include "base/portable_name.h"

#include <doctest/doctest.h>

namespace smsdoc {

TEST_CASE("NameProblem refuses what Windows cannot hold") {
  CHECK(NameProblem("policy.md") == "");
  CHECK(NameProblem("my policy \u00e9t\u00e9.md") == "");
  CHECK(NameProblem("CONTROL.md") == "");  // a device name only as the whole stem
  CHECK(NameProblem("COM10.md") == "");
  CHECK(NameProblem("a.b.c") == "");
  for (const char* c : {":", "?", "|", "*", "<", ">", "\""})
    CHECK(NameProblem(std::string("a") + c + "b.md") ==
          std::string("holds '") + c + "', which Windows refuses in file names");
  CHECK(NameProblem("a\\b.md") == "holds '\\\\', which Windows refuses in file names");
  CHECK(NameProblem("two\nlines.md") ==
        "holds the control character \\n, which Windows refuses in file names");
  CHECK(NameProblem("bell\x07.md") ==
        "holds the control character \\x07, which Windows refuses in file names");
  CHECK(NameProblem("notes.") == "ends in a dot, which Windows drops");
  CHECK(NameProblem("draft.md ") == "ends in a space, which Windows drops");
  for (const char* device : {"CON", "prn", "Aux", "nul.md", "COM1", "com9.txt", "LPT1",
                             "lpt9.tar.gz", "COM0", "NUL .md", "COM\u00b9"})
    CHECK_MESSAGE(NameProblem(device) == "is a device name on Windows, not a file", device);
}

TEST_CASE("PathProblem names the first unportable part") {
  CHECK(PathProblem("policies/forms/a.md") == "");
  CHECK(PathProblem("policies/aux/a.md") ==
        "the folder name 'aux' is a device name on Windows, not a file");
  CHECK(PathProblem("policies/a?.md") ==
        "the file name 'a?.md' holds '?', which Windows refuses in file names");
  CHECK(PathProblem("policies/x\ny/a.md") ==
        "the folder name 'x\\ny' holds the control character \\n, which Windows refuses in file "
        "names");
}

TEST_CASE("PortableKey joins case and Unicode normalisation") {
  CHECK(PortableKey("records/risk/RSK-001.html") == PortableKey("records/risk/rsk-001.html"));
  CHECK(PortableKey("caf\u00e9.md") == PortableKey("cafe\u0301.md"));  // NFC and NFD
  CHECK(PortableKey("CAF\u00c9.md") == PortableKey("cafe\u0301.md"));
  CHECK(PortableKey("\u1ea5.md") == PortableKey("a\u0302\u0301.md"));  // two marks
  CHECK(PortableKey("\u00c4nderung") == PortableKey("\u00e4nderung"));
  CHECK(PortableKey("cafe.md") != PortableKey("caf\u00e9.md"));
  CHECK(PortableKey("RSK-001") != PortableKey("RSK-0001"));
}

TEST_CASE("HowNamesClash says which difference it is") {
  CHECK(HowNamesClash("a.md", "A.md") ==
        "differ only in case, so they are one file on Windows and macOS");
  CHECK(HowNamesClash("caf\u00e9.md", "cafe\u0301.md").find("only in Unicode normalisation") !=
        std::string::npos);
  CHECK(HowNamesClash("CAF\u00c9.md", "cafe\u0301.md").find("case and Unicode normalisation") !=
        std::string::npos);
}

}  // namespace smsdoc
