// records/review/ID-pack.html: a management review's 9.3 inputs as of its
// date (analyse/review_pack.h gathers them), one section per input, each
// item linked to its page; printable like every page.
#include "analyse/kpi_periods.h"
#include "analyse/review_pack.h"
#include "base/text.h"
#include "render/kpi_chart.h"
#include "render/kpi_text.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

constexpr size_t kPackChartPeriods = 12;

TemplateValue Cell(const std::string& text, const std::string& url = "",
                   const std::string& css = "", const std::string& kpi_source = "") {
  TemplateValue c;
  c.Set("text", text);
  // Set on every cell, so that no outer key of the name stands in.
  c.Set("has_kpi_source", !kpi_source.empty());
  c.Set("kpi_source", kpi_source);
  c.Set("has_url", !url.empty());
  c.Set("url", url);
  c.Set("class", css);
  return c;
}

// One section of the pack: a table of `rows` under `columns`, or its
// `none` sentence when there are no rows.
struct Section {
  TemplateValue value;
  TemplateValue columns = TemplateValue::List(), rows = TemplateValue::List();

  Section(const std::string& anchor, const std::string& title, const std::string& none) {
    value.Set("anchor", anchor);
    value.Set("title", title);
    value.Set("none", none);
  }
  void Columns(std::initializer_list<std::string> labels) {
    for (const std::string& label : labels) columns.Push(TemplateValue().Set("label", label));
  }
  void Row(const std::string& id, TemplateValue cells) {
    TemplateValue row;
    row.Set("id", id);
    row.Set("cells", std::move(cells));
    rows.Push(std::move(row));
  }
  TemplateValue Done() {
    value.Set("has_rows", !rows.list.empty());
    value.Set("columns", std::move(columns));
    value.Set("rows", std::move(rows));
    return std::move(value);
  }
};

}  // namespace

