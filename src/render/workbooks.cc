#include "render/workbooks.h"

#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <set>

#include "adapters/xlsx.h"
#include "analyse/coverage.h"
#include "analyse/document_control.h"
#include "analyse/register_rules.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/utf8.h"
#include "load/document_loader.h"
#include "model/clauses.h"
#include "model/urls.h"

namespace smsdoc {

namespace {

constexpr const char* kFolder = kRegisterFolder;
// The kinds whose registers the workbooks above hold (RegisterFile).
bool Grouped(const std::string& kind) {
  static const std::set<std::string> kGrouped = {"risk",  "person",  "competence", "training",
                                                 "audit", "finding", "action"};
  return kGrouped.count(kind) > 0;
}
constexpr const char* kGreen = "#C6EFCE";
constexpr const char* kBlue = "#DDEBF7";
constexpr const char* kGrey = "#EDEDED";

using RecordFilter = std::function<bool(const Record&)>;

std::string ExcelDate(const std::string& iso) {
  auto d = ParseDate(iso);
  return d ? "DATE(" + std::to_string(d->year) + "," + std::to_string(d->month) + "," +
                 std::to_string(d->day) + ")"
           : "0";
}

std::string Quote(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Column ColumnFor(const FieldSpec& spec, const KindSpec& kind, const RiskScoring& scoring) {
  Column c;
  c.header = spec.label;
  switch (spec.type) {
    case FieldType::kId: c.width = 14; break;
    case FieldType::kLongText:
      c.width = 45;
      c.wrap = true;
      break;
    case FieldType::kList:
    case FieldType::kRefs:
    case FieldType::kClauses:
      c.width = 22;
      c.wrap = true;
      break;
    case FieldType::kDate: c.width = 12; break;
    case FieldType::kInteger:
    case FieldType::kNumber:
    case FieldType::kBool:
    case FieldType::kScore: c.width = 10; break;
    case FieldType::kEnum:
    case FieldType::kStatus: {
      // As wide as the longest choice (capped), wrapping beyond, so no
      // value prints cut.
      c.choices = spec.type == FieldType::kEnum ? spec.values : kind.statuses;
      size_t longest = 0;
      for (const auto& v : c.choices) longest = std::max(longest, CountCodePoints(v));
      c.width = std::clamp(static_cast<double>(longest) + 2, 10.0, 24.0);
      c.wrap = true;
      break;
    }
    case FieldType::kRole:
      c.width = 22;
      c.wrap = true;
      break;
    case FieldType::kRoles:
      c.width = 28;
      c.wrap = true;
      break;
    default:  // text wraps: a printout cuts what runs past its cell
      c.width = spec.name == "title" ? 34 : 20;
      c.wrap = true;
  }
  if (spec.type == FieldType::kInteger) {
    if (const auto* scale = scoring.Scale(spec.scale)) {
      c.has_range = true;
      c.min = scale->front().first;
      c.max = scale->back().first;
    } else if (spec.min != LONG_MIN && spec.max != LONG_MAX) {
      c.has_range = true;
      c.min = spec.min;
      c.max = spec.max;
    }
  }
  return c;
}

class Builder : public std::enable_shared_from_this<Builder> {
 public:
  Builder(const Graph& graph, const Analysis& analysis, const BuildInfo& info)
      : graph_(graph),
        analysis_(analysis),
        info_(info),
        rules_(graph.corpus->config.risk_scoring, info.as_of) {}

  std::vector<Workbook> Build() {
    std::vector<Workbook> out;
    out.push_back(RiskRegister());
    out.push_back(TrainingRegister());
    out.push_back(AuditRegister());
    out.push_back(DocumentRegister());
    out.push_back(ClauseCoverageRegister());
    for (const auto& kind : graph_.corpus->kinds.kinds) {
      if (Grouped(kind.name)) continue;
      Workbook wb = NewWorkbook(RegisterFile(kind.name), kind.title);
      wb.sheets.push_back(RecordSheet(kind, kind.columns, nullptr, kind.title));
      AddCover(wb);
      out.push_back(std::move(wb));
    }
    return out;
  }

 private:
  Workbook NewWorkbook(const std::string& file, const std::string& title) const {
    Workbook wb;
    wb.file = file;
    wb.title = title;
    wb.company = graph_.corpus->config.organization;
    wb.created = info_.as_of;
    wb.revision = info_.revision;
    return wb;
  }

  const KindSpec* Kind(const std::string& name) const { return graph_.corpus->kinds.Find(name); }

  std::vector<int> RecordsOf(const KindSpec& kind) const {
    std::vector<int> nodes;
    for (size_t i = 0; i < graph_.corpus->records.size(); ++i)
      if (graph_.corpus->records[i].kind == &kind) nodes.push_back(graph_.RecordNode(i));
    return nodes;
  }

  const Record& RecordAt(int node) const {
    return graph_.corpus->records[graph_.nodes[node].index];
  }

  std::string Url(const std::string& workbook_file, int node) const {
    return RelativeUrl(kFolder + workbook_file, graph_.nodes[node].url);
  }

  std::string RoleTitle(const std::string& key) const {
    const Role* role = graph_.corpus->config.FindRole(key);
    return role ? role->title : key;
  }

  // The criteria in formulas: the Criteria sheet's defined names (so an
  // edit there moves every formula and colour), or the numbers themselves
  // in a workbook without that sheet.
  std::string BandMin(size_t b, bool named) const {
    return named ? "Band" + std::to_string(b + 1) + "Min"
                 : std::to_string(rules_.scoring().bands[b].min);
  }
  std::string BandName(size_t b, bool named) const {
    return named ? "Band" + std::to_string(b + 1) + "Name" : Quote(rules_.scoring().bands[b].name);
  }
  std::string Acceptance(bool named) const {
    return named ? "Acceptance" : std::to_string(rules_.scoring().acceptance);
  }
  // `score` (a cell or a number) is in band b: at least its minimum, below the next's.
  std::string InBand(const std::string& score, size_t b, bool named) const {
    std::string test = score + ">=" + BandMin(b, named);
    if (b + 1 < rules_.scoring().bands.size()) test += "," + score + "<" + BandMin(b + 1, named);
    return test;
  }
  static bool HasOpportunities(const KindSpec& kind) {
    const FieldSpec* type = kind.Field("type");
    return type &&
           std::find(type->values.begin(), type->values.end(), "opportunity") != type->values.end();
  }
  // Column letters of `columns` as RecordSheet lays them out.
  static std::map<std::string, std::string> LettersOf(const KindSpec& kind,
                                                      const std::vector<std::string>& columns) {
    std::map<std::string, std::string> letters;
    int shown = 0;
    for (const auto& c : columns)
      if (kind.Field(c)) letters[c] = ColumnLetters(shown++);
    return letters;
  }

  // The cell of one field of one record; formulas refer to the columns of
  // this sheet (letters) on Excel row `excel_row`.
  Cell FieldCell(const Record& record, const FieldSpec& spec, const std::string& workbook_file,
                 int node, const std::map<std::string, std::string>& letters, int excel_row,
                 bool named = false) const {
    if (spec.type == FieldType::kId) {
      Cell c = Cell::Text(record.id);
      c.url = Url(workbook_file, node);
      return c;
    }
    if (spec.type == FieldType::kLookup) {  // the named record's cell, as its own sheet shows it
      int target = -1;
      const FieldValue* looked = graph_.LookUp(node, spec, target);
      return looked ? FieldCell(RecordAt(target), *looked->spec, workbook_file, target, {}, 0)
                    : Cell{};
    }
    const FieldValue* v = record.Field(spec.name);
    std::string text = v ? v->text : "";
    std::vector<std::string> items = v ? v->items : std::vector<std::string>{};
    auto ref = [&](const std::string& field) {
      auto it = letters.find(field);
      return it == letters.end() ? std::string() : it->second + std::to_string(excel_row);
    };
    switch (spec.type) {
      case FieldType::kKind: return Cell::Text(record.kind->name);
      case FieldType::kStatus: return Cell::Text(record.status);
      case FieldType::kInteger:
      case FieldType::kNumber:
        return text.empty() ? Cell{} : Cell::Number(std::strtod(text.c_str(), nullptr));
      case FieldType::kDate: return text.empty() ? Cell{} : Cell::DateCell(text);
      case FieldType::kBool: return text.empty() ? Cell{} : Cell::Bool(text == "true");
      case FieldType::kRole: return text.empty() ? Cell{} : Cell::Text(RoleTitle(text));
      case FieldType::kRoles: {
        std::vector<std::string> titles;
        for (const auto& key : items) titles.push_back(RoleTitle(key));
        return titles.empty() ? Cell{} : Cell::Text(Join(titles, ", "));
      }
      case FieldType::kRef:
      case FieldType::kRefs:
      case FieldType::kClauses: return items.empty() ? Cell{} : Cell::Text(Join(items, ", "));
      case FieldType::kList: return items.empty() ? Cell{} : Cell::Text(Join(items, "; "));
      case FieldType::kScore:
      case FieldType::kLevel:
      case FieldType::kExceeds: {
        // Blank without its inputs, and an opportunity's flag (the loader's "").
        Cell c = text.empty()                     ? Cell{}
                 : spec.type == FieldType::kScore ? Cell::Number(std::strtod(text.c_str(), nullptr))
                 : spec.type == FieldType::kLevel ? Cell::Text(text)
                                                  : Cell::Text(text == "true" ? "Yes" : "No");
        std::string formula = Computed(spec, *record.kind, ref, named);
        if (formula.empty()) return c;  // an input not on the sheet: the value
        c.text_result = spec.type != FieldType::kScore || text.empty();
        c.result = c.text_result ? c.text : "";
        c.type = Cell::Type::kFormula;
        c.text = "=" + formula;
        return c;
      }
      default: return text.empty() ? Cell{} : Cell::Text(text);
    }
  }

  // A score, level or flag as a formula of `operand(field)` (a cell such
  // as "M2", or a Table's "[@[Likelihood]]"); "" when an operand is not on
  // the sheet.
  std::string Computed(const FieldSpec& spec, const KindSpec& kind,
                       const std::function<std::string(const std::string&)>& operand,
                       bool named) const {
    // Blank while an input is: a row added to a Table shows nothing yet.
    if (spec.type == FieldType::kScore) {
      std::string a = operand(spec.of[0]), b = operand(spec.of[1]);
      if (a.empty() || b.empty()) return "";
      return "IF(OR(" + a + "=\"\"," + b + "=\"\"),\"\"," + a +
             (rules_.scoring().formula == RiskScoring::Formula::kAdd ? "+" : "*") + b + ")";
    }
    std::string score = operand(spec.of[0]);
    if (score.empty()) return "";
    if (spec.type == FieldType::kLevel) {
      // IF(H2>=Band3Min,Band3Name,IF(H2>=Band2Min,Band2Name,...)): the
      // Criteria sheet's cells, so an edit there moves every level.
      std::string formula = "\"\"";
      for (size_t b = 0; b < rules_.scoring().bands.size(); ++b)
        formula = "IF(" + score + ">=" + BandMin(b, named) + "," + BandName(b, named) + "," +
                  formula + ")";
      return "IF(" + score + "=\"\",\"\"," + formula + ")";
    }
    std::string blank = score + "=\"\"";
    if (std::string type = operand("type"); !type.empty() && HasOpportunities(kind))
      blank = "OR(" + type + "=\"opportunity\"," + blank + ")";  // acceptance is for threats
    return "IF(" + blank + ",\"\",IF(" + score + ">" + Acceptance(named) + ",\"Yes\",\"No\"))";
  }

  // A column of a Table in a formula: [@[Inherent score]] (' escapes the
  // characters a structured reference reserves).
  static std::string TableOperand(const std::string& header) {
    std::string out = "[@[";
    for (char c : header) {
      if (std::string("[]#'").find(c) != std::string::npos) out += '\'';
      out += c;
    }
    return out + "]]";
  }

  // Conditional formats for a column: bands, overdue and expiry dates.
  void AddHighlights(Sheet& sheet, int column, const FieldSpec& spec, const KindSpec& kind,
                     const std::map<std::string, std::string>& letters, bool named) const {
    std::string cell = ColumnLetters(column) + "2";
    const auto& bands = rules_.scoring().bands;
    // Band colours say how bad a threat is: an opportunity stays plain.
    std::string threat;
    if (auto type = letters.find("type"); type != letters.end() && HasOpportunities(kind))
      threat = ",$" + type->second + "2<>\"opportunity\"";
    if (spec.type == FieldType::kScore) {
      for (size_t b = 0; b < bands.size(); ++b)
        sheet.highlights.push_back(
            {column, "=AND(ISNUMBER(" + cell + ")" + threat + "," + InBand(cell, b, named) + ")",
             bands[b].colour});
    } else if (spec.type == FieldType::kLevel) {
      for (size_t b = 0; b < bands.size(); ++b)
        sheet.highlights.push_back(
            {column, "=AND(" + cell + "=" + BandName(b, named) + threat + ")", bands[b].colour});
    } else if (spec.overdue) {
      std::string formula = "=AND(ISNUMBER(" + cell + ")," + cell + "<" + ExcelDate(info_.as_of);
      if (auto status = letters.find("status"); status != letters.end())
        for (const auto& done : RegisterRules::DoneFor(kind, spec))
          formula += ",$" + status->second + "2<>" + Quote(done);
      sheet.highlights.push_back({column, formula + ")", RegisterRules::kLate});
    } else if (spec.expiry) {
      std::string live;  // the statuses that make the date history
      if (auto status = letters.find("status"); status != letters.end())
        for (const auto& done : spec.done)  // appended: GCC 12 misjudges a + chain (-Wrestrict)
          live.append(",$").append(status->second).append("2<>").append(Quote(done));
      sheet.highlights.push_back(
          {column,
           "=AND(ISNUMBER(" + cell + ")," + cell + "<" + ExcelDate(info_.as_of) + live + ")",
           RegisterRules::kLate});
      std::string until;  // no upper bound when the window runs past the last date
      if (auto end = rules_.expiring_until())
        until.append(",").append(cell).append("<").append(ExcelDate(*end));
      sheet.highlights.push_back({column,
                                  "=AND(ISNUMBER(" + cell + ")," + cell +
                                      ">=" + ExcelDate(info_.as_of) + until + live + ")",
                                  RegisterRules::kSoon});
    }
  }

  // `named`: formulas use the Criteria sheet's defined names (the risk
  // workbook); elsewhere the criteria are written in as numbers.
  Sheet RecordSheet(const KindSpec& kind, const std::vector<std::string>& columns,
                    const RecordFilter& keep, const std::string& name, bool named = false) const {
    Sheet sheet;
    sheet.name = ValidSheetName(name);
    const RiskScoring& scoring = rules_.scoring();
    std::map<std::string, std::string> letters;
    std::vector<const FieldSpec*> specs;
    for (size_t c = 0; c < columns.size(); ++c) {
      const FieldSpec* spec = kind.Field(columns[c]);
      if (!spec) continue;
      letters[spec->name] = ColumnLetters(static_cast<int>(specs.size()));
      specs.push_back(spec);
      sheet.columns.push_back(ColumnFor(*spec, kind, scoring));
    }
    for (size_t c = 0; c < specs.size(); ++c) {
      AddHighlights(sheet, static_cast<int>(c), *specs[c], kind, letters, named);
      if (!IsComputed(specs[c]->type) || specs[c]->type == FieldType::kLookup) continue;
      std::string formula = Computed(
          *specs[c], kind,
          [&](const std::string& field) {
            for (size_t k = 0; k < specs.size(); ++k)
              if (specs[k]->name == field) return TableOperand(sheet.columns[k].header);
            return std::string();
          },
          named);
      if (!formula.empty()) sheet.columns[c].table_formula = "=" + formula;
    }
    std::vector<int> nodes;
    for (int node : RecordsOf(kind))
      if (!keep || keep(RecordAt(node))) nodes.push_back(node);
    // Rows are made as the sheet is written, so a register of any size
    // never sits in memory whole (libxlsxwriter streams them to disk).
    sheet.row_count = nodes.size();
    sheet.row_at = [self = shared_from_this(), nodes = std::move(nodes), specs,
                    letters = std::move(letters), file = RegisterFile(kind.name), named](size_t r) {
      const Record& record = self->RecordAt(nodes[r]);
      std::vector<Cell> row;
      for (const FieldSpec* spec : specs)
        row.push_back(self->FieldCell(record, *spec, file, nodes[r], letters,
                                      static_cast<int>(r) + 2, named));
      return row;
    };
    return sheet;
  }

  // First sheet of every workbook: what it is, as of when, from what.
  void AddCover(Workbook& wb) const {
    Sheet cover;
    cover.name = "Cover";
    cover.is_table = false;
    cover.columns = {{"", 28}, {"", 70, true}};
    auto line = [&](const std::string& label, Cell value) {
      Cell l = Cell::Text(label);
      l.bold = true;
      cover.rows.push_back({l, std::move(value)});
    };
    Cell title = Cell::Text(wb.title);
    title.bold = true;
    cover.rows.push_back({title});
    cover.rows.push_back({});
    line("Organization", Cell::Text(graph_.corpus->config.organization));
    line("Register", Cell::Text(wb.title));
    line("As of", Cell::DateCell(info_.as_of));
    // Formulas that judge dates (the skills matrix) read the as-of date here.
    wb.names.push_back({"AsOf", "='Cover'!$B$" + std::to_string(cover.rows.size())});
    line("Source revision", Cell::Text(info_.revision.empty() ? "not in git" : info_.revision));
    line("Generated by", Cell::Text("smsdoc " + info_.version));
    // What this file is not: the source. An edit here never reaches the SMS.
    line("Source",
         Cell::Text("the Markdown and YAML files of the SMS (" + graph_.corpus->config.records_dir +
                    "/, " + graph_.corpus->config.policies_dir + "/, " +
                    graph_.corpus->config.processes_dir + "/, smsdoc.yaml)" +
                    (info_.revision.empty() ? "" : " at the revision above")));
    line("Edits", Cell::Text("this workbook is generated and never read back: change the source "
                             "files and build again; an edit here is lost at the next build"));
    cover.rows.push_back({});
    line("Sheet", Cell::Text("Rows"));
    for (const auto& sheet : wb.sheets) {
      if (!sheet.is_table) continue;
      cover.rows.push_back(
          {Cell::Text(sheet.name), Cell::Number(static_cast<double>(sheet.RowCount()))});
    }
    wb.sheets.insert(wb.sheets.begin(), std::move(cover));
  }

  // --- risk register ---------------------------------------------------

  Workbook RiskRegister() const {
    Workbook wb = NewWorkbook("risk-register.xlsx", "Risk register");
    const KindSpec* risk = Kind("risk");
    if (risk) {
      wb.sheets.push_back(RecordSheet(*risk, risk->columns, nullptr, "Risks", true));
      // Treatment plan: what still needs doing about a risk.
      wb.sheets.push_back(TreatmentPlan(*risk));
    }
    wb.sheets.push_back(CriteriaSheet(wb));
    wb.sheets.push_back(HeatMap(risk, "likelihood", "impact", "Heat map", "inherent"));
    wb.sheets.push_back(
        HeatMap(risk, "residual_likelihood", "residual_impact", "Residual heat map", "residual"));
    AddCover(wb);
    return wb;
  }

  // The treatment plan's levels look up the Risks sheet's, so they follow
  // an edit of likelihood or impact there.
  Sheet TreatmentPlan(const KindSpec& risk) const {
    Sheet plan = RecordSheet(
        risk, kTreatmentPlanColumns,
        [](const Record& r) {
          const FieldValue* t = r.Field("treatment");
          // No treatment chosen yet is work to do too.
          return !RegisterRules::IsDone(r) && (!t || t->text != "retain");
        },
        "Treatment plan", true);
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
    for (const auto& [column, letter] : lookups)  // for rows added to the Table
      plan.columns[column].table_formula = "=IFERROR(INDEX('Risks'!$" + letter + ":$" + letter +
                                           ",MATCH(" + TableOperand(plan.columns[0].header) +
                                           ",'Risks'!$" + id + ":$" + id + ",0))&\"\",\"\")";
    plan.row_at = [inner = plan.row_at, lookups, id, key](size_t r) {
      std::vector<Cell> row = inner(r);
      for (const auto& [column, letter] : lookups) {
        Cell& c = row[column];
        // &"" keeps an empty level empty (INDEX alone gives 0).
        c.result = c.type == Cell::Type::kText ? c.text : "";
        c.text = "=IFERROR(INDEX('Risks'!$" + letter + ":$" + letter + ",MATCH(" + key +
                 std::to_string(r + 2) + ",'Risks'!$" + id + ":$" + id + ",0))&\"\",\"\")";
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
  Sheet CriteriaSheet(Workbook& wb) const {
    const RiskScoring& s = rules_.scoring();
    Sheet sheet;
    sheet.name = "Criteria";
    sheet.is_table = false;
    sheet.columns = {{"", 22}, {"", 22}, {"", 14}, {"", 60, true}};
    auto bold = [](const std::string& t) {
      Cell c = Cell::Text(t);
      c.bold = true;
      return c;
    };
    auto at = [&](const std::string& column) {
      return "='Criteria'!$" + column + "$" + std::to_string(sheet.rows.size());
    };
    sheet.rows.push_back({bold("Risk criteria")});
    sheet.rows.push_back({Cell::Text("Score"), Cell::Text(s.formula == RiskScoring::Formula::kAdd
                                                              ? "likelihood + impact"
                                                              : "likelihood x impact")});
    sheet.rows.push_back({Cell::Text("Acceptance"), Cell::Number(static_cast<double>(s.acceptance)),
                          Cell{},
                          Cell::Text("scores above this exceed the acceptance criteria and need "
                                     "treatment")});
    wb.names.push_back({"Acceptance", at("B")});
    sheet.rows.push_back({Cell{}, Cell{}, Cell{},
                          Cell::Text("Try other criteria by editing the acceptance and the bands' "
                                     "lowest scores: every score, level, flag, colour and heat map "
                                     "follows. The SMS's criteria are in smsdoc.yaml.")});
    sheet.rows.push_back({bold("Likelihood"), bold("Label")});
    for (const auto& [value, label] : s.likelihood)
      sheet.rows.push_back({Cell::Number(static_cast<double>(value)), Cell::Text(label)});
    sheet.rows.push_back({});
    sheet.rows.push_back({bold("Impact"), bold("Label")});
    for (const auto& [value, label] : s.impact)
      sheet.rows.push_back({Cell::Number(static_cast<double>(value)), Cell::Text(label)});
    sheet.rows.push_back({});
    sheet.rows.push_back({bold("Band"), bold("From score"), bold("To score")});
    for (size_t b = 0; b < s.bands.size(); ++b) {
      Cell name = Cell::Text(s.bands[b].name);
      name.fill = s.bands[b].colour;
      Cell to = Cell::Text("and above");
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
  Sheet HeatMap(const KindSpec* risk, const std::string& l, const std::string& i,
                const std::string& name, const std::string& which) const {
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
    auto column = [&](const std::string& field) {
      return "'Risks'!$" + letters[field] + ":$" + letters[field];
    };
    Sheet sheet;
    sheet.name = name;
    sheet.is_table = false;
    sheet.columns.push_back({"", 26});
    for (size_t k = 0; k < s.likelihood.size(); ++k) sheet.columns.push_back({"", 14});
    Cell title = Cell::Text("Risks not closed (opportunities left out), by " + which +
                            " likelihood and impact");
    title.bold = true;
    sheet.rows.push_back({title});
    std::vector<Cell> header = {Cell::Text("Impact \\ Likelihood")};
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
          sheet.highlights.push_back({col, "=AND(" + InBand(score, b, true) + ")",
                                      s.bands[b].colour, static_cast<int>(sheet.rows.size())});
        row.push_back(c);
      }
      sheet.rows.push_back(std::move(row));
    }
    return sheet;
  }

  // --- training register -----------------------------------------------

  Workbook TrainingRegister() const {
    Workbook wb = NewWorkbook("training-register.xlsx", "Training and competence register");
    const KindSpec *training = Kind("training"), *competence = Kind("competence"),
                   *person = Kind("person");
    if (training)
      wb.sheets.push_back(RecordSheet(*training, training->columns, nullptr, "Training records"));
    if (competence)
      wb.sheets.push_back(
          RecordSheet(*competence, competence->columns, nullptr, "Competence requirements"));
    if (person) wb.sheets.push_back(RecordSheet(*person, person->columns, nullptr, "People"));
    if (training && competence && person)
      wb.sheets.push_back(SkillsMatrix(*training, *competence, *person));
    AddCover(wb);
    return wb;
  }

  // The roles a competence is required for: its `role`, one or a list.
  static std::vector<std::string> RequiredRoles(const Record& competence) {
    const FieldValue* v = competence.Field("role");
    if (!v) return {};
    return v->items.empty() ? std::vector<std::string>{v->text} : v->items;
  }

  // People (rows) by competences (columns): each required competence is
  // competent, expiring, expired, planned or missing; a gap row counts the
  // people of the role who are not (or no longer) competent.
  Sheet SkillsMatrix(const KindSpec& training, const KindSpec& competence,
                     const KindSpec& person) const {
    std::vector<int> people, competences;
    for (int n : RecordsOf(person))
      if (RecordAt(n).status != "left") people.push_back(n);
    for (int n : RecordsOf(competence))
      if (RecordAt(n).status != "retired") competences.push_back(n);
    // Best state per (person, competence) from the training records.
    std::map<std::pair<std::string, std::string>, std::string> state;
    const std::vector<std::string> order = {"", "planned", "expired", "expiring", "competent"};
    auto rank = [&](const std::string& s) {
      return std::find(order.begin(), order.end(), s) - order.begin();
    };
    for (int n : RecordsOf(training)) {
      const Record& t = RecordAt(n);
      const FieldValue *who = t.Field("person"), *what = t.Field("competence");
      if (!who || !what || who->items.empty() || what->items.empty()) continue;
      std::string s;
      if (t.status == "planned") {
        s = "planned";
      } else if (t.status == "completed" || t.status == "expired") {
        DateState date_state = DateState::kNone;
        if (const FieldValue* until = t.Field("expires"))
          date_state = analysis_.record_dates[graph_.nodes[n].index]
                                             [static_cast<size_t>(until - t.fields.data())];
        s = t.status == "expired" || date_state == DateState::kExpired ? "expired"
            : date_state == DateState::kExpiring                       ? "expiring"
                                                                       : "competent";
        if (const FieldValue* result = t.Field("result"); result && result->text == "failed")
          s = "";
      }
      auto& best = state[{who->items[0], what->items[0]}];
      if (rank(s) > rank(best)) best = s;
    }
    const std::map<std::string, std::string> fills = {{"competent", kGreen},
                                                      {"expiring", RegisterRules::kSoon},
                                                      {"expired", RegisterRules::kLate},
                                                      {"planned", kBlue},
                                                      {"missing", RegisterRules::kLate}};
    Sheet sheet;
    sheet.name = "Skills matrix";
    sheet.is_table = false;
    sheet.columns = {{"", 26}, {"", 24}};
    auto bold = [](const std::string& t) {
      Cell c = Cell::Text(t);
      c.bold = true;
      return c;
    };
    std::vector<Cell> header = {bold("Person"), bold("Role")};
    std::vector<Cell> required = {bold("Required for"), Cell{}};
    std::vector<Cell> level = {bold("Level"), Cell{}};
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
      level.push_back(Cell::Text((lvl ? lvl->text : "") +
                                 (mandatory && mandatory->text == "true" ? ", mandatory" : "")));
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
        if (needed && (s.empty() || s == "planned" || s == "expired")) {
          ++gaps[k];
          if (s.empty()) s = "missing";
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
            sheet.highlights.push_back({column, "=" + cell + "=" + Quote(value), colour, at});
        } else {
          c.fill = needed ? fills.count(s) ? fills.at(s) : "" : kGrey;
        }
        row.push_back(c);
      }
      sheet.rows.push_back(std::move(row));
    }
    std::vector<Cell> gap = {bold("Gap (people not competent)"), Cell{}};
    for (size_t k = 0; k < gaps.size(); ++k) {
      Cell c = Cell::Number(gaps[k]);
      c.bold = true;
      int column = static_cast<int>(gap.size()), at = static_cast<int>(sheet.rows.size());
      if (live && !needed_cells[k].empty()) {
        // =OR(C4="missing",C4="planned",C4="expired")+OR(...): TRUE counts 1.
        std::vector<std::string> terms;
        for (const auto& cell : needed_cells[k])
          terms.push_back("OR(" + cell + "=\"missing\"," + cell + "=\"planned\"," + cell +
                          "=\"expired\")");
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
  static std::string SkillFormula(std::map<std::string, std::string> on, const std::string& person,
                                  const std::string& competence) {
    auto col = [&](const std::string& field) {
      return "'Training records'!$" + on[field] + ":$" + on[field];
    };
    std::string base = "COUNTIFS(" + col("person") + "," + Quote(person) + "," + col("competence") +
                       "," + Quote(competence);
    std::string passed = "," + col("status") + ",\"completed\"," + col("result") + ",\"<>failed\"";
    std::string days = std::to_string(kExpiringDays);
    return "IF(" + base + passed + "," + col("expires") + ",\"\")+" + base + passed + "," +
           col("expires") + ",\">=\"&(AsOf+" + days + "))>0,\"competent\",IF(" + base + passed +
           "," + col("expires") + ",\">=\"&AsOf)>0,\"expiring\",IF(" + base + "," + col("status") +
           ",\"expired\"," + col("result") + ",\"<>failed\")+" + base + passed + "," +
           col("expires") + ",\"<\"&AsOf)>0,\"expired\",IF(" + base + "," + col("status") +
           ",\"planned\")>0,\"planned\",\"missing\"))))";
  }

  // --- audit register --------------------------------------------------

  Workbook AuditRegister() const {
    Workbook wb = NewWorkbook("audit-register.xlsx", "Internal audit register");
    const KindSpec *audit = Kind("audit"), *finding = Kind("finding"), *action = Kind("action");
    if (audit) wb.sheets.push_back(AuditProgramme(*audit, finding));
    if (audit) wb.sheets.push_back(Coverage(*audit));
    if (finding) wb.sheets.push_back(RecordSheet(*finding, finding->columns, nullptr, "Findings"));
    if (action)
      wb.sheets.push_back(RecordSheet(*action, action->columns, nullptr, "Corrective actions"));
    AddCover(wb);
    return wb;
  }

  // The audit sheet with a count of findings per classification, as
  // COUNTIFS over the Findings sheet so it follows edits there.
  Sheet AuditProgramme(const KindSpec& audit, const KindSpec* finding) const {
    Sheet sheet = RecordSheet(audit, audit.columns, nullptr, "Audit programme");
    // Programmes are short: hold the rows, to add the count columns.
    for (size_t r = 0; r < sheet.RowCount(); ++r) sheet.rows.push_back(sheet.Row(r));
    sheet.row_at = nullptr;
    std::string audit_col, class_col;
    if (finding) {
      for (size_t c = 0, shown = 0; c < finding->columns.size(); ++c) {
        if (!finding->Field(finding->columns[c])) continue;
        if (finding->columns[c] == "audit") audit_col = ColumnLetters(static_cast<int>(shown));
        if (finding->columns[c] == "classification")
          class_col = ColumnLetters(static_cast<int>(shown));
        ++shown;
      }
    }
    std::map<std::pair<std::string, std::string>, int> counts;
    if (finding)
      for (int n : RecordsOf(*finding)) {
        const Record& f = RecordAt(n);
        const FieldValue *a = f.Field("audit"), *c = f.Field("classification");
        if (a && c && !a->items.empty()) counts[{a->items[0], c->text}]++;
      }
    const std::vector<std::pair<std::string, std::string>> classes = {
        {"major", "Major NCs"},
        {"minor", "Minor NCs"},
        {"observation", "Observations"},
        {"ofi", "OFIs"}};
    std::string id_col;
    for (size_t c = 0, shown = 0; c < audit.columns.size(); ++c) {
      if (!audit.Field(audit.columns[c])) continue;
      if (audit.columns[c] == "id") id_col = ColumnLetters(static_cast<int>(shown));
      ++shown;
    }
    std::vector<int> audits = RecordsOf(audit);
    for (const auto& [cls, header] : classes) {
      sheet.columns.push_back({header, 11});
      for (size_t r = 0; r < sheet.rows.size(); ++r) {
        const Record& a = RecordAt(audits[r]);
        Cell c = Cell::Number(counts[{a.id, cls}]);
        if (!audit_col.empty() && !class_col.empty() && !id_col.empty()) {
          c.type = Cell::Type::kFormula;
          c.text = "=COUNTIFS('Findings'!" + audit_col + ":" + audit_col + "," + id_col +
                   std::to_string(r + 2) + ",'Findings'!" + class_col + ":" + class_col + "," +
                   Quote(cls) + ")";
        }
        sheet.rows[r].push_back(c);
      }
    }
    return sheet;
  }

  // Clauses (rows) by internal audit periods (columns): audited, planned,
  // or not. An audit naming a clause audits all of it; a parent is audited
  // in a period only when all its leaves are. "Covered in cycle" is the
  // analysis' (every leaf audited in the last 12 months).
  Sheet Coverage(const KindSpec& audit) const {
    std::set<std::string> periods;
    std::map<std::pair<std::string, std::string>, std::string> cover;  // (clause, period) -> state
    for (int n : RecordsOf(audit)) {
      const Record& a = RecordAt(n);
      const FieldValue* period = a.Field("period");
      const FieldValue* type = a.Field("type");
      // The internal audit programme (9.2): certification audits do not count.
      if (!period || a.status == "cancelled" || (type && type->text != "internal")) continue;
      periods.insert(period->text);
      // Performed by the as-of date: audited; otherwise still planned.
      std::string s = HeldBy(a, info_.as_of).empty() ? "planned" : "audited";
      for (const ClauseCoverage& cov : analysis_.coverage) {
        if (!cov.leaf) continue;
        const std::string& id = cov.clause->id;
        if (std::none_of(a.clauses.begin(), a.clauses.end(),
                         [&](const std::string& c) { return CoversClause(id, c); }))
          continue;
        auto& cell = cover[{id, period->text}];
        if (cell != "audited") cell = s;
      }
    }
    // A parent takes the weakest of its leaves: "" < planned < audited.
    auto rank = [](const std::string& s) { return s == "audited" ? 2 : s == "planned" ? 1 : 0; };
    const auto& all = analysis_.coverage;
    for (size_t c = 0; c < all.size(); ++c) {
      if (all[c].leaf) continue;
      for (const auto& p : periods) {
        std::string weakest = "audited";
        for (size_t d = c + 1; d < all.size() && CoversClause(all[d].clause->id, all[c].clause->id);
             ++d) {
          if (!all[d].leaf) continue;
          std::string leaf =
              cover.count({all[d].clause->id, p}) ? cover[{all[d].clause->id, p}] : "";
          if (rank(leaf) < rank(weakest)) weakest = leaf;
        }
        if (!weakest.empty()) cover[{all[c].clause->id, p}] = weakest;
      }
    }
    Sheet sheet;
    sheet.name = "Clause coverage";  // by internal audits
    sheet.columns = {{"Clause", 10}, {"Title", 44, true}};
    for (const auto& p : periods) sheet.columns.push_back({p, 12});
    sheet.columns.push_back({"Covered in cycle", 14});
    for (const ClauseCoverage& cov : analysis_.coverage) {
      const Clause& clause = *cov.clause;
      std::vector<Cell> row = {Cell::Text(clause.id), Cell::Text(clause.title)};
      for (const auto& p : periods) {
        std::string s = cover.count({clause.id, p}) ? cover[{clause.id, p}] : "";
        Cell c = s.empty() ? Cell{} : Cell::Text(s);
        c.fill = s == "audited" ? kGreen : s == "planned" ? kBlue : "";
        row.push_back(c);
      }
      bool audited = cov.audited_in_cycle;
      Cell covered = Cell::Text(audited ? "yes" : "no");
      covered.fill = audited ? kGreen : RegisterRules::kLate;
      row.push_back(covered);
      sheet.rows.push_back(std::move(row));
    }
    return sheet;
  }

  // --- clause coverage -------------------------------------------------

  Workbook ClauseCoverageRegister() const {
    Workbook wb = NewWorkbook(kClauseCoverageRegister, "Clause coverage");
    Sheet sheet;
    sheet.name = "Clauses";
    sheet.columns = {{"Clause", 10},
                     {"Title", 44, true},
                     {"State", 16},
                     {"Documents", 11},
                     {"Processes", 11},
                     {"Records", 10},
                     {"Document IDs", 30, true},
                     {"Process IDs", 30, true},
                     {"Not in force", 22, true},
                     {"Record IDs", 30, true},
                     {"Internal audits", 22, true},
                     {"Last internal audit", 12},
                     {"Audited in cycle", 10},
                     {"External audits", 22, true},
                     {"Last external audit", 12},
                     {"Open findings", 22, true}};
    sheet.columns[2].choices = {"covered", "partly covered", "documented only", "evidenced only",
                                "not covered"};
    sheet.highlights = {
        {2, "=C2=\"covered\"", kGreen},
        {2, "=OR(C2=\"partly covered\",C2=\"documented only\",C2=\"evidenced only\")",
         RegisterRules::kSoon},
        {2, "=C2=\"not covered\"", RegisterRules::kLate}};
    // A cell holds 32,767 characters: long lists end with a count.
    auto ids = [&](const std::vector<int>& nodes) {
      constexpr size_t kShown = 200;
      std::vector<std::string> out;
      for (size_t i = 0; i < nodes.size() && i < kShown; ++i)
        out.push_back(graph_.nodes[nodes[i]].id);
      std::string text = Join(out, ", ");
      if (nodes.size() > kShown) text += " and " + std::to_string(nodes.size() - kShown) + " more";
      return out.empty() ? Cell{} : Cell::Text(text);
    };
    auto date = [](const std::string& iso) { return iso.empty() ? Cell{} : Cell::DateCell(iso); };
    for (const ClauseCoverage& cov : analysis_.coverage) {
      Cell clause = Cell::Text(cov.clause->id);
      clause.url =
          RelativeUrl(std::string(kFolder) + kClauseCoverageRegister, ClauseUrl(cov.clause->id));
      sheet.rows.push_back(
          {clause, Cell::Text(cov.clause->title), Cell::Text(StateName(cov.state)),
           Cell::Number(static_cast<double>(cov.documents.size())),
           Cell::Number(static_cast<double>(cov.processes.size())),
           Cell::Number(static_cast<double>(cov.records.size())), ids(cov.documents),
           ids(cov.processes), ids(cov.not_in_force), ids(cov.records), ids(cov.internal_audits),
           date(cov.last_internal_audit), Cell::Text(cov.audited_in_cycle ? "yes" : "no"),
           ids(cov.external_audits), date(cov.last_external_audit), ids(cov.open_findings)});
    }
    wb.sheets.push_back(std::move(sheet));
    AddCover(wb);
    return wb;
  }

  // --- document register -----------------------------------------------

  Workbook DocumentRegister() const {
    Workbook wb = NewWorkbook(kDocumentRegister, "Document master list");
    Sheet sheet;
    sheet.name = "Documents";
    sheet.columns = {{"ID", 16},
                     {"Title", 30, true},
                     {"Type", 12},
                     {"Clauses", 14, true},
                     {"Owner", 18, true},
                     {"Author", 18, true},
                     {"Approver", 18, true},
                     {"Version", 8},
                     {"Status", 10},
                     {"Classification", 13},
                     {"Effective", 11},
                     {"Approved on", 11},
                     {"Approved by", 18, true},
                     {"Last review", 11},
                     {"Review cycle (months)", 9},
                     {"Next review", 11},
                     {"Change summary", 30, true},
                     {"Changed after approval", 24, true},
                     {"Approval problems", 30, true},
                     {"Source", 28, true}};
    sheet.columns[8].choices = {"draft", "approved", "retired"};
    sheet.columns[9].choices = DocumentClassifications();
    sheet.highlights.push_back(
        {15, "=AND(ISNUMBER(P2),P2<" + ExcelDate(info_.as_of) + ",$I2=\"approved\")",
         RegisterRules::kLate});
    std::vector<int> nodes;
    for (size_t i = 0; i < graph_.corpus->documents.size(); ++i)
      nodes.push_back(graph_.DocumentNode(i));
    std::sort(nodes.begin(), nodes.end(),
              [&](int a, int b) { return graph_.nodes[a].id < graph_.nodes[b].id; });
    auto date = [](const std::string& iso) { return iso.empty() ? Cell{} : Cell::DateCell(iso); };
    for (int node : nodes) {
      size_t index = graph_.nodes[node].index;
      const Document& d = graph_.corpus->documents[index];
      const DocumentState& c = analysis_.documents[index];
      Cell id = Cell::Text(d.id);
      id.url = Url(kDocumentRegister, node);
      std::string changes = ChangesAfterApproval(d, c, false);
      Cell changed = changes.empty() ? Cell{} : Cell::Text("yes: " + changes);
      if (!changes.empty()) changed.fill = RegisterRules::kLate;
      std::vector<std::string> messages;
      for (const ApprovalProblem& p : c.approval_problems) messages.push_back(p.message);
      Cell problems = messages.empty() ? Cell{} : Cell::Text(Join(messages, "; "));
      if (!messages.empty()) problems.fill = RegisterRules::kLate;
      auto text = [](const std::string& t) { return t.empty() ? Cell{} : Cell::Text(t); };
      sheet.rows.push_back({id,
                            Cell::Text(d.title),
                            Cell::Text(d.type),
                            Cell::Text(Join(d.clauses, ", ")),
                            Cell::Text(RoleTitle(d.owner)),
                            d.author.empty() ? Cell{} : Cell::Text(RoleTitle(d.author)),
                            Cell::Text(RoleTitle(d.approver)),
                            Cell::Text(d.version),
                            Cell::Text(d.status),
                            text(d.classification),
                            date(d.effective),
                            date(c.approved_on),
                            text(c.approved_by),
                            date(c.last_review),
                            Cell::Number(d.review_months),
                            date(c.next_review),
                            text(d.change_summary),
                            changed,
                            problems,
                            Cell::Text(d.path)});
    }
    wb.sheets.push_back(std::move(sheet));
    AddCover(wb);
    return wb;
  }

  const Graph& graph_;
  const Analysis& analysis_;
  BuildInfo info_;  // a copy: rows are made later, while the site is written
  RegisterRules rules_;
};

}  // namespace

std::vector<Workbook> BuildWorkbooks(const Graph& graph, const Analysis& analysis,
                                     const BuildInfo& info) {
  return std::make_shared<Builder>(graph, analysis, info)->Build();
}

}  // namespace smsdoc
