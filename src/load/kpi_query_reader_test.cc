#include "load/kpi_query_reader.h"

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

// One typed KPI of `unit` whose `from:` is `from` (on line 18 of the file).
Loaded LoadFrom(const std::string& from, const std::string& unit = "percent") {
  Diagnostics d;
  Config config = ParseConfig(ParseYaml(testing::kConfig, "smsdoc.yaml", 1, d), d);
  auto doc = LoadDocument("processes/p.md",
                          testing::Doc("PRC-P",
                                       "kpis:\n  - id: KPI-P-01\n    name: N\n    unit: " + unit +
                                           "\n    direction: higher\n    target: 1\n"
                                           "    frequency: monthly\n    from: " +
                                           from + "\n",
                                       "Body.\n", "process"),
                          true, config, d);
  Loaded out;
  if (doc) out.kpis = doc->kpis;
  for (const auto& item : d.items()) out.messages.push_back(FormatDiagnostic(item));
  return out;
}

}  // namespace

TEST_CASE("from: reads kind, date, where and the aggregate") {
  Loaded l = LoadFrom(
      "{kind: incident, date: resolved, where: {priority: [P1, P2]}, ratio: {major: true}}");
  REQUIRE(l.messages.empty());
  REQUIRE(l.kpis.at(0).query);
  const KpiQuery& q = *l.kpis[0].query;
  CHECK(q.kind == "incident");
  CHECK(q.date == "resolved");
  CHECK(q.aggregate == KpiAggregate::kRatio);
  CHECK(q.where == FieldFilter{{"priority", {"P1", "P2"}}});
  CHECK(q.ratio == FieldFilter{{"major", {"true"}}});
  CHECK(q.fields.size() == 2);

  Loaded m = LoadFrom("{kind: incident, date: resolved, median: {from: opened, to: resolved}}",
                      "duration");
  REQUIRE(m.messages.empty());
  CHECK(m.kpis.at(0).query->median_from == "opened");
  CHECK(m.kpis.at(0).query->median_to == "resolved");
}

TEST_CASE("every problem of from:'s form is an error at its place") {
  CHECK(LoadFrom("{kind: incident, date: opened}").messages ==
        std::vector<std::string>{"processes/p.md:18:11: error: 'from' needs exactly one of "
                                 "'count', 'ratio' and 'median' [kpi-from]"});
  CHECK(LoadFrom("{kind: incident, date: opened, count: true, median: x}").messages ==
        std::vector<std::string>{"processes/p.md:18:63: error: 'from' needs exactly one of "
                                 "'count', 'ratio' and 'median', got 'count', 'median' "
                                 "[kpi-from]"});
  CHECK(LoadFrom("{kind: incident, date: opened, count: true}").messages ==
        std::vector<std::string>{
            "processes/p.md:18:49: error: 'count' gives a number of records, which the KPI's "
            "'unit: percent' cannot hold: give it 'unit: count' [kpi-from]"});
  CHECK(LoadFrom("{kind: incident, dat: opened, ratio: [x]}").messages ==
        std::vector<std::string>{
            "processes/p.md:18:28: error: unknown key 'dat' in 'from' (did you mean 'date'?) "
            "[kpi-from]",
            "processes/p.md:18:11: error: missing required field 'date' [field-missing]",
            "processes/p.md:18:48: error: 'ratio' must map fields to the values that select a "
            "record, e.g. '{resolved_within_sla: true}' [kpi-from]"});
  CHECK_FALSE(LoadFrom("[incident]").kpis.at(0).query);
}

}  // namespace smsdoc
