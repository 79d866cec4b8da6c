// The KPI register (9.1): every measurement, and per process a sheet with a
// native line chart per KPI against its target.
#include <map>
#include <string>

#include "adapters/xlsx.h"
#include "base/text.h"
#include "base/utf8.h"
#include "model/urls.h"
#include "render/kpi_text.h"
#include "render/workbook_builder.h"

namespace smsdoc {

namespace {

// The state of a value against its target and warning threshold, as a
// formula over the row's cells (Excel cells such as "C2", or a Table's
// [@[Value]]), so it follows an edit of any of them, the direction
// included: the words of met, near and missed as the pages write them.
struct StateOperands {
  std::string value, target, warning, better;
};
std::string StateFormula(const StateOperands& o, const Labels& l) {
  std::string lower = o.better + "=" + ExcelString(l("kpi_lower"));
  auto reaches = [&](const std::string& limit) {
    return "IF(" + lower + "," + o.value + "<=" + limit + "," + o.value + ">=" + limit + ")";
  };
  return "=IF(" + o.value + "=\"\",\"\",IF(" + reaches(o.target) + "," + ExcelString(l("kpi_met")) +
         ",IF(AND(" + o.warning + "<>\"\"," + reaches(o.warning) + ")," +
         ExcelString(l("kpi_near")) + "," + ExcelString(l("kpi_missed")) + ")))";
}

// A process's sheet name within Excel's 31 characters: cut between words
// with an ellipsis rather than inside one.
std::string SheetTitle(const std::string& id, const std::string& title) {
  std::string text = id + " " + title;
  if (text.size() <= 31) return text;  // Excel counts the bytes of UTF-8
  size_t space = text.rfind(' ', 28);
  return space > id.size() ? text.substr(0, space) + "\u2026" : id;
}

Cell Optional(const std::optional<double>& v) { return v ? Cell::Number(*v) : Cell{}; }

// Colours for the state column `column` (its letter `letter`); the word
// says it without colour.
std::vector<Highlight> StateColours(int column, const std::string& letter, const Labels& l) {
  return {{column, "=$" + letter + "2=" + ExcelString(l("kpi_met")), kGreen},
          {column, "=$" + letter + "2=" + ExcelString(l("kpi_near")), RegisterRules::kSoon},
          {column, "=$" + letter + "2=" + ExcelString(l("kpi_missed")), RegisterRules::kLate}};
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

// The state formula a row added to a sheet's Table gets: over the columns
// named Value, Target, Warning and Better, whatever their letters.
std::string WorkbookBuilder::TableStateFormula() const {
  auto operand = [&](const char* key) { return TableOperand(labels_(key)); };
  return StateFormula(
      {operand("col_value"), operand("col_target"), operand("col_warning"), operand("wb_better")},
      labels_);
}

Workbook WorkbookBuilder::KpiRegister() const {
  Workbook wb = NewWorkbook(kKpiRegister, labels_("wb_kpi_register"));
  const Corpus& corpus = *graph_.corpus;

  Sheet kpis;
  kpis.name = labels_("wb_kpis");
  kpis.columns = {{labels_("col_id"), 14},
                  {labels_("col_kpi"), 36, true},
                  {labels_("col_process"), 12},
                  {labels_("wb_unit"), 12, true},
                  {labels_("wb_better"), 8},
                  {labels_("col_target"), 9},
                  {labels_("col_warning"), 9},
                  {labels_("col_frequency"), 11},
                  {labels_("wb_services"), 22, true},
                  {labels_("wb_latest_period"), 11},
                  {labels_("wb_latest_value"), 10},
                  {labels_("col_state"), 12},
                  {labels_("col_missed_in_a_row"), 9},
                  {labels_("col_not_measured"), 22, true}};
  kpis.highlights = StateColours(11, "L", labels_);

  Sheet all;
  all.name = labels_("wb_measurements");
  all.columns = {{labels_("col_kpi"), 14},          {labels_("col_process"), 12},
                 {labels_("col_period"), 10},       {labels_("col_value"), 10},
                 {labels_("col_target"), 9},        {labels_("col_warning"), 9},
                 {labels_("wb_better"), 9},         {labels_("col_state"), 12},
                 {labels_("wb_unit"), 12, true},    {labels_("wb_comment"), 40, true},
                 {labels_("col_source"), 20, true}, {labels_("wb_recorded_in"), 30, true}};
  all.highlights = StateColours(7, "H", labels_);

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
      state = labels_(KpiStateKey(p.state));
    }
    Cell better =
        Cell::Text(labels_(kpi.direction == KpiDirection::kLower ? "kpi_lower" : "kpi_higher"));
    std::vector<Cell> row = {Cell::Text(kpi.id),
                             Cell::Text(kpi.name),
                             Cell::Text(process.id),
                             Cell::Text(labels_(KpiUnitKey(kpi.unit))),
                             better,
                             Cell::Number(kpi.target_value),
                             Optional(kpi.warning),
                             Cell::Text(labels_(KpiFrequencyKey(kpi.cadence))),
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
           Cell::Number(kpi.target_value), Optional(kpi.warning), better,
           StateCell(StateFormula({"D" + r, "E" + r, "F" + r, "G" + r}, labels_),
                     labels_(KpiStateKey(p.state))),
           Cell::Text(labels_(KpiUnitKey(kpi.unit))), Cell::Text(m.comment), Cell::Text(m.source),
           Cell::Text(m.path + ":" + std::to_string(m.pos.line))});
    }

