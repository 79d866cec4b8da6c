#include "load/measurement_loader.h"

#include <doctest/doctest.h>

#include "load/kinds_loader.h"
#include "load/record_loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

std::vector<std::string> Messages(const Diagnostics& d) {
  std::vector<std::string> out;
  for (const auto& item : d.items()) out.push_back(FormatDiagnostic(item));
  return out;
}

}  // namespace

TEST_CASE("a measurements CSV file loads each row with its cells' positions") {
  Diagnostics d;
  auto rows = LoadMeasurementsCsv("records/m.csv",
                                  "period,kpi,value,comment\r\n"
                                  "2026-01,KPI-1,97.5,\"quiet, month\"\r\n"
                                  "2026-02,KPI-1,4h,\r\n",
                                  d);
  CHECK(d.items().empty());
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].kpi == "KPI-1");
  CHECK(rows[0].period == "2026-01");
  CHECK(rows[0].value == 97.5);
  CHECK(rows[0].comment == "quiet, month");
  CHECK(rows[0].pos.line == 2);
  CHECK(rows[0].value_pos.col == 15);
  CHECK(rows[1].value == 240);
  CHECK(rows[1].value_text == "4h");
}

TEST_CASE("every bad cell and column of a CSV file is reported where it is") {
  Diagnostics d;
  auto rows = LoadMeasurementsCsv("records/m.csv", "kpi,perod,value,note\nK,2026-01,1\n", d);
  CHECK(rows.empty());
  CHECK(Messages(d) == std::vector<std::string>{
                           "records/m.csv:1:5: error: unknown column 'perod' (did you mean "
                           "'period'?); the columns are kpi, period, value, comment, source "
                           "[csv-column]",
                           "records/m.csv:1:17: error: unknown column 'note'; the columns are "
                           "kpi, period, value, comment, source [csv-column]",
                           "records/m.csv:1:1: error: missing required column 'period' "
                           "[csv-column]"});
  Diagnostics rows_d;
  rows = LoadMeasurementsCsv("records/m.csv",
                             "kpi,period,value\nK,2026-01,high\nK,,5\nK,2026-03\n\"K,2026-04,1\n",
                             rows_d);
  CHECK(rows.empty());
  CHECK(Messages(rows_d) ==
        std::vector<std::string>{
            "records/m.csv:5:1: error: this quoted field is never closed [csv-syntax]",
            "records/m.csv:2:11: error: 'value' must be a number (or a duration like 4h or 30m), "
            "got 'high' [measurement-value]",
            "records/m.csv:3:3: error: missing required field 'period' of a measurement "
            "[field-missing]",
            "records/m.csv:4:1: error: this row has 2 cells, the header 3 columns [csv-column]",
            "records/m.csv:5:1: error: this row has 1 cell, the header 3 columns [csv-column]"});
}

TEST_CASE("kind: measurement entries of a records file are measurements, not records") {
  Diagnostics d;
  bool complete = false;
  std::vector<Measurement> measurements;
  auto records = LoadRecords("records/m.yaml",
                             "- kind: measurement\n  kpi: KPI-1\n  period: 2026-Q1\n  value: 3\n"
                             "  source: desk\n"
                             "- kind: measurement\n  kpi: KPI-1\n  period: 2026-Q2\n  vaue: 3\n",
                             Config{}, BuiltinKinds(), d, complete, &measurements);
  CHECK(records.empty());
  CHECK(complete);
  REQUIRE(measurements.size() == 1);
  CHECK(measurements[0].period == "2026-Q1");
  CHECK(measurements[0].source == "desk");
  CHECK(measurements[0].pos.line == 1);
  CHECK(Messages(d) ==
        std::vector<std::string>{"records/m.yaml:9:3: error: unknown field 'vaue' of a measurement "
                                 "(did you mean 'value'?) [field-unknown]",
                                 "records/m.yaml:6:3: error: missing required field 'value' of a "
                                 "measurement [field-missing]"});
}

}  // namespace smsdoc
