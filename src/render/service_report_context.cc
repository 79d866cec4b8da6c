// Service reports (9.4): service-reports.html lists them, and each report's
// page shows, for its service and period, the KPIs naming the service
// against target (analyse/service_report.h gathers them, as `smsdoc report`
// prints them), incident and change counts, and the commentary written
// for it.
#include <algorithm>

#include "analyse/kpi_periods.h"
#include "analyse/service_report.h"
#include "base/text.h"
#include "render/body_links.h"
#include "render/kpi_chart.h"
#include "render/kpi_text.h"
#include "render/page_context.h"

namespace smsdoc {

namespace {

// Reports newest period first, then by service.
std::vector<size_t> ReportOrder(const Corpus& corpus) {
  std::vector<size_t> order(corpus.commentaries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const Commentary &ca = corpus.commentaries[a], &cb = corpus.commentaries[b];
    std::string ea = PeriodEnd(ca.period), eb = PeriodEnd(cb.period);
    return std::tie(eb, ca.service_slug, ca.path) < std::tie(ea, cb.service_slug, cb.path);
  });
  return order;
}

// How many of the report's KPIs met, came near or missed their target in
// their latest period, and how many were not measured in it.
std::vector<std::pair<std::string, std::string>> StateCounts(const ServiceReport& r) {
  int counts[3] = {0, 0, 0}, unmeasured = 0;
  for (const ServiceKpi& k : r.kpis)
    k.current ? ++counts[static_cast<int>(k.current->state)] : ++unmeasured;
  return {{"count", std::to_string(r.kpis.size())},   {"met", std::to_string(counts[0])},
          {"near", std::to_string(counts[1])},        {"missed", std::to_string(counts[2])},
          {"unmeasured", std::to_string(unmeasured)}, {"as_of", r.as_of}};
}

}  // namespace

TemplateValue PageContext::ServiceReports() const {
  const Corpus& corpus = *graph_.corpus;
  const std::string page_url = kServiceReportsUrl;
  TemplateValue v = Common(page_url, labels_("service_reports"));
  SetPrintStyle(v, labels_("service_reports") + " · " + labels_("as_of") + " " + info_.as_of,
                false);
  TemplateValue rows = TemplateValue::List();
  for (size_t i : ReportOrder(corpus)) {
    const Commentary& c = corpus.commentaries[i];
    std::string service = ServiceBySlug(corpus, c.service_slug);
    ServiceReport report = GatherServiceReport(corpus, analysis_, service, c.period);
    TemplateValue row;
    row.Set("period", c.period);
    row.Set("service", service);
    row.Set("url", RelativeUrl(page_url, DocumentUrl(c.path)));
    row.Set("as_of", report.as_of);
    row.Set("summary", labels_.Format("service_reports_row", StateCounts(report)));
    rows.Push(std::move(row));
  }
  v.Set("has_reports", !rows.list.empty());
  v.Set("reports", std::move(rows));
  v.Set("folder", corpus.config.service_reports_dirs.front());
  v.Set("kpis_url", RelativeUrl(page_url, kKpisUrl));
  return v;
}

TemplateValue PageContext::ServiceReportPage(size_t index) const {
  const Corpus& corpus = *graph_.corpus;
  const Commentary& c = corpus.commentaries[index];
  const std::string page_url = DocumentUrl(c.path);
  const std::string service = ServiceBySlug(corpus, c.service_slug);
  const ServiceReport report = GatherServiceReport(corpus, analysis_, service, c.period);
  const std::string title =
      labels_.Format("service_report_title", {{"service", service}, {"period", c.period}});
  TemplateValue v = Common(page_url, title);
  SetPrintStyle(v, title + " · " + labels_("as_of") + " " + report.as_of, false);
  v.Set("service", service);
  v.Set("period", c.period);
  v.Set("as_of", report.as_of);
  v.Set("lead", labels_.Format("service_report_lead", StateCounts(report)));

  TemplateValue kpis = TemplateValue::List(), charts = TemplateValue::List();
  for (const ServiceKpi& k : report.kpis) {
    const Document& process = corpus.documents[k.series.document];
    const Kpi& kpi = process.kpis[k.series.kpi];
    TemplateValue row;
    row.Set("id", kpi.id);
    row.Set("name", kpi.name);
    row.Set("dashboard_url", RelativeUrl(page_url, kKpisUrl) + "#" + KpiAnchor(kpi));
    row.Set("process_id", process.id);
    row.Set("process_url",
            RelativeUrl(page_url, graph_.nodes[graph_.DocumentNode(k.series.document)].url));
    row.Set("target", KpiTargetText(kpi, labels_));
    row.Set("kpi_period", k.period);
    row.Set("measured", k.current.has_value());
    if (k.current) {
      row.Set("value", KpiValueText(k.current->value, kpi.unit, labels_));
      row.Set("state", labels_(KpiStateKey(k.current->state)));
      row.Set("state_class", KpiStateName(k.current->state));
      std::string source = KpiSourceText(*graph_.corpus, *k.current, labels_);
      row.Set("has_source", !source.empty());
      row.Set("source", source);
    }
    row.Set("previous_period", k.previous_period);
    row.Set("previous", k.previous ? KpiValueText(k.previous->value, kpi.unit, labels_) + " " +
                                         labels_(KpiStateKey(k.previous->state))
                                   : labels_("kpi_not_measured"));
    row.Set("missed_this_year", std::to_string(k.missed_this_year));
    kpis.Push(row);
    if (!k.series.points.empty()) {
      row.Set("chart_svg", KpiTrendSvg(kpi, k.series, labels_, kSmallMultiplePeriods, true));
      charts.Push(std::move(row));
    }
  }
  v.Set("has_kpis", !kpis.list.empty());
  v.Set("kpis", std::move(kpis));
  v.Set("has_charts", !charts.list.empty());
  v.Set("charts", std::move(charts));

  v.Set("has_counts", report.incidents || report.changes);
  v.Set("has_incidents", report.incidents.has_value());
  v.Set("incidents", std::to_string(report.incidents.value_or(0)));
  v.Set("has_changes", report.changes.has_value());
  v.Set("changes", std::to_string(report.changes.value_or(0)));

  v.Set("has_commentary", !Trim(c.body.html).empty());
  v.Set("commentary_html", ResolveCommentaryLinks(graph_, index, page_url, heading_ids_));
  v.Set("source", c.path);
  return v;
}

}  // namespace smsdoc
