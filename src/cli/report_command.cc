// `smsdoc report`: the service reports of clause 9.4 for one period on
// stdout, as text or Markdown (docs/measurement.md#service-reports).
#include <algorithm>
#include <ostream>

#include "analyse/service_report.h"
#include "base/text.h"
#include "cli/prepare.h"
#include "render/kpi_text.h"

namespace smsdoc {

namespace {

struct Words {
  const Corpus& corpus;
  const Labels& labels;

  const Kpi& KpiOf(const ServiceKpi& k) const {
    return corpus.documents[k.series.document].kpis[k.series.kpi];
  }
  // "88% missed", or "not measured".
  std::string Value(const ServiceKpi& k, const std::optional<KpiPoint>& p) const {
    if (!p) return labels("kpi_not_measured");
    return KpiValueText(p->value, KpiOf(k).unit, labels) + " " + labels(KpiStateKey(p->state));
  }
  // "computed from 4 records in Incidents", or "" for a measured value.
  std::string Source(const std::optional<KpiPoint>& p) const {
    return p ? KpiSourceText(corpus, *p, labels) : "";
  }
};

void Text(const ServiceReport& r, const Words& w, std::ostream& out) {
  out << "Service report: " << r.service << ", " << r.period << " (as of " << r.as_of << ")\n";
  if (r.kpis.empty()) out << "\n  No KPI names this service.\n";
  for (const ServiceKpi& k : r.kpis) {
    const Kpi& kpi = w.KpiOf(k);
    std::string year = "missed in " + k.period.substr(0, 4);
    auto line = [&](const std::string& label, const std::string& text) {
      out << "  " << label << std::string(label.size() < 16 ? 16 - label.size() : 1, ' ') << text
          << "\n";
    };
    out << "\n" << kpi.id << " " << kpi.name << "\n";
    line("target", KpiTargetText(kpi, w.labels));
    line(k.period, w.Value(k, k.current));
    if (std::string source = w.Source(k.current); !source.empty()) line("", source);
    line("previous", k.previous_period + ": " + w.Value(k, k.previous));
    line(year, std::to_string(k.missed_this_year));
  }
  if (r.incidents || r.changes) out << "\n";
  if (r.incidents) out << "Incidents: " << *r.incidents << "\n";
  if (r.changes) out << "Changes: " << *r.changes << "\n";
}

// A table cell: pipes escaped, so a KPI name cannot break the table.
std::string Cell(const std::string& text) {
  std::string out;
  for (char c : text) out += c == '|' ? std::string("\\|") : std::string(1, c);
  return out;
}

void Markdown(const ServiceReport& r, const Words& w, std::ostream& out) {
  out << "# Service report: " << Cell(r.service) << ", " << r.period << "\n\nAs of " << r.as_of
      << ".\n\n";
  if (r.kpis.empty()) {
    out << "No KPI names this service.\n";
  } else {
    out << "| KPI | Name | Target | Period | Value | Previous | Missed this year |\n"
           "|---|---|---|---|---|---|---|\n";
    for (const ServiceKpi& k : r.kpis) {
      const Kpi& kpi = w.KpiOf(k);
      out << "| " << kpi.id << " | " << Cell(kpi.name) << " | " << KpiTargetText(kpi, w.labels)
          << " | " << k.period << " | " << w.Value(k, k.current)
          << (w.Source(k.current).empty() ? "" : ", " + w.Source(k.current)) << " | "
          << k.previous_period << ": " << w.Value(k, k.previous) << " | " << k.missed_this_year
          << " |\n";
    }
  }
  if (r.incidents || r.changes) out << "\n";
  if (r.incidents) out << "- Incidents: " << *r.incidents << "\n";
  if (r.changes) out << "- Changes: " << *r.changes << "\n";
}

}  // namespace

int RunReport(const CommandOptions& options, const std::string& period, const std::string& service,
              std::ostream& out, std::ostream& err) {
  if (!ReportPeriodFrequency(period))
    return Fail("--period: '" + period + "' is not a period (YYYY-MM, YYYY-Qn or YYYY)", err);
  Session session;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, session, diags, err)) return *usage;
  diags.Sort();
  if (diags.HasErrors()) {
    Print(diags, err);
    err << "smsdoc: " << Counts(diags) << "; fix the errors for a report\n";
    return kExitContent;
  }
  const Corpus& corpus = session.model.corpus;
  std::vector<std::string> services = ServiceNames(corpus);
  if (!service.empty() && std::find(services.begin(), services.end(), service) == services.end())
    return Fail(std::string(HasServiceCatalogue(corpus) ? "--service: no service record is titled '"
                                                        : "--service: no KPI names the service '") +
                    service + "'" + DidYouMean(service, services),
                err);
  Words words{corpus, session.theme.labels};
  bool first = true;
  for (const std::string& s : services) {
    if (!service.empty() && s != service) continue;
    if (!first) out << "\n";
    first = false;
    ServiceReport report = GatherServiceReport(corpus, session.model.analysis, s, period);
    if (options.format == "markdown")
      Markdown(report, words, out);
    else
      Text(report, words, out);
  }
  if (first) err << "smsdoc: no KPI names a service (`services:` on a typed KPI)\n";
  return kExitOk;
}

}  // namespace smsdoc
