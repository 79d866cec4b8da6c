// kpis.html: the KPI dashboard (9.1), by clause group and process, with a
// trend chart and the values it plots for every KPI.
#include <algorithm>
#include <map>

#include "analyse/kpi_periods.h"
#include "base/text.h"
#include "load/clause_catalogue.h"
#include "render/kpi_chart.h"
#include "render/kpi_text.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

constexpr size_t kChartPeriods = 24;

// The catalogue position of a process's first clause, so the dashboard
// follows the standard's order (8.2 before 8.3, ...); unnamed ones last.
size_t ClauseRank(const Document& d) {
  const auto& catalogue = ClauseCatalogue();
  if (d.clauses.empty()) return catalogue.size();
  const Clause* c = FindClause(d.clauses.front());
  return c ? static_cast<size_t>(c - catalogue.data()) : catalogue.size();
}

// The clause group a process sits in: its first clause to two levels.
std::string GroupOf(const Document& d) {
  if (d.clauses.empty()) return "";
  const std::string& id = d.clauses.front();
  size_t second = id.find('.', id.find('.') + 1);
  return id.substr(0, second);
}

}  // namespace

TemplateValue PageContext::KpiDashboard() const {
  const std::string page_url = kKpisUrl;
  const Corpus& corpus = *graph_.corpus;
  TemplateValue v = Common(page_url, labels_("kpis"));
  SetPrintStyle(v, labels_("kpis") + " · " + labels_("as_of") + " " + info_.as_of, false);
  v.Set("workbook_url", RelativeUrl(page_url, std::string(kRegisterFolder) + kKpiRegister));
  v.Set("service_reports_url", RelativeUrl(page_url, kServiceReportsUrl));

  std::vector<const KpiSeries*> order;
  for (const auto& s : analysis_.kpis) order.push_back(&s);
  std::stable_sort(order.begin(), order.end(), [&](const KpiSeries* a, const KpiSeries* b) {
    const Document &da = corpus.documents[a->document], &db = corpus.documents[b->document];
    return std::make_tuple(ClauseRank(da), da.id, a->kpi) <
           std::make_tuple(ClauseRank(db), db.id, b->kpi);
  });

  int counts[3] = {0, 0, 0}, untyped = 0;
  for (const auto& d : corpus.documents)
    for (const auto& k : d.kpis) untyped += k.typed ? 0 : 1;
  TemplateValue groups = TemplateValue::List(), charts = TemplateValue::List();
  TemplateValue* group = nullptr;
  std::string group_id = "\x01";
  for (const KpiSeries* s : order) {
    const Document& process = corpus.documents[s->document];
    const Kpi& kpi = process.kpis[s->kpi];
    if (GroupOf(process) != group_id) {
      group_id = GroupOf(process);
      const Clause* clause = FindClause(group_id);
      TemplateValue g;
      g.Set("title", clause ? clause->id + " " + clause->title : labels_("kpis_no_clause"));
      g.Set("anchor", "group-" + Slugify(group_id.empty() ? "none" : group_id));
      g.Set("kpis", TemplateValue::List());
      groups.Push(std::move(g));
      group = &groups.list.back().values.back();
    }
    int process_node = graph_.DocumentNode(static_cast<size_t>(s->document));
    std::string process_url = RelativeUrl(page_url, graph_.nodes[process_node].url);
    TemplateValue row;
    row.Set("id", kpi.id);
    row.Set("name", kpi.name);
    row.Set("anchor", KpiAnchor(kpi));
    row.Set("process_id", process.id);
    row.Set("process_title", process.title);
    row.Set("process_url", process_url);
    row.Set("target", KpiTargetText(kpi, labels_));
    row.Set("frequency", labels_(KpiFrequencyKey(kpi.cadence)));
    bool measured = !s->points.empty();
    row.Set("has_latest", measured);
    if (measured) {
      const KpiPoint& latest = s->points.back();
      counts[static_cast<int>(latest.state)]++;
      row.Set("latest_period", latest.period);
      row.Set("latest_value", KpiValueText(latest.value, kpi.unit, labels_));
      row.Set("state", labels_(KpiStateKey(latest.state)));
      row.Set("state_class", KpiStateName(latest.state));
      std::string source = KpiSourceText(corpus, latest, labels_);
      row.Set("has_latest_source", !source.empty());
      row.Set("latest_source", source);
      // The move since the period before, and whether that is better.
      std::string trend = "–";
      if (s->points.size() > 1) {
        double before = s->points[s->points.size() - 2].value;
        bool up = latest.value > before, down = latest.value < before;
        bool better_move = kpi.direction == KpiDirection::kLower ? down : up;
        trend = up ? "↑ " : down ? "↓ " : "→ ";
        trend += labels_(!up && !down ? "kpi_unchanged" : better_move ? "kpi_better" : "kpi_worse");
      }
      row.Set("trend", trend);
    }
    row.Set("missed_in_a_row", std::to_string(s->missed_in_a_row));
    row.Set("has_missing", !s->missing.empty());
    row.Set("missing", Join(s->missing, ", "));
    group->Push(row);

    // The chart and, beside it, the values it plots (newest first).
    TemplateValue chart = row;
    chart.Set("chart_svg", KpiTrendSvg(kpi, *s, labels_, kChartPeriods, false));
    auto axis = KpiAxis(*s);
    TemplateValue values = TemplateValue::List();
    size_t shown = 0;
    for (auto it = axis.rbegin(); it != axis.rend() && shown < kChartPeriods; ++it, ++shown) {
      TemplateValue value;
      value.Set("period", it->first);
      value.Set("value", it->second ? KpiValueText(it->second->value, kpi.unit, labels_) : "");
      value.Set("state", it->second ? labels_(KpiStateKey(it->second->state))
                                    : labels_("kpi_no_measurement"));
      value.Set("state_class", it->second ? KpiStateName(it->second->state) : "missing");
      values.Push(std::move(value));
    }
    chart.Set("values", std::move(values));
    charts.Push(std::move(chart));
  }
  v.Set("lead", labels_.Format("kpis_lead", {{"count", std::to_string(order.size())},
                                             {"met", std::to_string(counts[0])},
                                             {"near", std::to_string(counts[1])},
                                             {"missed", std::to_string(counts[2])},
                                             {"as_of", info_.as_of}}));
  v.Set("has_untyped", untyped > 0);
  v.Set("untyped", labels_.Format("kpis_untyped", {{"count", std::to_string(untyped)}}));
  v.Set("has_kpis", !order.empty());
  v.Set("groups", std::move(groups));
  v.Set("charts", std::move(charts));
  return v;
}

}  // namespace smsdoc
