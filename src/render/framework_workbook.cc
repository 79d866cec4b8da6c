// registers/framework-matrix.xlsx: the rows of frameworks/matrix.html (every
// pair of every mapping, both sides' states, the documents naming either),
// written only when smsdoc.yaml names mappings.
#include "adapters/xlsx.h"
#include "analyse/coverage.h"
#include "base/text.h"
#include "load/framework_loader.h"
#include "model/urls.h"
#include "render/labels.h"
#include "render/workbook_builder.h"

namespace smsdoc {

Workbook WorkbookBuilder::FrameworkMatrixRegister() const {
  Workbook wb = NewWorkbook(kFrameworkMatrixRegister, labels_("framework_matrix"));
  const Config& config = graph_.corpus->config;
  Sheet sheet;
  sheet.name = ValidSheetName(labels_("framework_matrix"));
  sheet.columns = {{labels_("wb_from_framework"), 24},
                   {labels_("wb_from_item"), 10},
                   {labels_("wb_from_title"), 36, true},
                   {labels_("wb_from_state"), 16},
                   {labels_("wb_to_framework"), 24},
                   {labels_("wb_to_item"), 10},
                   {labels_("wb_to_title"), 36, true},
                   {labels_("wb_to_state"), 16},
                   {labels_("framework_matrix_documents"), 30, true}};
  using State = ClauseCoverage::State;
  auto state = [&](State s) { return labels_(CoverageStateLabel(s)); };
  std::vector<std::string> states = {state(State::kCovered),        state(State::kPartlyCovered),
                                     state(State::kDocumentedOnly), state(State::kEvidencedOnly),
                                     state(State::kNotCovered),     state(State::kExcluded)};
  sheet.columns[3].choices = sheet.columns[7].choices = states;
  // The same colours as the clause coverage's, on both state columns.
  for (int col : {3, 7}) {
    std::string cell = std::string(1, static_cast<char>('A' + col)) + "2";
    auto is = [&](State s) { return cell + "=" + ExcelString(state(s)); };
    sheet.highlights.push_back({col, "=" + is(State::kCovered), kGreen});
    sheet.highlights.push_back({col,
                                "=OR(" + is(State::kPartlyCovered) + "," +
                                    is(State::kDocumentedOnly) + "," + is(State::kEvidencedOnly) +
                                    ")",
                                RegisterRules::kSoon});
    sheet.highlights.push_back({col, "=" + is(State::kNotCovered), RegisterRules::kLate});
  }
  const std::string here = std::string(kRegisterFolder) + kFrameworkMatrixRegister;
  auto item = [&](const std::string& framework, const std::string& id) {
    Cell cell = Cell::Text(id);
    cell.url =
        RelativeUrl(here, framework == config.frameworks[0].id ? ClauseUrl(id)
                                                               : FrameworkItemUrl(framework, id));
    return cell;
  };
  for (const MatrixRow& r : analysis_.matrix) {
    const Mapping& m = config.mappings[r.mapping];
    std::vector<std::string> ids;
    for (int node : r.documents) ids.push_back(graph_.nodes[node].id);
    sheet.rows.push_back({Cell::Text(FindFramework(config, m.from)->Title()),
                          item(m.from, r.from->id), Cell::Text(r.from->title),
                          Cell::Text(state(r.from_state)),
                          Cell::Text(FindFramework(config, m.to)->Title()), item(m.to, r.to->id),
                          Cell::Text(r.to->title), Cell::Text(state(r.to_state)),
                          ids.empty() ? Cell{} : Cell::Text(Join(ids, ", "))});
  }
  wb.sheets.push_back(std::move(sheet));
  AddCover(wb);
  return wb;
}

}  // namespace smsdoc
