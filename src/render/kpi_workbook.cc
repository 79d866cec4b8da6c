// The KPI register (9.1): every measurement, and per process a sheet with a
// native line chart per KPI against its target.
#include <map>
#include <string>

#include "adapters/xlsx.h"
#include "base/text.h"
#include "model/urls.h"
#include "render/workbook_builder.h"

namespace smsdoc {

namespace {

const char* UnitName(KpiUnit unit) {
  switch (unit) {
    case KpiUnit::kPercent: return "percent";
    case KpiUnit::kCount: return "count";
    case KpiUnit::kDuration: return "duration (minutes)";
    case KpiUnit::kCurrency: return "currency";
    case KpiUnit::kScore: return "score";
  }
  return "";
}

const char* FrequencyName(Frequency f) {
  switch (f) {
    case Frequency::kMonthly: return "monthly";
    case Frequency::kQuarterly: return "quarterly";
    case Frequency::kYearly: return "yearly";
  }
  return "";
}

// The state of the value in `value` against the target and warning cells,
// as a formula, so it follows an edit of any of them: met, near or missed.
std::string StateFormula(const std::string& value, const std::string& target,
                         const std::string& warning, KpiDirection direction) {
  const char* at_least = direction == KpiDirection::kLower ? "<=" : ">=";
  return "=IF(" + value + "=\"\",\"\",IF(" + value + at_least + target + ",\"met\",IF(AND(" +
         warning + "<>\"\"," + value + at_least + warning + "),\"near\",\"missed\")))";
}

// The word of a state, as the state formula writes it.
const char* StateWord(KpiState state) {
  switch (state) {
    case KpiState::kMet: return "met";
    case KpiState::kNear: return "near";
    case KpiState::kMissed: return "missed";
  }
  return "";
}

Cell Optional(const std::optional<double>& v) { return v ? Cell::Number(*v) : Cell{}; }

// Colours for the state column `column` (its letter `letter`); the word
// says it without colour.
std::vector<Highlight> StateColours(int column, const std::string& letter) {
  return {{column, "=$" + letter + "2=\"met\"", kGreen},
          {column, "=$" + letter + "2=\"near\"", RegisterRules::kSoon},
          {column, "=$" + letter + "2=\"missed\"", RegisterRules::kLate}};
}

Cell StateCell(const std::string& formula, const std::string& result) {
  Cell c;
  c.type = Cell::Type::kFormula;
  c.text = formula;
  c.text_result = true;
  c.result = result;
  return c;
}

}  // namespace

Workbook WorkbookBuilder::KpiRegister() const {
  Workbook wb = NewWorkbook(kKpiRegister, "KPI register");
  const Corpus& corpus = *graph_.corpus;

  Sheet kpis;
  kpis.name = "KPIs";
  kpis.columns = {{"ID", 14},
                  {"KPI", 36, true},
                  {"Process", 12},
                  {"Unit", 12},
                  {"Better", 8},
                  {"Target", 9},
                  {"Warning", 9},
                  {"Frequency", 11},
                  {"Services", 22, true},
                  {"Latest period", 11},
                  {"Latest value", 10},
                  {"State", 9},
                  {"Missed in a row", 9},
                  {"Not measured", 22, true}};
  kpis.highlights = StateColours(11, "L");

  Sheet all;
  all.name = "Measurements";
  all.columns = {{"KPI", 14},
                 {"Process", 12},
                 {"Period", 10},
                 {"Value", 10},
                 {"Target", 9},
                 {"Warning", 9},
                 {"State", 9},
                 {"Unit", 12},
                 {"Comment", 40, true},
                 {"Source", 20, true},
                 {"Recorded in", 30, true}};
  all.columns[3].table_formula = "";  // values are typed numbers
  all.highlights = StateColours(6, "G");

  // Per process, its KPIs' series one after the other (every period of the
  // axis, a blank value where none was measured), and a chart per KPI.
  std::map<int, Sheet> by_process;
  for (const KpiSeries& series : analysis_.kpis) {
    const Document& process = corpus.documents[series.document];
    const Kpi& kpi = process.kpis[series.kpi];
    std::string latest_period, state;
    Cell latest_value;
    if (!series.points.empty()) {
      const KpiPoint& p = series.points.back();
      latest_period = p.period;
      latest_value = Cell::Number(p.value);
      state = StateWord(p.state);
    }
    std::vector<Cell> row = {Cell::Text(kpi.id),
                             Cell::Text(kpi.name),
                             Cell::Text(process.id),
                             Cell::Text(UnitName(kpi.unit)),
                             Cell::Text(kpi.direction == KpiDirection::kLower ? "lower" : "higher"),
                             Cell::Number(kpi.target_value),
                             Optional(kpi.warning),
                             Cell::Text(FrequencyName(kpi.cadence)),
                             Cell::Text(Join(kpi.services, ", ")),
                             Cell::Text(latest_period),
                             latest_value,
                             Cell::Text(state),
                             Cell::Number(series.missed_in_a_row),
                             Cell::Text(Join(series.missing, ", "))};
    kpis.rows.push_back(std::move(row));

    for (const KpiPoint& p : series.points) {
      const Measurement& m = corpus.measurements[p.measurement];
      std::string r = std::to_string(all.rows.size() + 2);
      all.rows.push_back(
          {Cell::Text(kpi.id), Cell::Text(process.id), Cell::Text(p.period), Cell::Number(p.value),
           Cell::Number(kpi.target_value), Optional(kpi.warning),
           StateCell(StateFormula("D" + r, "E" + r, "F" + r, kpi.direction), StateWord(p.state)),
           Cell::Text(UnitName(kpi.unit)), Cell::Text(m.comment), Cell::Text(m.source),
           Cell::Text(m.path + ":" + std::to_string(m.pos.line))});
    }

    Sheet& sheet = by_process[series.document];
    if (sheet.name.empty()) {
      sheet.name = process.id + " " + process.title;
      sheet.columns = {{"KPI", 14},   {"Period", 10}, {"Value", 10},
                       {"Target", 9}, {"Warning", 9}, {"State", 9}};
      sheet.highlights = StateColours(5, "F");
    }
    std::map<std::string, const KpiPoint*> axis;
    for (const auto& p : series.points) axis[p.period] = &p;
    for (const auto& missing : series.missing) axis.emplace(missing, nullptr);
    Chart chart;
    chart.title = kpi.id + " " + kpi.name;
    chart.y_axis = UnitName(kpi.unit);
    chart.first_row = static_cast<int>(sheet.rows.size());
    chart.category_column = 1;
    chart.lines = {{"Value", 2, "#1F5FA8", false}, {"Target", 3, "#1D2430", true}};
    if (kpi.warning) chart.lines.push_back({"Warning", 4, "#8A5A00", true});
    for (const auto& [period, point] : axis) {
      std::string r = std::to_string(sheet.rows.size() + 2);
      sheet.rows.push_back({Cell::Text(kpi.id), Cell::Text(period),
                            point ? Cell::Number(point->value) : Cell{},
                            Cell::Number(kpi.target_value), Optional(kpi.warning),
                            StateCell(StateFormula("C" + r, "D" + r, "E" + r, kpi.direction),
                                      point ? StateWord(point->state) : "")});
    }
    chart.last_row = static_cast<int>(sheet.rows.size()) - 1;
    chart.at_row = 1 + static_cast<int>(sheet.charts.size()) * 16;
    chart.at_column = 7;
    sheet.charts.push_back(std::move(chart));
  }
  wb.sheets.push_back(std::move(kpis));
  wb.sheets.push_back(std::move(all));
  for (auto& [document, sheet] : by_process) wb.sheets.push_back(std::move(sheet));
  AddCover(wb);
  return wb;
}

}  // namespace smsdoc
