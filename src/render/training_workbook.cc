// The training and competence register: records, requirements, people and the skills matrix (7.2).
#include <algorithm>
#include <map>
#include <string>

#include "adapters/xlsx.h"
#include "analyse/register_rules.h"
#include "base/text.h"
#include "model/analysis.h"
#include "render/workbook_builder.h"

namespace smsdoc {

Workbook WorkbookBuilder::TrainingRegister() const {
  Workbook wb = NewWorkbook("training-register.xlsx", labels_("wb_training_register"));
  const KindSpec *training = Kind("training"), *competence = Kind("competence"),
                 *person = Kind("person");
  if (training)
    wb.sheets.push_back(
        RecordSheet(*training, training->columns, nullptr, labels_("wb_training_records")));
  if (competence)
    wb.sheets.push_back(RecordSheet(*competence, competence->columns, nullptr,
                                    labels_("wb_competence_requirements")));
  if (person)
    wb.sheets.push_back(RecordSheet(*person, person->columns, nullptr, labels_("wb_people")));
  if (training && competence && person)
    wb.sheets.push_back(SkillsMatrix(*training, *competence, *person));
  AddCover(wb);
  return wb;
}

// The roles a competence is required for: its `role`, one or a list.
std::vector<std::string> WorkbookBuilder::RequiredRoles(const Record& competence) {
  const FieldValue* v = competence.Field("role");
  if (!v) return {};
  return v->items.empty() ? std::vector<std::string>{v->text} : v->items;
}

// People (rows) by competences (columns): each required competence is
// competent, expiring, expired, planned or missing; a gap row counts the
// people of the role who are not (or no longer) competent.
Sheet WorkbookBuilder::SkillsMatrix(const KindSpec& training, const KindSpec& competence,
                                    const KindSpec& person) const {
  std::vector<int> people, competences;
  for (int n : RecordsOf(person))
    if (RecordAt(n).status != "left") people.push_back(n);
  for (int n : RecordsOf(competence))
    if (RecordAt(n).status != "retired") competences.push_back(n);
  // Best state per (person, competence) from the training records, in the
  // words the cells show (SkillFormula writes the same ones).
  const std::string &planned = labels_("wb_planned"), &expired = labels_("date_expired"),
                    &expiring = labels_("date_expiring"), &competent = labels_("wb_competent"),
                    &missing = labels_("state_missing");
  std::map<std::pair<std::string, std::string>, std::string> state;
  const std::vector<std::string> order = {"", planned, expired, expiring, competent};
  auto rank = [&](const std::string& s) {
    return std::find(order.begin(), order.end(), s) - order.begin();
  };
  for (int n : RecordsOf(training)) {
    const Record& t = RecordAt(n);
    const FieldValue *who = t.Field("person"), *what = t.Field("competence");
    if (!who || !what || who->items.empty() || what->items.empty()) continue;
    std::string s;
    if (t.status == "planned") {
      s = planned;
    } else if (t.status == "completed" || t.status == "expired") {
      DateState date_state = DateState::kNone;
      if (const FieldValue* until = t.Field("expires"))
        date_state =
            analysis_
                .record_dates[graph_.nodes[n].index][static_cast<size_t>(until - t.fields.data())];
      s = t.status == "expired" || date_state == DateState::kExpired ? expired
          : date_state == DateState::kExpiring                       ? expiring
                                                                     : competent;
      if (const FieldValue* result = t.Field("result"); result && result->text == "failed") s = "";
    }
    auto& best = state[{who->items[0], what->items[0]}];
    if (rank(s) > rank(best)) best = s;
  }
  const std::map<std::string, std::string> fills = {{competent, kGreen},
                                                    {expiring, RegisterRules::kSoon},
                                                    {expired, RegisterRules::kLate},
                                                    {planned, kBlue},
                                                    {missing, RegisterRules::kLate}};
  Sheet sheet;
  sheet.name = ValidSheetName(labels_("wb_skills_matrix"));
  sheet.is_table = false;
  sheet.columns = {{"", 26}, {"", 24}};
  auto bold = [](const std::string& t) {
    Cell c = Cell::Text(t);
    c.bold = true;
    return c;
  };
  std::vector<Cell> header = {bold(labels_("wb_person")), bold(labels_("wb_role"))};
  std::vector<Cell> required = {bold(labels_("wb_required_for")), Cell{}};
  std::vector<Cell> level = {bold(labels_("wb_level")), Cell{}};
  for (int c : competences) {
    const Record& comp = RecordAt(c);
    sheet.columns.push_back({"", 18, true});
    Cell h = bold(comp.title);
    h.url = Url("training-register.xlsx", c);
    header.push_back(h);
    std::vector<std::string> titles;
    for (const auto& key : RequiredRoles(comp)) titles.push_back(RoleTitle(key));
    required.push_back(Cell::Text(Join(titles, ", ")));
    const FieldValue* lvl = comp.Field("level");
    const FieldValue* mandatory = comp.Field("mandatory");
    level.push_back(
        Cell::Text((lvl ? lvl->text : "") +
                   (mandatory && mandatory->text == "true" ? ", " + labels_("wb_mandatory") : "")));
  }
  sheet.rows = {header, required, level};
  // Where the matrix needs a competence: the gap row counts those cells.
  std::vector<std::vector<std::string>> needed_cells(competences.size());
  std::vector<int> gaps(competences.size(), 0);
  auto on_sheet = LettersOf(training, training.columns);
  bool live = on_sheet.count("person") && on_sheet.count("competence") &&
              on_sheet.count("status") && on_sheet.count("result") && on_sheet.count("expires");
  for (int p : people) {
    const Record& who = RecordAt(p);
    const FieldValue* role = who.Field("role");
    Cell name = Cell::Text(who.title);
    name.url = Url("training-register.xlsx", p);
    std::vector<Cell> row = {name, Cell::Text(role ? RoleTitle(role->text) : "")};
    for (size_t k = 0; k < competences.size(); ++k) {
      const Record& comp = RecordAt(competences[k]);
      std::vector<std::string> needed_by = RequiredRoles(comp);
      bool needed =
          role && std::find(needed_by.begin(), needed_by.end(), role->text) != needed_by.end();
      std::string s = state[{who.id, comp.id}];
      if (needed && (s.empty() || s == planned || s == expired)) {
        ++gaps[k];
        if (s.empty()) s = missing;
      }
      Cell c = s.empty() ? Cell{} : Cell::Text(s);
      int column = static_cast<int>(row.size()), at = static_cast<int>(sheet.rows.size());
      if (needed && live) {
        std::string cell = ColumnLetters(column) + std::to_string(at + 1);
        needed_cells[k].push_back(cell);
        c.type = Cell::Type::kFormula;
        c.text = "=" + SkillFormula(on_sheet, who.id, comp.id);
        c.text_result = true;
        c.result = s;
        for (const auto& [value, colour] : fills)  // colours follow the state
          sheet.highlights.push_back({column, "=" + cell + "=" + ExcelString(value), colour, at});
      } else {
        c.fill = needed ? fills.count(s) ? fills.at(s) : "" : kGrey;
      }
      row.push_back(c);
    }
    sheet.rows.push_back(std::move(row));
  }
  std::vector<Cell> gap = {bold(labels_("wb_gap")), Cell{}};
  for (size_t k = 0; k < gaps.size(); ++k) {
    Cell c = Cell::Number(gaps[k]);
    c.bold = true;
    int column = static_cast<int>(gap.size()), at = static_cast<int>(sheet.rows.size());
    if (live && !needed_cells[k].empty()) {
      // =OR(C4="missing",C4="planned",C4="expired")+OR(...): TRUE counts 1.
      std::vector<std::string> terms;
      for (const auto& cell : needed_cells[k])
        terms.push_back("OR(" + cell + "=" + ExcelString(missing) + "," + cell + "=" +
                        ExcelString(planned) + "," + cell + "=" + ExcelString(expired) + ")");
      c.type = Cell::Type::kFormula;
      c.text = "=" + Join(terms, "+");
      std::string self = ColumnLetters(column) + std::to_string(at + 1);
      sheet.highlights.push_back({column, "=" + self + ">0", RegisterRules::kLate, at});
    } else if (gaps[k]) {
      c.fill = RegisterRules::kLate;
    }
    gap.push_back(c);
  }
  sheet.rows.push_back(std::move(gap));
  return sheet;
}

// One cell of the skills matrix as COUNTIFS over the training sheet,
// best state first: competent (completed, not failed, no expiry or one
// past the expiring window), expiring, expired (marked so, or past its
// expiry), planned; else missing. The as-of date is the cover's (AsOf).
std::string WorkbookBuilder::SkillFormula(std::map<std::string, std::string> on,
                                          const std::string& person,
                                          const std::string& competence) const {
  const std::string records = SheetRef(labels_("wb_training_records"));
  auto col = [&](const std::string& field) { return records + "$" + on[field] + ":$" + on[field]; };
  // The states, as the cells and their colour rules have them; the
  // statuses and results compared with are the records' own values.
  auto word = [&](const char* key) { return ExcelString(labels_(key)); };
  std::string base = "COUNTIFS(" + col("person") + "," + ExcelString(person) + "," +
                     col("competence") + "," + ExcelString(competence);
  std::string passed = "," + col("status") + ",\"completed\"," + col("result") + ",\"<>failed\"";
  std::string days = std::to_string(kExpiringDays);
  return "IF(" + base + passed + "," + col("expires") + ",\"\")+" + base + passed + "," +
         col("expires") + ",\">=\"&(AsOf+" + days + "))>0," + word("wb_competent") + ",IF(" + base +
         passed + "," + col("expires") + ",\">=\"&AsOf)>0," + word("date_expiring") + ",IF(" +
         base + "," + col("status") + ",\"expired\"," + col("result") + ",\"<>failed\")+" + base +
         passed + "," + col("expires") + ",\"<\"&AsOf)>0," + word("date_expired") + ",IF(" + base +
         "," + col("status") + ",\"planned\")>0," + word("wb_planned") + "," +
         word("state_missing") + "))))";
}

}  // namespace smsdoc
