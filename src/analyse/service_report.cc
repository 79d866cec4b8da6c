#include "analyse/service_report.h"

#include <algorithm>
#include <set>

#include "analyse/kpi_periods.h"
#include "analyse/review_pack.h"
#include "base/dates.h"
#include "base/text.h"

namespace smsdoc {

namespace {

bool Names(const std::vector<std::string>& services, const std::string& service) {
  return std::find(services.begin(), services.end(), service) != services.end();
}

// The record's date that places it in a period: `opened`, else the
// kind's first date field.
const FieldValue* DateOf(const Record& r) {
  if (const FieldValue* opened = r.Field("opened")) return opened;
  for (const FieldSpec& spec : r.kind->fields)
    if (spec.type == FieldType::kDate)
      if (const FieldValue* f = r.Field(spec.name)) return f;
  return nullptr;
}

bool RecordNames(const Record& r, const std::string& service) {
  if (const FieldValue* f = r.Field("service"); f && f->text == service) return true;
  const FieldValue* list = r.Field("services");
  return list && (Names(list->items, service) || list->text == service);
}

// A record names a catalogued service by its name or by its record's ID.
bool RecordNamesAny(const Record& r, const std::vector<std::string>& names) {
  return std::any_of(names.begin(), names.end(),
                     [&](const std::string& n) { return RecordNames(r, n); });
}

// Records of `kind` naming the service (any of `names`) and dated in the period; nullopt
// when the SMS defines no such kind.
std::optional<int> CountOf(const Corpus& corpus, const char* kind,
                           const std::vector<std::string>& names, const std::string& period,
                           Frequency frequency) {
  if (!corpus.kinds.Find(kind)) return std::nullopt;
  int wanted = *PeriodIndex(period, frequency), n = 0;
  for (const Record& r : corpus.records) {
    if (r.kind->name != kind || !RecordNamesAny(r, names)) continue;
    const FieldValue* date = DateOf(r);
    if (!date || !ParseDate(date->text)) continue;
    if (PeriodIndex(date->text, frequency) == wanted) ++n;
  }
  return n;
}

const KpiPoint* PointAt(const KpiSeries& series, int index, Frequency frequency) {
  for (const KpiPoint& p : series.points)
    if (PeriodIndex(p.period, frequency) == index) return &p;
  return nullptr;
}

ServiceKpi KpiOf(const KpiSeries& full, const Kpi& kpi, const std::string& as_of) {
  ServiceKpi out;
  out.series = SeriesUpTo(full, as_of);
  Frequency f = kpi.cadence;
  int index = LastEndedPeriod(*ParseDate(as_of), f);
  out.period = PeriodName(index, f);
  out.previous_period = PeriodName(index - 1, f);
  if (const KpiPoint* p = PointAt(out.series, index, f)) out.current = *p;
  if (const KpiPoint* p = PointAt(out.series, index - 1, f)) out.previous = *p;
  std::string year = out.period.substr(0, 4);
  for (const KpiPoint& p : out.series.points) {
    std::optional<int> at = PeriodIndex(p.period, f);
    if (at && *at <= index && PeriodName(*at, f).substr(0, 4) == year &&
        p.state == KpiState::kMissed)
      ++out.missed_this_year;
  }
  return out;
}

}  // namespace

bool HasServiceCatalogue(const Corpus& corpus) {
  return std::any_of(corpus.records.begin(), corpus.records.end(),
                     [](const Record& r) { return r.kind->name == "service"; });
}

std::vector<std::string> ServiceNames(const Corpus& corpus) {
  std::set<std::string> names;
  if (HasServiceCatalogue(corpus)) {
    for (const Record& r : corpus.records)
      if (r.kind->name == "service") names.insert(r.title);
    return {names.begin(), names.end()};
  }
  for (const Document& d : corpus.documents)
    for (const Kpi& k : d.kpis)
      for (const std::string& s : k.services)
        if (!s.empty()) names.insert(s);
  return {names.begin(), names.end()};
}

std::string ServiceBySlug(const Corpus& corpus, const std::string& slug) {
  for (const std::string& name : ServiceNames(corpus))
    if (Slugify(name) == slug) return name;
  return "";
}

std::optional<Frequency> ReportPeriodFrequency(const std::string& period) {
  if (ParseDate(period)) return std::nullopt;
  for (Frequency f : {Frequency::kMonthly, Frequency::kQuarterly, Frequency::kYearly})
    if (PeriodIndex(period, f) && PeriodName(*PeriodIndex(period, f), f) == period) return f;
  return std::nullopt;
}

ServiceReport GatherServiceReport(const Corpus& corpus, const Analysis& analysis,
                                  const std::string& service, const std::string& period) {
  ServiceReport report;
  report.service = service;
  report.period = period;
  std::string end = PeriodEnd(period);
  report.as_of = std::min(end, analysis.as_of);
  for (const KpiSeries& s : analysis.kpis) {
    const Kpi& kpi = corpus.documents[s.document].kpis[s.kpi];
    if (Names(kpi.services, service)) report.kpis.push_back(KpiOf(s, kpi, report.as_of));
  }
  Frequency f = *ReportPeriodFrequency(period);
  std::vector<std::string> names = {service};
  for (const Record& r : corpus.records)
    if (r.kind->name == "service" && r.title == service) names.push_back(r.id);
  report.incidents = CountOf(corpus, "incident", names, period, f);
  report.changes = CountOf(corpus, "change", names, period, f);
  return report;
}

}  // namespace smsdoc
