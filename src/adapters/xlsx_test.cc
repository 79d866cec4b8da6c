#include "adapters/xlsx.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "adapters/zip.h"

namespace smsdoc {

namespace fs = std::filesystem;

TEST_CASE("column letters") {
  CHECK(ColumnLetters(0) == "A");
  CHECK(ColumnLetters(25) == "Z");
  CHECK(ColumnLetters(26) == "AA");
  CHECK(ColumnLetters(701) == "ZZ");
}

TEST_CASE("wrapped lines: words at the column width, newlines, long words, characters") {
  CHECK(WrappedLines("", 10) == 1);
  CHECK(WrappedLines("short", 10) == 1);
  CHECK(WrappedLines("aaaa bbbb", 10) == 1);           // 9 characters fit in 10 - 1
  CHECK(WrappedLines("aaaa bbbbb", 10) == 2);          // 10 do not
  CHECK(WrappedLines("one\ntwo\n\nfour", 40) == 4);    // a blank line is a line
  CHECK(WrappedLines(std::string(20, 'x'), 10) == 3);  // 9 + 9 + 2
  CHECK(WrappedLines("a " + std::string(20, 'x'), 10) == 4);
  CHECK(WrappedLines("\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9", 6) ==
        1);  // 5 characters, 10 bytes
}

TEST_CASE("a register is an Excel Table, unless the workbook must stream") {
  std::string tmpl = (fs::temp_directory_path() / "smsdoc-xlsx-XXXXXX").string();
  fs::path tmp = mkdtemp(tmpl.data());
  auto parts = [&](size_t rows) {
    Workbook wb;
    wb.title = "Register";
    wb.created = "2026-11-21";
    Sheet s;
    s.name = "Risks";
    s.columns = {{"ID"}, {"Score"}};
    s.columns[1].table_formula = "=[@[ID]]&\"\"";
    s.row_count = rows;
    s.row_at = [](size_t r) { return std::vector<Cell>{Cell::Text("R" + std::to_string(r))}; };
    wb.sheets.push_back(s);
    fs::path path = tmp / ("rows-" + std::to_string(rows) + ".xlsx");
    CHECK(WriteXlsx(wb, path.string(), tmp.string()) == "");
    std::map<std::string, std::string> out;
    CHECK(ReadZip(path, [&](const std::string& name, const std::string& bytes) {
            out[name] = bytes;
          }) == "");
    return out;
  };
  auto small = parts(kTableRows);
  REQUIRE(small.count("xl/tables/table1.xml"));
  CHECK(small["xl/tables/table1.xml"].find("name=\"Risks\"") != std::string::npos);
  // The Table's formula names its Table, as Excel writes it.
  CHECK(small["xl/tables/table1.xml"].find("Risks[[#This Row],[ID]]") != std::string::npos);
  CHECK(small["xl/worksheets/sheet1.xml"].find("<autoFilter") == std::string::npos);
  auto big = parts(kTableRows + 1);  // constant-memory mode: no Tables
  CHECK(big.count("xl/tables/table1.xml") == 0);
  CHECK(big["xl/worksheets/sheet1.xml"].find("<autoFilter") != std::string::npos);
  fs::remove_all(tmp);
}

TEST_CASE("any sheet names are made valid and unique; the bytes repeat") {
  std::string tmpl = (fs::temp_directory_path() / "smsdoc-xlsx-XXXXXX").string();
  fs::path tmp = mkdtemp(tmpl.data());
  Workbook wb;
  wb.title = "Suppliers & partners";
  wb.created = "2026-11-21";
  for (const char* name : {"Contracts [2026]: a/b?", "contracts [2026]: a/b?", "'quoted'", "",
                           "A very long register name that does not fit"}) {
    Sheet s;
    s.name = name;
    s.columns = {{"ID"}};
    s.rows = {{Cell::Text("=1+1")}};
    wb.sheets.push_back(s);
  }
  CHECK(WriteXlsx(wb, (tmp / "a.xlsx").string(), tmp.string()) == "");
  CHECK(WriteXlsx(wb, (tmp / "b.xlsx").string(), tmp.string()) == "");
  auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  };
  CHECK(bytes(tmp / "a.xlsx").size() > 1000);
  CHECK(bytes(tmp / "a.xlsx") == bytes(tmp / "b.xlsx"));
  CHECK(std::distance(fs::directory_iterator(tmp), fs::directory_iterator()) ==
        2);  // no temp files left
  fs::remove_all(tmp);
}

}  // namespace smsdoc