TemplateValue PageContext::ReviewPackPage(int node) const {
  const Corpus& corpus = *graph_.corpus;
  const Node& n = graph_.nodes[node];
  const Record& review = corpus.records[n.index];
  const std::string page_url = ReviewPackUrl(review.id);
  const ReviewPack pack = GatherReviewPack(graph_, analysis_, node);
  const std::string title = labels_("review_pack") + ": " + review.id + " " + review.title;
  TemplateValue v = Common(page_url, title);
  SetPrintStyle(
      v, labels_("review_pack") + " " + review.id + " · " + labels_("as_of") + " " + pack.date,
      false);
  v.Set("review_id", review.id);
  v.Set("review_title", review.title);
  v.Set("review_url", RelativeUrl(page_url, n.url));
  v.Set("date", pack.date);
  const FieldValue* held = review.Field("held");
  v.Set("lead",
        pack.capped
            ? labels_.Format(
                  "review_pack_lead_planned",
                  {{"date", pack.date},
                   {"held", held && !held->text.empty() ? held->text : labels_("none_recorded")}})
            : labels_.Format("review_pack_lead", {{"date", pack.date}}));

  auto link = [&](int target) { return RelativeUrl(page_url, graph_.nodes[target].url); };
  auto record = [&](int target) -> const Record& {
    return corpus.records[graph_.nodes[target].index];
  };
  auto text = [&](int target, const char* field) {
    const FieldValue* f = record(target).Field(field);
    return f ? f->text : std::string();
  };
  auto label = [&](const char* kind, const char* field) {
    const KindSpec* spec = corpus.kinds.Find(kind);
    const FieldSpec* f = spec ? spec->Field(field) : nullptr;
    return f ? f->label : std::string(field);
  };
  auto overdue = [&](int target) {
    return OverdueAt(record(target), pack.date) ? labels_("date_overdue") : std::string();
  };
  // An action or finding: its ID, title, status (and when it closed), due
  // date and whether it was overdue at the pack's date.
  auto actions = [&](Section& s, const std::vector<int>& nodes) {
    s.Columns({labels_("col_id"), labels_("col_title"), labels_("col_status"),
               label("action", "closed_on"), label("action", "due"),
               labels_("review_pack_at_date")});
    for (int a : nodes) {
      TemplateValue cells = TemplateValue::List();
      cells.Push(Cell(graph_.nodes[a].id, link(a)));
      cells.Push(Cell(graph_.nodes[a].title));
      cells.Push(Cell(record(a).status));
      cells.Push(Cell(text(a, "closed_on")));
      cells.Push(Cell(text(a, "due")));
      cells.Push(Cell(overdue(a), "", OverdueAt(record(a), pack.date) ? "overdue" : ""));
      s.Row(graph_.nodes[a].id, std::move(cells));
    }
  };
  auto findings = [&](Section& s, const std::vector<int>& nodes) {
    s.Columns({labels_("col_id"), labels_("col_title"), label("finding", "classification"),
               label("finding", "raised"), label("finding", "audit"), labels_("col_status"),
               label("finding", "closed_on")});
    for (int f : nodes) {
      int audit = graph_.RefTarget(f, "audit");
      TemplateValue cells = TemplateValue::List();
      cells.Push(Cell(graph_.nodes[f].id, link(f)));
      cells.Push(Cell(graph_.nodes[f].title));
      cells.Push(Cell(text(f, "classification")));
      cells.Push(Cell(text(f, "raised")));
      cells.Push(audit >= 0 ? Cell(graph_.nodes[audit].id, link(audit)) : Cell(""));
      cells.Push(Cell(record(f).status));
      cells.Push(Cell(text(f, "closed_on")));
      s.Row(graph_.nodes[f].id, std::move(cells));
    }
  };
  auto kpi_rows = [&](Section& s, const std::vector<size_t>& which, bool charts) {
    s.Columns({labels_("col_kpi"), labels_("col_process"), labels_("col_target"),
               labels_("col_latest"), labels_("col_state"), labels_("col_missed_in_a_row")});
    TemplateValue figures = TemplateValue::List();
    for (size_t i : which) {
      const KpiSeries& series = pack.kpis[i];
      const Document& process = corpus.documents[series.document];
      const Kpi& kpi = process.kpis[series.kpi];
      int process_node = graph_.DocumentNode(static_cast<size_t>(series.document));
      TemplateValue cells = TemplateValue::List();
      cells.Push(Cell(kpi.id + " " + kpi.name,
                      RelativeUrl(page_url, std::string(kKpisUrl)) + "#" + KpiAnchor(kpi)));
      cells.Push(Cell(process.id, link(process_node)));
      cells.Push(Cell(KpiTargetText(kpi, labels_)));
      bool measured = !series.points.empty();
      const KpiPoint* latest = measured ? &series.points.back() : nullptr;
      cells.Push(
          Cell(latest ? KpiValueText(latest->value, kpi.unit, labels_) + " (" + latest->period + ")"
                      : labels_("kpi_no_measurement"),
               "", "", latest ? KpiSourceText(corpus, *latest, labels_) : ""));
      cells.Push(latest ? Cell(labels_(KpiStateKey(latest->state)), "",
                               std::string("state-") + KpiStateName(latest->state))
                        : Cell(""));
      cells.Push(Cell(std::to_string(series.missed_in_a_row)));
      s.Row(kpi.id, std::move(cells));
      if (charts && measured) {
        TemplateValue figure;
        figure.Set("caption", kpi.id + " " + kpi.name);
        figure.Set("chart_svg", KpiTrendSvg(kpi, series, labels_, kPackChartPeriods, true));
        figures.Push(std::move(figure));
      }
    }
    s.value.Set("charts", std::move(figures));
  };

  TemplateValue sections = TemplateValue::List();
  {
    Section s("previous-actions", labels_("review_pack_previous_actions"),
              labels_(pack.previous < 0 ? "review_pack_no_previous" : "none"));
    if (pack.previous >= 0) {
      s.value.Set("has_note", true);
      s.value.Set("note",
                  labels_.Format("review_pack_previous", {{"id", graph_.nodes[pack.previous].id},
                                                          {"held", text(pack.previous, "held")}}));
      s.value.Set("note_url", link(pack.previous));
    }
    actions(s, pack.previous_actions);
    sections.Push(s.Done());
  }
  {
    std::vector<size_t> all(pack.kpis.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    Section s("kpis", labels_("review_pack_kpis"), labels_("review_pack_no_kpis"));
    kpi_rows(s, all, true);
    sections.Push(s.Done());
  }
  {
    Section s("audits", labels_("review_pack_audits"), labels_("none"));
    s.Columns({labels_("col_id"), labels_("col_title"), label("audit", "type"),
               label("audit", "performed")});
    for (int a : pack.audits) {
      TemplateValue cells = TemplateValue::List();
      cells.Push(Cell(graph_.nodes[a].id, link(a)));
      cells.Push(Cell(graph_.nodes[a].title));
      cells.Push(Cell(text(a, "type")));
      cells.Push(Cell(text(a, "performed")));
      s.Row(graph_.nodes[a].id, std::move(cells));
    }
    sections.Push(s.Done());
  }
  {
    Section s("open-findings", labels_("review_pack_open_findings"), labels_("none"));
    findings(s, pack.open_findings);
    sections.Push(s.Done());
  }
  {
    Section s("nonconformities", labels_("review_pack_nonconformities"), labels_("none"));
    findings(s, pack.nonconformities);
    sections.Push(s.Done());
  }
  {
    Section s("corrective-actions", labels_("review_pack_corrective_actions"), labels_("none"));
    actions(s, pack.corrective_actions);
    sections.Push(s.Done());
  }
  {
    Section s("risks", labels_("review_pack_risks"), labels_("none"));
    s.Columns({labels_("col_id"), labels_("col_title"), label("risk", "inherent_level"),
               label("risk", "treatment"), label("risk", "treatment_owner"), label("risk", "due"),
               labels_("col_status"), labels_("review_pack_at_date")});
    for (int r : pack.risks) {
      TemplateValue cells = TemplateValue::List();
      cells.Push(Cell(graph_.nodes[r].id, link(r)));
      cells.Push(Cell(graph_.nodes[r].title));
      cells.Push(Cell(text(r, "inherent_level") + " (" + text(r, "inherent_score") + ")"));
      cells.Push(Cell(text(r, "treatment")));
      cells.Push(Cell(RoleTitle(text(r, "treatment_owner"))));
      cells.Push(Cell(text(r, "due")));
      cells.Push(Cell(record(r).status));
      cells.Push(Cell(overdue(r), "", OverdueAt(record(r), pack.date) ? "overdue" : ""));
      s.Row(graph_.nodes[r].id, std::move(cells));
    }
    sections.Push(s.Done());
  }
  {
    Section s("customer-kpis", labels_("review_pack_customer"), labels_("review_pack_no_kpis"));
    kpi_rows(s, pack.customer_kpis, false);
    sections.Push(s.Done());
  }
  {
    Section s("supplier-kpis", labels_("review_pack_suppliers"), labels_("review_pack_no_kpis"));
    kpi_rows(s, pack.supplier_kpis, false);
    sections.Push(s.Done());
  }
  {
    Section s("opportunities", labels_("review_pack_opportunities"), labels_("none"));
    s.Columns({labels_("col_id"), labels_("col_title"), labels_("col_register"),
               labels_("col_date"), labels_("col_status")});
    for (int o : pack.opportunities) {
      const Record& r = record(o);
      TemplateValue cells = TemplateValue::List();
      cells.Push(Cell(r.id, link(o)));
      cells.Push(Cell(r.title));
      cells.Push(Cell(r.kind->title));
      cells.Push(Cell(text(o, r.kind->name == "risk" ? "opened" : "raised")));
      cells.Push(Cell(r.status));
      s.Row(r.id, std::move(cells));
    }
    sections.Push(s.Done());
  }
  {
    Section s("decisions", labels_("review_pack_decisions"), labels_("none_recorded"));
    TemplateValue texts = TemplateValue::List();
    for (const char* field : {"decisions", "outputs"}) {
      std::string value(Trim(text(node, field)));
      if (value.empty()) continue;
      TemplateValue t;
      t.Set("label", label("review", field));
      t.Set("text", value);
      texts.Push(std::move(t));
    }
    s.value.Set("has_texts", !texts.list.empty());
    s.value.Set("texts", std::move(texts));
    sections.Push(s.Done());
  }
  {
    Section s("raised-actions", labels_("review_pack_raised_actions"), labels_("none"));
    actions(s, pack.raised_actions);
    sections.Push(s.Done());
  }
  v.Set("sections", std::move(sections));
  return v;
}

}  // namespace smsdoc
