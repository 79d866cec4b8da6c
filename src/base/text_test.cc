#include "base/text.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

namespace smsdoc {

TEST_CASE("EditDistance ignores case and counts a swap as one edit") {
  CHECK(EditDistance("build", "biuld") == 1);
  CHECK(EditDistance("kitten", "sitting") == 3);
  CHECK(EditDistance("PRC-CHG", "prc-chg") == 0);
  CHECK(EditDistance("", "abc") == 3);
  // Bounded: the true distance up to the limit, limit + 1 beyond it.
  CHECK(EditDistance("kitten", "sitting", 3) == 3);
  CHECK(EditDistance("kitten", "sitting", 2) == 3);
  CHECK(EditDistance("POL-00001", "PRC-77777", 1) == 2);
  CHECK(EditDistance("abcd", "badc", 2) == 2);  // two swaps, the early exit must not cut them
  CHECK(EditDistance("ab", "ba", 1) == 1);
}

TEST_CASE("EditDistance counts code points, not bytes") {
  CHECK(EditDistance("POL\u201001", "POL-01") == 1);  // a Unicode hyphen for '-'
  CHECK(EditDistance("RL-\u00c4NDERUNG", "RL-ANDERUNG") == 1);
  CHECK(EditDistance("\u00c4nderung", "\u00e4NDERUNG") == 0);  // case of Latin letters too
  CHECK(EditDistance("\u00e9t\u00e9", "\u00e9te") == 1);
  CHECK(EditDistance("ab\u00e9", "a\u00e9b") == 1);  // a swap across a two-byte letter
  CHECK(EditDistance("\u00e9\u00e9\u00e9\u00e9", "abcd", 2) == 3);
}

TEST_CASE("ClosestMatch's shortcuts never change its answer") {
  // Many IDs of one shape, where the pruning does its work: the answer
  // must be the closest candidate within the limit, first on ties.
  std::mt19937 rng(7);
  auto id = [&](int digits) {
    std::string s = "RSK-";
    for (int i = 0; i < digits; ++i) s += static_cast<char>('0' + rng() % 10);
    if (rng() % 4 == 0) s[rng() % s.size()] = "abXY-"[rng() % 5];
    return s;
  };
  std::vector<std::string> ids;
  for (int i = 0; i < 3000; ++i) ids.push_back(id(4 + static_cast<int>(rng() % 4)));
  std::sort(ids.begin(), ids.end());
  int suggested = 0;
  for (int i = 0; i < 300; ++i) {
    std::string word = id(4 + static_cast<int>(rng() % 4));
    int limit = std::max<int>(1, static_cast<int>(word.size()) / 4), best = limit + 1;
    std::optional<std::string> expected;
    for (const auto& c : ids)
      if (int d = EditDistance(word, c); d < best) best = d, expected = c;
    if (!expected) continue;  // the prefix fallback is not pruned
    ++suggested;
    CHECK(ClosestMatch(word, ids) == expected);
  }
  CHECK(suggested > 200);
}

TEST_CASE("ClosestMatch suggests only likely typos") {
  std::vector<std::string> ids = {"PRC-CHG", "PRC-INC", "POL-SM-01"};
  CHECK(ClosestMatch("PRC-CHNG", ids) == "PRC-CHG");
  CHECK_FALSE(ClosestMatch("TOTALLY-DIFFERENT", ids).has_value());
  CHECK(DidYouMean("PRC-INK", ids) == " (did you mean 'PRC-INC'?)");
  CHECK(DidYouMean("zzzzzzzz", ids).empty());
  CHECK(DidYouMean("cab", {"ceo"}).empty());  // two edits in three letters: no
  CHECK(DidYouMean("policy", {"policies", "processes"}) == " (did you mean 'policies'?)");
  CHECK(DidYouMean("policies/release-policy.md", {"policies/policy.md"}).empty());
  // Lengths in code points: a six-character ID allows one edit, and the
  // three-byte hyphen does not push 'POL-01' out of reach.
  CHECK(DidYouMean("POL\u201001", {"POL-01", "POL-02"}) == " (did you mean 'POL-01'?)");
  CHECK(DidYouMean("POL-01", {"P\u00d6L-01"}) == " (did you mean 'P\u00d6L-01'?)");
  CHECK(DidYouMean("POL\u2010\u201001", {"POL-01"}).empty());  // two edits in seven
}

TEST_CASE("Slugify follows GitHub's heading anchors") {
  CHECK(Slugify("Roles and responsibilities") == "roles-and-responsibilities");
  CHECK(Slugify("8.5.1 Change (policy)!") == "851-change-policy");
  CHECK(Slugify("snake_case stays") == "snake_case-stays");
  CHECK(Slugify("\xC3\x9C"
                "ber uns \xE2\x80\x94 \xE2\x80\x9Cquotes\xE2\x80\x9D") ==
        "\xC3\xBC"
        "ber-uns--quotes");  // "Über uns — “quotes”" -> "über-uns--quotes"
  CHECK(Slugify("\xD0\x9F\xD0\xBB\xD0\xB0\xD0\xBD") == "\xD0\xBF\xD0\xBB\xD0\xB0\xD0\xBD");  // План
  CHECK(Slugify("Caf\xC3\xA9 \xE2\x82\xAC"
                "5") == "caf\xC3\xA9-5");  // euro sign dropped
}

TEST_CASE("IsValidDate accepts real calendar days only") {
  CHECK(IsValidDate("2026-02-28"));
  CHECK(IsValidDate("2024-02-29"));
  CHECK_FALSE(IsValidDate("2026-02-29"));
  CHECK_FALSE(IsValidDate("2026-02-30"));
  CHECK_FALSE(IsValidDate("2026-13-01"));
  CHECK_FALSE(IsValidDate("01/02/2026"));
  CHECK_FALSE(IsValidDate("2026-1-01"));
}

TEST_CASE("NormalizeRelativePath refuses to climb out") {
  CHECK(NormalizeRelativePath("policies/../processes/./chg.md") == "processes/chg.md");
  CHECK_FALSE(NormalizeRelativePath("policies/../../etc/passwd").has_value());
}

TEST_CASE("RelativeUrl climbs from the page's folder and encodes") {
  CHECK(RelativeUrl("index.html", "policies/a.html") == "policies/a.html");
  CHECK(RelativeUrl("records/risk/R-1.html", "policies/a.html", "x") == "../../policies/a.html#x");
  CHECK(RelativeUrl("a.html", "my file.pdf") == "my%20file.pdf");
  CHECK(RelativeUrl("a.html", "a#b.pdf", "page=2") == "a%23b.pdf#page%3D2");
  CHECK(RelativeUrl("p/a.html", "p/x.html", "caf\xC3\xA9") == "x.html#caf%C3%A9");
  CHECK(RelativeUrl("records/risk/index.html", "records/risk/R-1.html") == "R-1.html");
  CHECK(RelativeUrl("records/risk/R-1.html", "records/action/A-1.html") == "../action/A-1.html");
  CHECK(RelativeUrl("policies/a.html", "") == "../");
  // A page URL with its fragment (an imported record's register row).
  CHECK(RelativeUrl("policies/a.html", "records/incident.html#INC-1") ==
        "../records/incident.html#INC-1");
  CHECK(RelativeUrl("records/incident.html", "records/incident.html#INC-1") ==
        "incident.html#INC-1");
  CHECK(RelativeUrl("a.html", "c#.html") == "c%23.html");  // a file's own '#'
  CHECK(RelativeUrl("a.html", "x.html#y.html") == "x.html%23y.html");
}

TEST_CASE("HtmlEscape escapes markup and quotes") {
  CHECK(HtmlEscape("<img src=x onerror='a'>&\"") ==
        "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
}

}  // namespace smsdoc

namespace smsdoc {

TEST_CASE("Shorten cuts long UTF-8 text on a character boundary") {
  CHECK(Shorten("short", 10) == "short");
  CHECK(Shorten("abcdefghij", 5) == "abcd\xE2\x80\xA6");
  CHECK(Shorten("ab\xC3\xA9"
                "cd",
                4) == "ab\xE2\x80\xA6");  // not inside the é
}

TEST_CASE("UTF-8 text is counted and cut by characters") {
  CHECK(Utf8Head("a\xC3\xA9"
                 "b",
                 2) == "a\xC3\xA9");
  CHECK(Utf8Head("ab", 5) == "ab");
  CHECK(Utf8Head("ab", 0).empty());
}

TEST_CASE("a URL part keeps what its author wrote, encoding only what no URL holds") {
  CHECK(UrlAsWritten("#page=3") == "#page=3");
  CHECK(UrlAsWritten("?x=1&y=%20#top") == "?x=1&y=%20#top");
  CHECK(UrlAsWritten("?q=a b&c=\xC3\xA9") == "?q=a%20b&c=%C3%A9");
  CHECK(UrlAsWritten("#x\"<y>") == "#x%22%3Cy%3E");
}

}  // namespace smsdoc
