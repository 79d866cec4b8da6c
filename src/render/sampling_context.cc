// stage-2.html: the populations an auditor samples at Stage 2, each with
// its size and the sample drawn (analyse/sampling.h), every sampled record
// linked with its status, dates and the process rules it breaks.
#include "analyse/process_rules.h"
#include "base/text.h"
#include "render/page_context.h"
#include "render/sampling_text.h"

namespace smsdoc {

TemplateValue PageContext::Stage2Samples() const {
  const Corpus& corpus = *graph_.corpus;
  const std::string page_url = kStage2Url;
  TemplateValue v = Common(page_url, labels_("stage_2"));
  const std::string seed = std::to_string(analysis_.sample_seed);
  SetPrintStyle(v, labels_("stage_2") + " · " + labels_("as_of") + " " + info_.as_of, false);
  v.Set("lead", labels_.Format("stage_2_lead", {{"seed", seed}}));
  v.Set("seed", seed);
  SetAuditPurpose(v, page_url);
  v.Set("workbook_url", RelativeUrl(page_url, std::string(kRegisterFolder) + kSamplingRegister));
  TemplateValue populations = TemplateValue::List();
  for (const Population& p : analysis_.samples) {
    const KindSpec& kind = *corpus.kinds.Find(p.kind);
    TemplateValue pop;
    pop.Set("key", p.key);
    pop.Set("title", PopulationTitle(p, labels_));
    pop.Set("register", kind.title);
    pop.Set("register_url", RelativeUrl(page_url, KindUrl(kind.name)));
    pop.Set("size", std::to_string(p.members.size()));
    pop.Set("sample_size", std::to_string(p.sample.size()));
    TemplateValue rows = TemplateValue::List();
    for (int node : p.sample) {
      const Record& r = corpus.records[graph_.nodes[node].index];
      TemplateValue row = LinkTo(page_url, node);
      row.Set("status", r.status);
      std::vector<std::string> dates;
      for (const FieldValue& f : r.fields)
        if (f.spec->type == FieldType::kDate && !f.text.empty())
          dates.push_back(f.spec->label + " " + f.text);
      row.Set("dates", Join(dates, ", "));
      std::vector<std::string> breaches = BreachesOf(analysis_.rules, corpus.config, node);
      row.Set("has_breaches", !breaches.empty());
      row.Set("breaches", Join(breaches, "; "));
      rows.Push(std::move(row));
    }
    pop.Set("rows", std::move(rows));
    populations.Push(std::move(pop));
  }
  v.Set("has_populations", !populations.list.empty());
  v.Set("populations", std::move(populations));
  return v;
}

}  // namespace smsdoc
