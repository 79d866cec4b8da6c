// registers/stage-2-sampling.xlsx: the Stage 2 populations (size, sample
// size, seed) and one sheet per population of its sampled records, each
// with its register's columns and the process rules it breaks.
#include <set>

#include "analyse/process_rules.h"
#include "base/text.h"
#include "model/urls.h"
#include "render/sampling_text.h"
#include "render/workbook_builder.h"

namespace smsdoc {

Workbook WorkbookBuilder::SamplingRegister() const {
  Workbook wb = NewWorkbook(kSamplingRegister, labels_("wb_sampling"));
  const Corpus& corpus = *graph_.corpus;
  Sheet populations;
  populations.name = labels_("wb_populations");
  populations.columns = {{labels_("col_population"), 30, true},
                         {labels_("col_register"), 24, true},
                         {labels_("col_size"), 10},
                         {labels_("col_sample_size"), 10},
                         {labels_("col_seed"), 12},
                         {labels_("col_sheet"), 30, true}};
  std::vector<Sheet> samples;
  for (const Population& p : analysis_.samples) {
    const KindSpec& kind = *corpus.kinds.Find(p.kind);
    std::set<const Record*> keep;
    for (int node : p.sample) keep.insert(&RecordAt(node));
    std::vector<int> rows;  // as RecordSheet orders them
    for (int node : RecordsOf(kind))
      if (keep.count(&RecordAt(node))) rows.push_back(node);
    Sheet sheet = RecordSheet(
        kind, kind.columns, [keep](const Record& r) { return keep.count(&r) > 0; },
        PopulationTitle(p, labels_));
    // The rules' verdict on each sampled record, after its register's columns.
    sheet.columns.push_back({labels_("col_rule_breaches"), 40, true});
    sheet.row_at = [self = shared_from_this(), inner = sheet.row_at, rows](size_t r) {
      std::vector<Cell> row = inner(r);
      std::string breaches =
          Join(BreachesOf(self->analysis_.rules, self->graph_.corpus->config, rows[r]), "\n");
      row.push_back(breaches.empty() ? Cell{} : Cell::Text(breaches));
      return row;
    };
    populations.rows.push_back({Cell::Text(PopulationTitle(p, labels_)), Cell::Text(kind.title),
                                Cell::Number(static_cast<double>(p.members.size())),
                                Cell::Number(static_cast<double>(p.sample.size())),
                                Cell::Text(std::to_string(analysis_.sample_seed)),
                                Cell::Text(sheet.name)});
    samples.push_back(std::move(sheet));
  }
  wb.sheets.push_back(std::move(populations));
  for (Sheet& s : samples) wb.sheets.push_back(std::move(s));
  AddCover(wb);
  return wb;
}

}  // namespace smsdoc
