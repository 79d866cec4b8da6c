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
#include "analyse/soa.h"
#include "base/dates.h"
#include "base/text.h"
#include "base/utf8.h"
#include "load/document_loader.h"
#include "model/clauses.h"
#include "model/urls.h"
#include "render/labels.h"
#include "render/workbook_builder.h"

namespace smsdoc {

namespace {

constexpr const char* kFolder = kRegisterFolder;
// The kinds whose registers the workbooks above hold (RegisterFile).
bool Grouped(const std::string& kind) {
  static const std::set<std::string> kGrouped = {"risk",  "person",  "competence", "training",
                                                 "audit", "finding", "action"};
  return kGrouped.count(kind) > 0;
}
std::string ExcelDate(const std::string& iso) {
  auto d = ParseDate(iso);
  return d ? "DATE(" + std::to_string(d->year) + "," + std::to_string(d->month) + "," +
                 std::to_string(d->day) + ")"
           : "0";
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
    case FieldType::kControls:
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

}  // namespace

std::string ExcelString(const std::string& text) {
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string SheetRef(const std::string& sheet_name) {
  std::string out = "'";
  for (char c : ValidSheetName(sheet_name))
    out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'!";
}

std::vector<Workbook> WorkbookBuilder::Build() {
  std::vector<Workbook> out;
  out.push_back(RiskRegister());
  out.push_back(TrainingRegister());
  out.push_back(AuditRegister());
  out.push_back(DocumentRegister());
  out.push_back(ClauseCoverageRegister());
  out.push_back(KpiRegister());
  out.push_back(SamplingRegister());
  if (!graph_.corpus->config.mappings.empty()) out.push_back(FrameworkMatrixRegister());
  // Every other kind: a sheet in its workbook, kinds sharing one
  // (service-register.xlsx, supplier-register.xlsx) in catalogue order.
  std::vector<Workbook> by_kind;
  for (const auto& kind : graph_.corpus->kinds.kinds) {
    if (Grouped(kind.name)) continue;
    std::string file = RegisterFile(kind.name);
    auto wb = std::find_if(by_kind.begin(), by_kind.end(),
                           [&](const Workbook& w) { return w.file == file; });
    if (wb == by_kind.end())
      wb = by_kind.insert(by_kind.end(), NewWorkbook(file, SharedTitle(file, kind.title)));
    wb->sheets.push_back(RecordSheet(kind, kind.columns, nullptr, kind.title));
  }
  for (Workbook& wb : by_kind) {
    AddCover(wb);
    out.push_back(std::move(wb));
  }
  return out;
}

// The title of a workbook several built-in kinds share; a kind's own
// workbook has the kind's title.
std::string WorkbookBuilder::SharedTitle(const std::string& file, const std::string& title) const {
  if (file == "service-register.xlsx") return labels_("wb_service_register");
  if (file == "supplier-register.xlsx") return labels_("wb_supplier_register");
  return title;
}

Workbook WorkbookBuilder::NewWorkbook(const std::string& file, const std::string& title) const {
  Workbook wb;
  wb.file = file;
  wb.title = title;
  wb.company = graph_.corpus->config.organization;
  wb.created = info_.as_of;
  wb.revision = info_.revision;
  wb.words = {labels_("wb_as_of"),           labels_("revision"), labels_("not_in_git"),
              labels_("print_page_capital"), labels_("print_of"), labels_("wb_column")};
  return wb;
}

const KindSpec* WorkbookBuilder::Kind(const std::string& name) const {
  return graph_.corpus->kinds.Find(name);
}

std::vector<int> WorkbookBuilder::RecordsOf(const KindSpec& kind) const {
  std::vector<int> nodes;
  for (size_t i = 0; i < graph_.corpus->records.size(); ++i)
    if (graph_.corpus->records[i].kind == &kind) nodes.push_back(graph_.RecordNode(i));
  return nodes;
}

const Record& WorkbookBuilder::RecordAt(int node) const {
  return graph_.corpus->records[graph_.nodes[node].index];
}

std::string WorkbookBuilder::Url(const std::string& workbook_file, int node) const {
  return RelativeUrl(kFolder + workbook_file, graph_.nodes[node].url);
}

std::string WorkbookBuilder::Today() const {
  return info_.live_dates ? "TODAY()" : ExcelDate(info_.as_of);
}

std::string WorkbookBuilder::RoleTitle(const std::string& key) const {
  const Role* role = graph_.corpus->config.FindRole(key);
  return role ? role->title : key;
}

// The criteria in formulas: the Criteria sheet's defined names (so an
// edit there moves every formula and colour), or the numbers themselves
// in a workbook without that sheet.
std::string WorkbookBuilder::BandMin(size_t b, bool named) const {
  return named ? "Band" + std::to_string(b + 1) + "Min"
               : std::to_string(rules_.scoring().bands[b].min);
}

std::string WorkbookBuilder::BandName(size_t b, bool named) const {
  return named ? "Band" + std::to_string(b + 1) + "Name"
               : ExcelString(rules_.scoring().bands[b].name);
}

std::string WorkbookBuilder::Acceptance(bool named) const {
  return named ? "Acceptance" : std::to_string(rules_.scoring().acceptance);
}

// `score` (a cell or a number) is in band b: at least its minimum, below the next's.
std::string WorkbookBuilder::InBand(const std::string& score, size_t b, bool named) const {
  std::string test = score + ">=" + BandMin(b, named);
  if (b + 1 < rules_.scoring().bands.size()) test += "," + score + "<" + BandMin(b + 1, named);
  return test;
}

bool WorkbookBuilder::HasOpportunities(const KindSpec& kind) {
  const FieldSpec* type = kind.Field("type");
  return type &&
         std::find(type->values.begin(), type->values.end(), "opportunity") != type->values.end();
}

// Column letters of `columns` as RecordSheet lays them out.
std::map<std::string, std::string> WorkbookBuilder::LettersOf(
    const KindSpec& kind, const std::vector<std::string>& columns) {
  std::map<std::string, std::string> letters;
  int shown = 0;
  for (const auto& c : columns)
    if (kind.Field(c)) letters[c] = ColumnLetters(shown++);
  return letters;
}

// The cell of one field of one record; formulas refer to the columns of
// this sheet (letters) on Excel row `excel_row`.
Cell WorkbookBuilder::FieldCell(const Record& record, const FieldSpec& spec,
                                const std::string& workbook_file, int node,
                                const std::map<std::string, std::string>& letters, int excel_row,
                                bool named) const {
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
    case FieldType::kClauses:
    case FieldType::kControls: return items.empty() ? Cell{} : Cell::Text(Join(items, ", "));
    case FieldType::kList: return items.empty() ? Cell{} : Cell::Text(Join(items, "; "));
    case FieldType::kScore:
    case FieldType::kLevel:
    case FieldType::kExceeds: {
      // Blank without its inputs, and an opportunity's flag (the loader's "").
      Cell c = text.empty()                     ? Cell{}
               : spec.type == FieldType::kScore ? Cell::Number(std::strtod(text.c_str(), nullptr))
               : spec.type == FieldType::kLevel
                   ? Cell::Text(text)
                   : Cell::Text(labels_(text == "true" ? "bool_yes" : "bool_no"));
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

Cell WorkbookBuilder::EvidenceCell(const Record& record, const std::string& workbook_file) const {
  if (record.evidence_files.empty()) return {};
  std::vector<std::string> paths;
  for (const EvidenceFile& file : record.evidence_files) paths.push_back(file.path);
  Cell c = Cell::Text(Join(paths, "\n"));
  c.url = RelativeUrl(kFolder + workbook_file, paths[0]);
  return c;
}

std::vector<Cell> WorkbookBuilder::SoaCells(const Record& record) const {
  std::optional<FrameworkRef> control = SoaControlOf(graph_.corpus->config, record);
  if (!control) return {Cell{}, Cell{}};
  auto ids = [&](const std::vector<int>& nodes) {
    std::vector<std::string> out;
    for (int node : nodes) out.push_back(graph_.nodes[node].id);
    return out.empty() ? Cell{} : Cell::Text(Join(out, ", "));
  };
  return {ids(ImplementingDocuments(graph_, analysis_, *control)),
          ids(EvidenceRecords(graph_, *control))};
}

// A score, level or flag as a formula of `operand(field)` (a cell such
// as "M2", or a Table's "[@[Likelihood]]"); "" when an operand is not on
// the sheet.
std::string WorkbookBuilder::Computed(const FieldSpec& spec, const KindSpec& kind,
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
      formula =
          "IF(" + score + ">=" + BandMin(b, named) + "," + BandName(b, named) + "," + formula + ")";
    return "IF(" + score + "=\"\",\"\"," + formula + ")";
  }
  std::string blank = score + "=\"\"";
  if (HasOpportunities(kind)) {  // acceptance is for threats: it needs the type
    std::string type = operand("type");
    if (type.empty()) return "";
    blank = "OR(" + type + "=\"opportunity\"," + blank + ")";
  }
  // The words FieldCell writes for the flag.
  return "IF(" + blank + ",\"\",IF(" + score + ">" + Acceptance(named) + "," +
         ExcelString(labels_("bool_yes")) + "," + ExcelString(labels_("bool_no")) + "))";
}

// A column of a Table in a formula: [@[Inherent score]] (' escapes the
// characters a structured reference reserves).
std::string WorkbookBuilder::TableOperand(const std::string& header) {
  std::string out = "[@[";
  for (char c : header) {
    if (std::string("[]#'").find(c) != std::string::npos) out += '\'';
    out += c;
  }
  return out + "]]";
}

// Conditional formats for a column: bands, overdue and expiry dates.
void WorkbookBuilder::AddHighlights(Sheet& sheet, int column, const FieldSpec& spec,
                                    const KindSpec& kind,
                                    const std::map<std::string, std::string>& letters,
                                    bool named) const {
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
    std::string formula = "=AND(ISNUMBER(" + cell + ")," + cell + "<" + Today();
    if (auto status = letters.find("status"); status != letters.end())
      for (const auto& done : RegisterRules::DoneFor(kind, spec))
        formula += ",$" + status->second + "2<>" + ExcelString(done);
    sheet.highlights.push_back({column, formula + ")", RegisterRules::kLate});
  } else if (spec.expiry) {
    std::string live;  // the statuses that make the date history
    if (auto status = letters.find("status"); status != letters.end())
      for (const auto& done : spec.done)  // appended: GCC 12 misjudges a + chain (-Wrestrict)
        live.append(",$").append(status->second).append("2<>").append(ExcelString(done));
    sheet.highlights.push_back({column,
                                "=AND(ISNUMBER(" + cell + ")," + cell + "<" + Today() + live + ")",
                                RegisterRules::kLate});
    std::string until;  // no upper bound when the window runs past the last date
    if (auto end = rules_.expiring_until())
      until.append(",").append(cell).append("<").append(
          info_.live_dates ? "TODAY()+" + std::to_string(kExpiringDays) : ExcelDate(*end));
    sheet.highlights.push_back(
        {column, "=AND(ISNUMBER(" + cell + ")," + cell + ">=" + Today() + until + live + ")",
         RegisterRules::kSoon});
  }
}

// `named`: formulas use the Criteria sheet's defined names (the risk
// workbook); elsewhere the criteria are written in as numbers.
Sheet WorkbookBuilder::RecordSheet(const KindSpec& kind, const std::vector<std::string>& columns,
                                   const RecordFilter& keep, const std::string& name,
                                   bool named) const {
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
  // Evidence files: a column only where a record of the sheet lists some,
  // so registers without them keep their columns.
  const bool evidence = std::any_of(
      nodes.begin(), nodes.end(), [&](int node) { return !RecordAt(node).evidence_files.empty(); });
  if (evidence) sheet.columns.push_back({labels_("evidence_files"), 40, true});
  // The Statement of Applicability: catalogue order, and what implements
  // and evidences each control.
  const bool soa = kind.name == kSoaKind;
  if (soa) {
    SortByControl(graph_, nodes);
    sheet.columns.push_back({labels_("soa_implemented_by"), 30, true});
    sheet.columns.push_back({labels_("soa_evidence"), 30, true});
  }
  // IDs from an ITSM tool ("INC-2026-04127") can run longer than the
  // column's default: widen it so no ID prints cut.
  for (size_t c = 0; c < specs.size(); ++c)
    if (specs[c]->type == FieldType::kId)
      for (int node : nodes)
        sheet.columns[c].width = std::max(
            sheet.columns[c].width, static_cast<double>(CountCodePoints(RecordAt(node).id)) + 2);
  // Rows are made as the sheet is written, so a register of any size
  // never sits in memory whole (libxlsxwriter streams them to disk).
  sheet.row_count = nodes.size();
  sheet.row_at = [self = shared_from_this(), nodes = std::move(nodes), specs,
                  letters = std::move(letters), file = RegisterFile(kind.name), named, evidence,
                  soa](size_t r) {
    const Record& record = self->RecordAt(nodes[r]);
    std::vector<Cell> row;
    for (const FieldSpec* spec : specs)
      row.push_back(
          self->FieldCell(record, *spec, file, nodes[r], letters, static_cast<int>(r) + 2, named));
    if (evidence) row.push_back(self->EvidenceCell(record, file));
    if (soa)
      for (Cell& cell : self->SoaCells(record)) row.push_back(std::move(cell));
    return row;
  };
  return sheet;
}

// First sheet of every workbook: what it is, as of when, from what.
void WorkbookBuilder::AddCover(Workbook& wb) const {
  Sheet cover;
  cover.name = ValidSheetName(labels_("wb_cover"));
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
  line(labels_("wb_organization"), Cell::Text(graph_.corpus->config.organization));
  line(labels_("col_register"), Cell::Text(wb.title));
  line(labels_("wb_as_of"), Cell::DateCell(info_.as_of));
  // Formulas that judge dates (the skills matrix) read the as-of date here.
  wb.names.push_back({"AsOf", info_.live_dates ? "=TODAY()"
                                               : "=" + SheetRef(cover.name) + "$B$" +
                                                     std::to_string(cover.rows.size())});
  if (info_.live_dates) line(labels_("wb_dates"), Cell::Text(labels_("wb_dates_live")));
  line(labels_("wb_source_revision"),
       Cell::Text(info_.revision.empty() ? labels_("not_in_git") : info_.revision));
  line(labels_("wb_generated_by"), Cell::Text("smsdoc " + info_.version));
  // What this file is not: the source. An edit here never reaches the SMS.
  // (Service report commentary is no register's source.)
  const Config& config = graph_.corpus->config;
  std::vector<std::string> sources = config.ContentFolders();
  sources.resize(sources.size() - config.service_reports_dirs.size());
  std::string files = Join(sources, "/, ") + "/, smsdoc.yaml";
  line(labels_("col_source"),
       Cell::Text(labels_.Format(info_.revision.empty() ? "wb_source_files" : "wb_source_files_at",
                                 {{"files", files}})));
  line(labels_("wb_edits"), Cell::Text(labels_("wb_edits_text")));
  cover.rows.push_back({});
  line(labels_("wb_sheet"), Cell::Text(labels_("wb_rows")));
  for (const auto& sheet : wb.sheets) {
    if (!sheet.is_table) continue;
    cover.rows.push_back(
        {Cell::Text(sheet.name), Cell::Number(static_cast<double>(sheet.RowCount()))});
  }
  wb.sheets.insert(wb.sheets.begin(), std::move(cover));
}

Workbook WorkbookBuilder::ClauseCoverageRegister() const {
  Workbook wb = NewWorkbook(kClauseCoverageRegister, labels_("clause_coverage"));
  Sheet sheet;
  sheet.name = ValidSheetName(labels_("col_clauses"));
  sheet.columns = {{labels_("col_clause"), 10},
                   {labels_("col_title"), 44, true},
                   {labels_("col_state"), 16},
                   {labels_("documents"), 11},
                   {labels_("processes"), 11},
                   {labels_("records"), 10},
                   {labels_("wb_document_ids"), 30, true},
                   {labels_("wb_process_ids"), 30, true},
                   {labels_("wb_not_in_force"), 22, true},
                   {labels_("wb_record_ids"), 30, true},
                   {labels_("clause_internal_audits"), 22, true},
                   {labels_("col_last_internal_audit"), 12},
                   {labels_("wb_audited_in_cycle"), 10},
                   {labels_("clause_external_audits"), 22, true},
                   {labels_("col_last_external_audit"), 12},
                   {labels_("clause_open_findings"), 22, true}};
  // The state words the cells hold, the drop-down offers and the colours test.
  auto state = [&](ClauseCoverage::State s) { return labels_(CoverageStateLabel(s)); };
  using State = ClauseCoverage::State;
  sheet.columns[2].choices = {state(State::kCovered), state(State::kPartlyCovered),
                              state(State::kDocumentedOnly), state(State::kEvidencedOnly),
                              state(State::kNotCovered)};
  auto is = [&](State s) { return "C2=" + ExcelString(state(s)); };
  sheet.highlights = {{2, "=" + is(State::kCovered), kGreen},
                      {2,
                       "=OR(" + is(State::kPartlyCovered) + "," + is(State::kDocumentedOnly) + "," +
                           is(State::kEvidencedOnly) + ")",
                       RegisterRules::kSoon},
                      {2, "=" + is(State::kNotCovered), RegisterRules::kLate}};
  // A cell holds 32,767 characters: long lists end with a count.
  auto ids = [&](const std::vector<int>& nodes) {
    constexpr size_t kShown = 200;
    std::vector<std::string> out;
    for (size_t i = 0; i < nodes.size() && i < kShown; ++i)
      out.push_back(graph_.nodes[nodes[i]].id);
    std::string text = Join(out, ", ");
    if (nodes.size() > kShown)
      text += " " + labels_.Format("wb_and_more", {{"n", std::to_string(nodes.size() - kShown)}});
    return out.empty() ? Cell{} : Cell::Text(text);
  };
  auto date = [](const std::string& iso) { return iso.empty() ? Cell{} : Cell::DateCell(iso); };
  for (const ClauseCoverage& cov : analysis_.coverage) {
    Cell clause = Cell::Text(cov.clause->id);
    clause.url =
        RelativeUrl(std::string(kFolder) + kClauseCoverageRegister, ClauseUrl(cov.clause->id));
    sheet.rows.push_back(
        {clause, Cell::Text(cov.clause->title), Cell::Text(state(cov.state)),
         Cell::Number(static_cast<double>(cov.documents.size())),
         Cell::Number(static_cast<double>(cov.processes.size())),
         Cell::Number(static_cast<double>(cov.records.size())), ids(cov.documents),
         ids(cov.processes), ids(cov.not_in_force), ids(cov.records), ids(cov.internal_audits),
         date(cov.last_internal_audit),
         Cell::Text(labels_(cov.audited_in_cycle ? "bool_yes_lower" : "bool_no_lower")),
         ids(cov.external_audits), date(cov.last_external_audit), ids(cov.open_findings)});
  }
  wb.sheets.push_back(std::move(sheet));
  AddCover(wb);
  return wb;
}

Workbook WorkbookBuilder::DocumentRegister() const {
  Workbook wb = NewWorkbook(kDocumentRegister, labels_("document_master_list"));
  Sheet sheet;
  sheet.name = ValidSheetName(labels_("documents"));
  sheet.columns = {{labels_("col_id"), 16},
                   {labels_("col_title"), 30, true},
                   {labels_("col_type"), 12},
                   {labels_("col_clauses"), 14, true},
                   {labels_("col_owner"), 18, true},
                   {labels_("col_author"), 18, true},
                   {labels_("col_approver"), 18, true},
                   {labels_("col_version"), 8},
                   {labels_("col_status"), 10},
                   {labels_("wb_classification"), 13},
                   {labels_("col_effective"), 11},
                   {labels_("col_approved_on"), 11},
                   {labels_("col_approved_by"), 18, true},
                   {labels_("col_last_review"), 14},  // "none recorded" fits
                   {labels_("wb_review_cycle_months"), 9},
                   {labels_("col_next_review"), 11},
                   {labels_("wb_change_summary"), 30, true},
                   {labels_("wb_changed_after_approval"), 24, true},
                   {labels_("wb_approval_problems"), 30, true},
                   {labels_("col_source"), 28, true}};
  sheet.columns[8].choices = {"draft", "approved", "retired"};
  sheet.columns[9].choices = DocumentClassifications();
  sheet.highlights.push_back(
      {15, "=AND(ISNUMBER(P2),P2<" + Today() + ",$I2=\"approved\")", RegisterRules::kLate});
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
    Cell changed =
        changes.empty() ? Cell{} : Cell::Text(labels_("bool_yes_lower") + ": " + changes);
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
                          c.last_review.empty() ? Cell::Text(labels_("none_recorded"))
                                                : Cell::DateCell(c.last_review),
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

std::vector<Workbook> BuildWorkbooks(const Graph& graph, const Analysis& analysis,
                                     const BuildInfo& info, const Labels& labels) {
  return std::make_shared<WorkbookBuilder>(graph, analysis, info, labels)->Build();
}

}  // namespace smsdoc
