#include "render/kpi_chart.h"

#include <doctest/doctest.h>

#include <regex>

#include "render/kpi_text.h"
#include "render/labels.h"

namespace smsdoc {

namespace {

Kpi Resolution() {
  Kpi kpi;
  kpi.id = "KPI-INC-01";
  kpi.name = "P1 resolved in 4 h";
  kpi.typed = true;
  kpi.unit = KpiUnit::kPercent;
  kpi.target_value = 95;
  kpi.warning = 90;
  return kpi;
}

KpiSeries Series(std::vector<std::pair<std::string, double>> values, KpiState state) {
  KpiSeries series;
  for (const auto& [period, value] : values) series.points.push_back({-1, period, value, state});
  return series;
}

// The y coordinate a mark of `period` is drawn at (circle cy, or the first
// coordinate pair's y of a path).
double MarkY(const std::string& svg, const std::string& period) {
  std::smatch m;
  std::regex mark("data-period=\"" + period + "\"[^>]*><title>[^<]*</title><(circle|path)[^>]*" +
                  "(?:cy=\"([0-9.]+)\"|d=\"M[0-9.]+ ([0-9.]+))");
  REQUIRE(std::regex_search(svg, m, mark));
  return std::stod(m[2].matched ? m[2].str() : m[3].str());
}

}  // namespace

TEST_CASE("KpiTrendSvg plots each value with its period, higher values higher up") {
  KpiSeries series = Series({{"2026-08", 97}, {"2026-09", 91.5}, {"2026-10", 99}}, KpiState::kMet);
  series.points[1].state = KpiState::kNear;
  std::string svg = KpiTrendSvg(Resolution(), series, EnglishLabels(), 24, false);
  CHECK(svg.find("data-period=\"2026-09\" data-value=\"91.5\"") != std::string::npos);
  CHECK(svg.find("<title>2026-09: 91.5% (near target)</title><path") != std::string::npos);
  CHECK(svg.find("<g class=\"point met\" data-period=\"2026-10\"") != std::string::npos);
  CHECK(MarkY(svg, "2026-10") < MarkY(svg, "2026-08"));
  CHECK(MarkY(svg, "2026-08") < MarkY(svg, "2026-09"));
  CHECK(svg.find("aria-label=\"KPI-INC-01 P1 resolved in 4 h: target 95%, latest 2026-10 99% "
                 "(met)\"") != std::string::npos);
  CHECK(svg.find("<line class=\"target\"") != std::string::npos);
  CHECK(svg.find("<title>warning threshold 90%</title>") != std::string::npos);
}

TEST_CASE("KpiTrendSvg breaks the line at a missing period and marks the gap") {
  KpiSeries series =
      Series({{"2026-07", 96}, {"2026-08", 97}, {"2026-10", 98}, {"2026-11", 96}}, KpiState::kMet);
  series.missing = {"2026-09"};
  std::string svg = KpiTrendSvg(Resolution(), series, EnglishLabels(), 24, false);
  CHECK(svg.find("<g class=\"gap\" data-period=\"2026-09\"><title>2026-09: no measurement") !=
        std::string::npos);
  std::regex polyline("<polyline class=\"trend\" points=\"([^\"]*)\"");
  std::vector<size_t> lengths;
  for (std::sregex_iterator it(svg.begin(), svg.end(), polyline), end; it != end; ++it) {
    std::string points = (*it)[1];
    lengths.push_back(static_cast<size_t>(std::count(points.begin(), points.end(), ',')));
  }
  CHECK(lengths == std::vector<size_t>{2, 2});
}

TEST_CASE("KpiTrendSvg shows the last periods only, each state in its own shape") {
  std::vector<std::pair<std::string, double>> values;
  for (int m = 1; m <= 12; ++m)
    values.push_back({"2025-" + std::string(m < 10 ? "0" : "") + std::to_string(m), 80});
  KpiSeries series = Series(values, KpiState::kMissed);
  std::string svg = KpiTrendSvg(Resolution(), series, EnglishLabels(), 6, true);
  CHECK(svg.find("data-period=\"2025-06\"") == std::string::npos);
  CHECK(svg.find("data-period=\"2025-07\"") != std::string::npos);
  CHECK(svg.find("<circle") == std::string::npos);  // missed values are crosses, never circles
  CHECK(svg.find("class=\"kpi-chart compact\"") != std::string::npos);
  // The latest period is always labelled on the axis.
  CHECK(svg.find("text-anchor=\"middle\">2025-12</text>") != std::string::npos);
}

TEST_CASE("KpiTrendSvg keeps a percentage's axis within 0 to 100") {
  KpiSeries series = Series({{"2026-Q1", 99.9}, {"2026-Q2", 100}}, KpiState::kMet);
  std::string svg = KpiTrendSvg(Resolution(), series, EnglishLabels(), 8, false);
  CHECK(svg.find(">100%</text>") != std::string::npos);
  CHECK(svg.find(">105%</text>") == std::string::npos);
  CHECK(svg.find(">110%</text>") == std::string::npos);
}

TEST_CASE("KpiValueText writes numbers without locale or trailing zeros") {
  CHECK(KpiValueText(95.0, KpiUnit::kPercent, EnglishLabels()) == "95%");
  CHECK(KpiValueText(2.126, KpiUnit::kCount, EnglishLabels()) == "2.13");
  CHECK(KpiValueText(30, KpiUnit::kDuration, EnglishLabels()) == "30 min");
  CHECK(KpiValueText(-0.0001, KpiUnit::kScore, EnglishLabels()) == "0");
}

}  // namespace smsdoc
