// The risk register: risks, treatment plan, criteria and heat maps (6.1).
#include <map>
#include <string>

#include "adapters/xlsx.h"
#include "analyse/register_rules.h"
#include "model/workbook.h"
#include "render/workbook_builder.h"

namespace smsdoc {

Workbook WorkbookBuilder::RiskRegister() const {
  Workbook wb = NewWorkbook("risk-register.xlsx", labels_("wb_risk_register"));
  const KindSpec* risk = Kind("risk");
  if (risk) {
    wb.sheets.push_back(RecordSheet(*risk, risk->columns, nullptr, labels_("wb_risks"), true));
    // Treatment plan: what still needs doing about a risk.
    wb.sheets.push_back(TreatmentPlan(*risk));
  }
  wb.sheets.push_back(CriteriaSheet(wb));
  wb.sheets.push_back(
      HeatMap(risk, "likelihood", "impact", labels_("wb_heat_map"), labels_("wb_heat_map_title")));
  wb.sheets.push_back(HeatMap(risk, "residual_likelihood", "residual_impact",
                              labels_("wb_residual_heat_map"),
                              labels_("wb_residual_heat_map_title")));
  AddCover(wb);
  return wb;
}

// The treatment plan's levels look up the Risks sheet's, so they follow
// an edit of likelihood or impact there.
Sheet WorkbookBuilder::TreatmentPlan(const KindSpec& risk) const {
  Sheet plan = RecordSheet(
      risk, kTreatmentPlanColumns,
      [](const Record& r) {
        const FieldValue* t = r.Field("treatment");
        // No treatment chosen yet is work to do too.
        return !RegisterRules::IsDone(r) && (!t || t->text != "retain");
      },
      labels_("wb_treatment_plan"), true);
  auto on_risks = LettersOf(risk, risk.columns);
  auto on_plan = LettersOf(risk, kTreatmentPlanColumns);
  if (!on_risks.count("id") || !on_plan.count("id")) return plan;
  std::vector<std::pair<size_t, std::string>> lookups;  // plan column, Risks column
  size_t shown = 0;
  for (const auto& c : kTreatmentPlanColumns) {
    const FieldSpec* spec = risk.Field(c);
    if (!spec) continue;
    if (spec->type == FieldType::kLevel && on_risks.count(c))
      lookups.push_back({shown, on_risks[c]});
    ++shown;
  }
  std::string id = on_risks["id"], key = on_plan["id"];
  const std::string risks = SheetRef(labels_("wb_risks"));
  for (const auto& [column, letter] : lookups)  // for rows added to the Table
    plan.columns[column].table_formula = "=IFERROR(INDEX(" + risks + "$" + letter + ":$" + letter +
                                         ",MATCH(" + TableOperand(plan.columns[0].header) + "," +
                                         risks + "$" + id + ":$" + id + ",0))&\"\",\"\")";
  plan.row_at = [inner = plan.row_at, lookups, id, key, risks](size_t r) {
    std::vector<Cell> row = inner(r);
    for (const auto& [column, letter] : lookups) {
      Cell& c = row[column];
      // &"" keeps an empty level empty (INDEX alone gives 0).
      c.result = c.type == Cell::Type::kText ? c.text : "";
      c.text = "=IFERROR(INDEX(" + risks + "$" + letter + ":$" + letter + ",MATCH(" + key +
               std::to_string(r + 2) + "," + risks + "$" + id + ":$" + id + ",0))&\"\",\"\")";
      c.type = Cell::Type::kFormula;
      c.text_result = true;
    }
    return row;
  };
  return plan;
}

// The scales, bands and acceptance, once: the defined names Acceptance,
// BandNMin and BandNName point here, and every formula and colour rule
// of the workbook uses them.
Sheet WorkbookBuilder::CriteriaSheet(Workbook& wb) const {
  const RiskScoring& s = rules_.scoring();
  Sheet sheet;
  sheet.name = ValidSheetName(labels_("wb_criteria"));
  sheet.is_table = false;
  sheet.columns = {{"", 22}, {"", 22}, {"", 14}, {"", 60, true}};
  auto bold = [](const std::string& t) {
    Cell c = Cell::Text(t);
    c.bold = true;
    return c;
  };
  auto at = [&](const std::string& column) {
    return "=" + SheetRef(sheet.name) + "$" + column + "$" + std::to_string(sheet.rows.size());
  };
  sheet.rows.push_back({bold(labels_("wb_risk_criteria"))});
  sheet.rows.push_back(
      {Cell::Text(labels_("wb_score")),
       Cell::Text(labels_(s.formula == RiskScoring::Formula::kAdd ? "wb_score_added"
                                                                  : "wb_score_multiplied"))});
  sheet.rows.push_back({Cell::Text(labels_("wb_acceptance")),
                        Cell::Number(static_cast<double>(s.acceptance)), Cell{},
                        Cell::Text(labels_("wb_acceptance_text"))});
  wb.names.push_back({"Acceptance", at("B")});
  sheet.rows.push_back({Cell{}, Cell{}, Cell{}, Cell::Text(labels_("wb_criteria_try"))});
  sheet.rows.push_back({bold(labels_("wb_likelihood")), bold(labels_("wb_label"))});
  for (const auto& [value, label] : s.likelihood)
    sheet.rows.push_back({Cell::Number(static_cast<double>(value)), Cell::Text(label)});
  sheet.rows.push_back({});
  sheet.rows.push_back({bold(labels_("wb_impact")), bold(labels_("wb_label"))});
  for (const auto& [value, label] : s.impact)
    sheet.rows.push_back({Cell::Number(static_cast<double>(value)), Cell::Text(label)});
  sheet.rows.push_back({});
  sheet.rows.push_back(
      {bold(labels_("wb_band")), bold(labels_("wb_from_score")), bold(labels_("wb_to_score"))});
  for (size_t b = 0; b < s.bands.size(); ++b) {
    Cell name = Cell::Text(s.bands[b].name);
    name.fill = s.bands[b].colour;
    Cell to = Cell::Text(labels_("wb_and_above"));
    if (b + 1 < s.bands.size()) {  // one below the next band's lowest score
      to = Cell::Number(static_cast<double>(s.bands[b + 1].min - 1));
      to.type = Cell::Type::kFormula;
      to.text = "=B" + std::to_string(sheet.rows.size() + 2) + "-1";
    }
    sheet.rows.push_back({name, Cell::Number(static_cast<double>(s.bands[b].min)), to});
    wb.names.push_back({"Band" + std::to_string(b + 1) + "Min", at("B")});
    wb.names.push_back({"Band" + std::to_string(b + 1) + "Name", at("A")});
  }
  return sheet;
}

// Likelihood across, impact down (highest first): how many risks not
// closed sit in each cell (opportunities left out), as COUNTIFS over the
// Risks sheet, coloured by the band of the cell's score through the
// Criteria sheet's names. `l` and `i` are the inherent or residual fields.
Sheet WorkbookBuilder::HeatMap(const KindSpec* risk, const std::string& l, const std::string& i,
                               const std::string& name, const std::string& title) const {
  const RiskScoring& s = rules_.scoring();
  std::map<std::pair<long, long>, int> counts;
  std::map<std::string, std::string> letters;
  if (risk) {
    letters = LettersOf(*risk, risk->columns);
    for (int node : RecordsOf(*risk)) {
      const Record& r = RecordAt(node);
      const FieldValue *lv = r.Field(l), *iv = r.Field(i);
      const FieldValue* type = r.Field("type");
      bool threat = !type || type->text == "risk";
      if (lv && iv && threat && r.status != "closed")
        counts[{std::stol(lv->text), std::stol(iv->text)}]++;
    }
  }
  // Live only when the Risks sheet shows every column it counts by.
  bool live =
      letters.count(l) && letters.count(i) && letters.count("type") && letters.count("status");
  const std::string risks = SheetRef(labels_("wb_risks"));
  auto column = [&](const std::string& field) {
    return risks + "$" + letters[field] + ":$" + letters[field];
  };
  Sheet sheet;
  sheet.name = ValidSheetName(name);
  sheet.is_table = false;
  sheet.columns.push_back({"", 26});
  for (size_t k = 0; k < s.likelihood.size(); ++k) sheet.columns.push_back({"", 14});
  Cell heading = Cell::Text(title);
  heading.bold = true;
  sheet.rows.push_back({heading});
  std::vector<Cell> header = {Cell::Text(labels_("wb_impact_by_likelihood"))};
  header[0].bold = true;
  for (const auto& [value, label] : s.likelihood) {
    Cell c = Cell::Text(std::to_string(value) + " " + label);
    c.bold = true;
    header.push_back(c);
  }
  sheet.rows.push_back(header);
  for (auto it = s.impact.rbegin(); it != s.impact.rend(); ++it) {
    Cell label = Cell::Text(std::to_string(it->first) + " " + it->second);
    label.bold = true;
    std::vector<Cell> row = {label};
    for (const auto& [likelihood, unused] : s.likelihood) {
      int n = counts[{likelihood, it->first}];
      Cell c = Cell::Number(n);
      if (live) {
        c.type = Cell::Type::kFormula;
        c.text = "=COUNTIFS(" + column(l) + "," + std::to_string(likelihood) + "," + column(i) +
                 "," + std::to_string(it->first) + "," + column("type") + ",\"risk\"," +
                 column("status") + ",\"<>closed\")";
      }
      c.fill = kGrey;  // under the band colour of the rules below
      int col = static_cast<int>(row.size());
      std::string score = std::to_string(s.Combine(likelihood, it->first));
      for (size_t b = 0; b < s.bands.size(); ++b)
        sheet.highlights.push_back({col, "=AND(" + InBand(score, b, true) + ")", s.bands[b].colour,
                                    static_cast<int>(sheet.rows.size())});
      row.push_back(c);
    }
    sheet.rows.push_back(std::move(row));
  }
  return sheet;
}

}  // namespace smsdoc
