#include "load/kpi_reader.h"

#include <doctest/doctest.h>

#include "adapters/yaml.h"
#include "load/config_loader.h"
#include "load/document_loader.h"
#include "test_support.h"

namespace smsdoc {

namespace {

struct Loaded {
  std::vector<Kpi> kpis;
  std::vector<std::string> messages;
};

Loaded LoadKpis(const std::string& rows) {
  Diagnostics d;
  Config config = ParseConfig(ParseYaml(testing::kConfig, "smsdoc.yaml", 1, d), d);
  auto doc =
      LoadDocument("processes/p.md", testing::Doc("PRC-P", "kpis:\n" + rows, "Body.\n", "process"),
                   true, config, d);
  Loaded out;
  if (doc) out.kpis = doc->kpis;
  for (const auto& item : d.items()) out.messages.push_back(FormatDiagnostic(item));
  return out;
}

}  // namespace

TEST_CASE("a typed KPI loads every field") {
  Loaded l = LoadKpis(
      "  - {id: KPI-P-01, name: Resolved, unit: percent, direction: higher, target: 95,\n"
      "     warning: 90, frequency: Monthly, services: [Hosting, Backup]}\n"
      "  - {id: KPI-P-02, name: P2 time, unit: duration, direction: lower, target: 4h,\n"
      "     warning: 5h, frequency: quarterly}\n");
  REQUIRE(l.messages.empty());
  REQUIRE(l.kpis.size() == 2);
  const Kpi& k = l.kpis[0];
  CHECK(k.typed);
  CHECK(k.id == "KPI-P-01");
  CHECK(k.unit == KpiUnit::kPercent);
  CHECK(k.direction == KpiDirection::kHigher);
  CHECK(k.target_value == 95);
  CHECK(*k.warning == 90);
  CHECK(k.cadence == Frequency::kMonthly);
  CHECK(k.services == std::vector<std::string>{"Hosting", "Backup"});
  CHECK(k.pos.line == 12);
  CHECK(l.kpis[1].target_value == 240);
  CHECK(*l.kpis[1].warning == 300);
  CHECK(l.kpis[1].direction == KpiDirection::kLower);
  CHECK(l.kpis[1].cadence == Frequency::kQuarterly);
}

TEST_CASE("a typed KPI's fields are checked where they stand") {
  Loaded l = LoadKpis(
      "  - {id: KPI-P-01, name: A, unit: percnt, direction: higher, target: 95, frequency: "
      "Montly}\n"
      "  - {id: KPI-P-02, name: B, unit: percent, direction: up, target: 120, frequency: "
      "yearly}\n"
      "  - {id: KPI-P-03, name: C, unit: count, direction: lower, target: 2, warning: 1, "
      "frequency: yearly}\n"
      "  - {id: KPI-P-04, name: D, unit: count, direction: lower, frequency: yearly}\n");
  std::vector<std::string> expected = {
      "processes/p.md:12:35: error: 'unit' must be one of percent, count, duration, currency, "
      "score; got 'percnt' (did you mean 'percent'?) [field-enum]",
      "processes/p.md:12:85: error: 'frequency' must be one of monthly, quarterly, yearly; got "
      "'Montly' (did you mean 'monthly'?) [field-enum]",
      "processes/p.md:13:55: error: 'direction' must be one of higher, lower; got 'up' "
      "[field-enum]",
      "processes/p.md:13:67: error: 'target' must be a percentage 0..100, got '120' [kpi-target]",
      "processes/p.md:14:80: error: 'warning' must lie on the worse side of the target (above 2, "
      "since lower is better), got '1' [kpi-target]",
      "processes/p.md:15:5: error: missing required field 'target' [field-missing]"};
  CHECK(l.messages == expected);
}

TEST_CASE("the free-text form loads with a kpi-untyped warning naming the keys") {
  Loaded l = LoadKpis("  - {name: Resolved in time, target: \"95%\", frequency: Weekly}\n");
  REQUIRE(l.kpis.size() == 1);
  CHECK(!l.kpis[0].typed);
  CHECK(l.kpis[0].target == "95%");
  CHECK(l.kpis[0].frequency == "Weekly");
  REQUIRE(l.messages.size() == 1);
  CHECK(l.messages[0].find("warning: KPI 'Resolved in time' is free text") != std::string::npos);
  CHECK(l.messages[0].find("'unit' (percent, count, duration, currency, score)") !=
        std::string::npos);
  CHECK(l.messages[0].find("[kpi-untyped]") != std::string::npos);
}

TEST_CASE("ParseKpiValue fits a value to its unit") {
  std::string why;
  CHECK(*ParseKpiValue("97.5", KpiUnit::kPercent, why) == 97.5);
  CHECK(*ParseKpiValue("97.5%", KpiUnit::kPercent, why) == 97.5);
  CHECK(!ParseKpiValue("100.1", KpiUnit::kPercent, why));
  CHECK(why == "must be a percentage 0..100");
  CHECK(*ParseKpiValue("3", KpiUnit::kCount, why) == 3);
  CHECK(!ParseKpiValue("2.5", KpiUnit::kCount, why));
  CHECK(!ParseKpiValue("-1", KpiUnit::kCount, why));
  CHECK(*ParseKpiValue("4h", KpiUnit::kDuration, why) == 240);
  CHECK(*ParseKpiValue("1h30m", KpiUnit::kDuration, why) == 90);
  CHECK(*ParseKpiValue("2d", KpiUnit::kDuration, why) == 2880);
  CHECK(*ParseKpiValue("45", KpiUnit::kDuration, why) == 45);
  CHECK(!ParseKpiValue("30m4h", KpiUnit::kDuration, why));  // largest unit first
  CHECK(!ParseKpiValue("4h", KpiUnit::kScore, why));
  CHECK(*ParseKpiValue("-1200.50", KpiUnit::kCurrency, why) == -1200.5);
  CHECK(!ParseKpiValue("nan", KpiUnit::kScore, why));
  CHECK(*ParseMeasuredValue("4h") == 240);
  CHECK(*ParseMeasuredValue("96%") == 96);
  CHECK(!ParseMeasuredValue("high"));
}

}  // namespace smsdoc
