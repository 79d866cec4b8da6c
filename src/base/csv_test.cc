#include "base/csv.h"

#include <doctest/doctest.h>

#include <ctime>

namespace smsdoc {

namespace {

std::vector<std::string> Texts(const std::vector<CsvCell>& row) {
  std::vector<std::string> out;
  for (const auto& c : row) out.push_back(c.text);
  return out;
}

}  // namespace

TEST_CASE("ParseCsv reads plain rows with each cell's line and column") {
  CsvTable t = ParseCsv("kpi,period,value\nKPI-1,2026-01,97.5\n");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.problems.empty());
  CHECK(Texts(t.rows[1]) == std::vector<std::string>{"KPI-1", "2026-01", "97.5"});
  CHECK(t.rows[1][1].pos.line == 2);
  CHECK(t.rows[1][1].pos.col == 7);
  CHECK(t.rows[1][2].pos.col == 15);
}

TEST_CASE("ParseCsv unquotes fields, doubled quotes and embedded newlines") {
  CsvTable t = ParseCsv("a,\"say \"\"hi\"\", ok\",\"two\nlines\",z\r\nnext,\"\",end");
  REQUIRE(t.rows.size() == 2);
  CHECK(t.problems.empty());
  CHECK(Texts(t.rows[0]) == std::vector<std::string>{"a", "say \"hi\", ok", "two\nlines", "z"});
  CHECK(t.rows[0][3].pos.line == 2);  // after the newline inside the quotes
  CHECK(t.rows[0][3].pos.col == 8);
  CHECK(t.rows[1][0].pos.line == 3);
  CHECK(Texts(t.rows[1]) == std::vector<std::string>{"next", "", "end"});
}

TEST_CASE("ParseCsv skips a byte order mark and blank lines, keeps empty cells") {
  CsvTable t = ParseCsv("\xEF\xBB\xBFkpi,value\r\n\r\nK,\n,\n");
  REQUIRE(t.rows.size() == 3);
  CHECK(t.rows[0][0].text == "kpi");
  CHECK(t.rows[0][0].pos.col == 1);
  CHECK(t.rows[1][0].pos.line == 3);
  CHECK(Texts(t.rows[1]) == std::vector<std::string>{"K", ""});
  CHECK(Texts(t.rows[2]) == std::vector<std::string>{"", ""});
  CHECK(ParseCsv("a,b,").rows[0].size() == 3);
  CHECK(ParseCsv("a\rb").rows.size() == 2);  // a lone CR ends a line too
}

TEST_CASE("ParseCsv reports every syntax problem where it is and reads on") {
  CsvTable t = ParseCsv("a,b\"c,d\n\"x\"y,z\n\"open,end");
  REQUIRE(t.problems.size() == 3);
  CHECK(t.problems[0].pos.line == 1);
  CHECK(t.problems[0].pos.col == 4);
  CHECK(t.problems[1].pos.line == 2);
  CHECK(t.problems[1].pos.col == 4);
  CHECK(t.problems[2].pos.line == 3);
  CHECK(t.problems[2].pos.col == 1);
  CHECK(t.problems[2].message == "this quoted field is never closed");
  CHECK(t.rows[1][0].text == "xy");
  CHECK(t.rows[1][1].text == "z");
}

TEST_CASE("ParseCsv reads 10,000 rows quickly") {
  std::string text = "kpi,period,value,comment,source\n";
  for (int i = 0; i < 10000; ++i)
    text += "KPI-INC-01,2026-01," + std::to_string(i) + ",\"a, quoted \"\"note\"\"\",desk\n";
  // Processor time, not wall time: other builds on the machine do not count.
  std::clock_t start = std::clock();
  CsvTable t = ParseCsv(text);
  double ms = 1000.0 * static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
  CHECK(t.rows.size() == 10001);
  CHECK(t.rows[10000][3].text == "a, quoted \"note\"");
  CHECK(ms < 100);
}

}  // namespace smsdoc
