#include "analyse/kpis.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>

#include "analyse/kpi_periods.h"
#include "base/text.h"
#include "load/kpi_reader.h"

namespace smsdoc {

namespace {

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Where(const Measurement& m) { return m.path + ":" + std::to_string(m.pos.line); }

// The problem of measurement `m`, or nullopt; `seen` holds the counted
// periods of each KPI so far, with the measurement that holds each.
std::optional<MeasurementProblem> ProblemOf(const Corpus& corpus,
                                            const std::map<std::string, KpiRef>& kpis,
                                            const std::vector<std::string>& ids, int index,
                                            std::map<std::pair<std::string, int>, int>& seen) {
  const Measurement& m = corpus.measurements[index];
  auto it = kpis.find(m.kpi);
  if (it == kpis.end()) {
    for (const Document& d : corpus.documents)
      for (const Kpi& k : d.kpis)
        if (!k.typed && Lower(k.name) == Lower(m.kpi))
          return MeasurementProblem{
              index, m.kpi_pos,
              "KPI '" + k.name + "' of " + d.id +
                  " is free text: give it an 'id', 'unit', 'direction' and a numeric "
                  "'target' there, and name that id here",
              "measurement-untyped-kpi"};
    return MeasurementProblem{
        index, m.kpi_pos,
        "unknown KPI '" + m.kpi + "'" + DidYouMean(m.kpi, ids) +
            "; KPIs are defined under 'kpis:' in a process, each with an 'id'",
        "kpi-unknown"};
  }
  const Kpi& kpi = corpus.documents[it->second.document].kpis[it->second.kpi];
  std::optional<int> period = PeriodIndex(m.period, kpi.cadence);
  if (!period)
    return MeasurementProblem{index, m.period_pos,
                              "period '" + m.period + "' of " + kpi.id + " (" + kpi.frequency +
                                  ") must be " + PeriodForm(kpi.cadence) + " or a date YYYY-MM-DD",
                              "measurement-period"};
  std::string why;
  if (!ParseKpiValue(m.value_text, kpi.unit, why))
    return MeasurementProblem{index, m.value_pos,
                              "value of " + kpi.id + " (" +
                                  KpiUnitNames()[static_cast<int>(kpi.unit)] + ") " + why +
                                  ", got '" + m.value_text + "'",
                              "measurement-value"};
  auto [at, fresh] = seen.emplace(std::pair(m.kpi, *period), index);
  if (!fresh && corpus.measurements[at->second].computed)
    return MeasurementProblem{index, m.period_pos,
                              kpi.id + " is computed from " + kpi.query->kind + " records for " +
                                  PeriodName(*period, kpi.cadence) + " ('from' at " +
                                  Where(corpus.measurements[at->second]) +
                                  "): remove this measurement",
                              "measurement-computed"};
  if (!fresh)
    return MeasurementProblem{index, m.period_pos,
                              kpi.id + " already has a measurement for " +
                                  PeriodName(*period, kpi.cadence) + " at " +
                                  Where(corpus.measurements[at->second]),
                              "measurement-duplicate"};
  return std::nullopt;
}

// A period not begun by `as_of`, or a date after it: not yet measured as
// of that date, as an audit performed later is no evidence yet.
bool AfterAsOf(const Measurement& m, Frequency cadence, const Date& as_of) {
  const std::string& period = m.period;
  // A computed value counts once its period has ended (on its last day
  // too): the running period's records are not all there yet.
  if (m.computed) return *PeriodIndex(period, cadence) > LastEndedPeriod(as_of, cadence);
  if (std::optional<Date> date = ParseDate(period))
    return DaysSinceEpoch(*date) > DaysSinceEpoch(as_of);
  return *PeriodIndex(period, cadence) > PeriodOfDate(as_of, cadence);
}

}  // namespace

std::map<std::string, KpiRef> TypedKpis(const Corpus& corpus) {
  std::map<std::string, KpiRef> out;
  for (size_t d = 0; d < corpus.documents.size(); ++d) {
    const std::vector<Kpi>& kpis = corpus.documents[d].kpis;
    for (size_t k = 0; k < kpis.size(); ++k)
      if (kpis[k].typed && !kpis[k].id.empty())
        out.emplace(kpis[k].id, KpiRef{static_cast<int>(d), static_cast<int>(k)});
  }
  return out;
}

std::vector<MeasurementProblem> MeasurementProblems(const Corpus& corpus) {
  std::map<std::string, KpiRef> kpis = TypedKpis(corpus);
  std::vector<std::string> ids;
  for (const auto& [id, ref] : kpis) ids.push_back(id);
  std::map<std::pair<std::string, int>, int> seen;
  std::vector<MeasurementProblem> out;
  // Computed values first: a measurement of a period they hold is the problem.
  for (bool computed : {true, false})
    for (size_t i = 0; i < corpus.measurements.size(); ++i)
      if (corpus.measurements[i].computed == computed)
        if (auto p = ProblemOf(corpus, kpis, ids, static_cast<int>(i), seen))
          out.push_back(std::move(*p));
  std::sort(out.begin(), out.end(), [](const MeasurementProblem& a, const MeasurementProblem& b) {
    return a.measurement < b.measurement;
  });
  return out;
}

std::vector<KpiSeries> AnalyseKpis(const Corpus& corpus, const std::string& as_of) {
  std::map<std::string, KpiRef> kpis = TypedKpis(corpus);
  std::set<int> bad;
  for (const MeasurementProblem& p : MeasurementProblems(corpus)) bad.insert(p.measurement);
  std::map<std::string, std::vector<int>> by_kpi;  // counted measurements
  for (size_t i = 0; i < corpus.measurements.size(); ++i)
    if (!bad.count(static_cast<int>(i)))
      by_kpi[corpus.measurements[i].kpi].push_back(static_cast<int>(i));
  std::optional<Date> date = ParseDate(as_of);

  std::vector<KpiSeries> out;
  for (const auto& [id, ref] : kpis) {
    const Kpi& kpi = corpus.documents[ref.document].kpis[ref.kpi];
    KpiSeries s{.document = ref.document, .kpi = ref.kpi};
    std::vector<std::pair<int, int>> periods;  // period, measurement
    for (int m : by_kpi[id])
      if (!date || !AfterAsOf(corpus.measurements[m], kpi.cadence, *date))
        periods.push_back({*PeriodIndex(corpus.measurements[m].period, kpi.cadence), m});
    std::sort(periods.begin(), periods.end());
    for (auto [period, m] : periods) {
      double value = corpus.measurements[m].value;
      s.points.push_back({m, PeriodName(period, kpi.cadence), value, JudgeValue(kpi, value)});
    }
    if (!periods.empty() && date) {
      int last_complete = PeriodOfDate(*date, kpi.cadence) - 1;
      size_t next = 0;
      for (int p = periods.front().first; p <= last_complete; ++p) {
        while (next < periods.size() && periods[next].first < p) ++next;
        if (next < periods.size() && periods[next].first == p) continue;
        bool computed = kpi.query && kpi.query->covered && p >= kpi.query->covered->first &&
                        p <= kpi.query->covered->second;
        (computed ? s.unjudged : s.missing).push_back(PeriodName(p, kpi.cadence));
      }
    }
    for (auto p = s.points.rbegin(); p != s.points.rend() && p->state == KpiState::kMissed; ++p)
      ++s.missed_in_a_row;
    out.push_back(std::move(s));
  }
  std::sort(out.begin(), out.end(), [](const KpiSeries& a, const KpiSeries& b) {
    return a.document != b.document ? a.document < b.document : a.kpi < b.kpi;
  });
  return out;
}

}  // namespace smsdoc