    Sheet& sheet = by_process[series.document];
    if (sheet.name.empty()) {
      sheet.name = SheetTitle(process.id, process.title);
      sheet.columns = {{labels_("col_kpi"), 14},    {labels_("col_period"), 10},
                       {labels_("col_value"), 10},  {labels_("col_target"), 9},
                       {labels_("col_warning"), 9}, {labels_("wb_better"), 9},
                       {labels_("col_state"), 12}};
      sheet.columns[6].table_formula = TableStateFormula();
      sheet.highlights = StateColours(6, "G", labels_);
    }
    Chart chart;
    chart.title = kpi.id + " " + kpi.name;
    chart.y_axis = labels_(KpiUnitKey(kpi.unit));
    chart.first_row = static_cast<int>(sheet.rows.size());
    chart.category_column = 1;
    chart.lines = {{labels_("col_value"), 2, "#1F5FA8", false},
                   {labels_("col_target"), 3, "#1D2430", true}};
    if (kpi.warning) chart.lines.push_back({labels_("col_warning"), 4, "#8A5A00", true});
    for (const auto& [period, point] : KpiAxis(series)) {
      std::string r = std::to_string(sheet.rows.size() + 2);
      sheet.rows.push_back({Cell::Text(kpi.id), Cell::Text(period),
                            point ? Cell::Number(point->value) : Cell{},
                            Cell::Number(kpi.target_value), Optional(kpi.warning), better,
                            StateCell(StateFormula({"C" + r, "D" + r, "E" + r, "F" + r}, labels_),
                                      point ? labels_(KpiStateKey(point->state)) : "")});
    }
    chart.last_row = static_cast<int>(sheet.rows.size()) - 1;
    chart.at_row = 1 + static_cast<int>(sheet.charts.size()) * 16;
    chart.at_column = 8;
    sheet.charts.push_back(std::move(chart));
  }
  // A Table without rows gets no column formula: Excel would write it into
  // the empty row it keeps, which then counts as a measurement.
  if (!all.rows.empty()) all.columns[7].table_formula = TableStateFormula();
  wb.sheets.push_back(std::move(kpis));
  wb.sheets.push_back(std::move(all));
  for (auto& [document, sheet] : by_process) wb.sheets.push_back(std::move(sheet));
  AddCover(wb);
  return wb;
}

}  // namespace smsdoc
