#include "analyse/kpi_query.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "analyse/kpi_periods.h"
#include "base/dates.h"
#include "base/text.h"
#include "load/kpi_reader.h"
#include "model/field_filter.h"

namespace smsdoc {

namespace {

std::vector<std::string> FieldNames(const KindSpec& kind) {
  std::vector<std::string> names;
  for (const FieldSpec& f : kind.fields) names.push_back(f.name);
  return names;
}

// The field `name` of `kind`, or a problem at `pos` when it has none or
// it is of another type than `types` (any when empty) allow.
void CheckField(const KindSpec& kind, const std::string& name, Pos pos,
                const std::vector<FieldType>& types, const std::string& wanted,
                std::vector<KpiQueryProblem>& out) {
  const FieldSpec* f = kind.Field(name);
  if (!f) {
    out.push_back({pos, "kind '" + kind.name + "' has no field '" + name + "'" +
                            DidYouMean(name, FieldNames(kind))});
  } else if (IsComputed(f->type)) {
    out.push_back({pos, "field '" + name + "' of kind '" + kind.name +
                            "' is computed by smsdoc and cannot select or measure records"});
  } else if (!types.empty() && std::find(types.begin(), types.end(), f->type) == types.end()) {
    out.push_back({pos, "field '" + name + "' of kind '" + kind.name + "' is " +
                            FieldTypeName(f->type) + ", not " + wanted});
  }
}

std::optional<int> PeriodOf(const Record& r, const std::string& field, Frequency cadence) {
  const FieldValue* f = r.Field(field);
  std::optional<Date> d = f ? ParseDate(f->text) : std::nullopt;
  return d ? std::optional<int>(PeriodOfDate(*d, cadence)) : std::nullopt;
}

std::optional<long> Day(const Record& r, const std::string& field) {
  const FieldValue* f = r.Field(field);
  std::optional<Date> d = f ? ParseDate(f->text) : std::nullopt;
  return d ? std::optional<long>(DaysSinceEpoch(*d)) : std::nullopt;
}

std::optional<double> Median(std::vector<double> values) {
  if (values.empty()) return std::nullopt;
  std::sort(values.begin(), values.end());
  size_t n = values.size();
  return n % 2 ? values[n / 2] : values[n / 2 - 1] + (values[n / 2] - values[n / 2 - 1]) / 2;
}

std::string NumberText(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

// A period's value of `q` from the records `where` selected in it, with a
// comment saying what it counted; nullopt when there is nothing to judge.
std::optional<double> ValueOf(const KpiQuery& q, KpiUnit unit,
                              const std::vector<const Record*>& records, std::string& comment) {
  std::vector<double> values;
  switch (q.aggregate) {
    case KpiAggregate::kCount: return static_cast<double>(records.size());
    case KpiAggregate::kRatio: {
      if (records.empty()) return std::nullopt;
      long matching = std::count_if(records.begin(), records.end(),
                                    [&](const Record* r) { return MatchesFilter(q.ratio, *r); });
      comment = std::to_string(matching) + " of " + std::to_string(records.size());
      // One decimal, as percentages are reported.
      return std::round(1000.0 * static_cast<double>(matching) /
                        static_cast<double>(records.size())) /
             10;
    }
    case KpiAggregate::kMedian:
      for (const Record* r : records) {
        if (!q.median.empty()) {
          const FieldValue* f = r->Field(q.median);
          if (std::optional<double> v = f ? ParseMeasuredValue(f->text) : std::nullopt)
            values.push_back(*v);
          continue;
        }
        std::optional<long> from = Day(*r, q.median_from), to = Day(*r, q.median_to);
        if (from && to && *to >= *from) values.push_back(static_cast<double>(*to - *from));
      }
      std::optional<double> median = Median(values);
      if (!median) return std::nullopt;
      comment = "median of " + std::to_string(values.size());
      // Dates are days: a duration is counted in the unit's minutes.
      return q.median.empty() && unit == KpiUnit::kDuration ? *median * 1440 : *median;
  }
  return std::nullopt;
}

}  // namespace

std::vector<KpiQueryProblem> KpiQueryProblems(const KindCatalogue& kinds, const KpiQuery& q) {
  std::vector<KpiQueryProblem> out;
  const KindSpec* kind = kinds.Find(q.kind);
  if (!kind) {
    out.push_back({q.kind_pos, "unknown record kind '" + q.kind + "'" +
                                   DidYouMean(q.kind, kinds.Names()) +
                                   "; kinds: " + Join(kinds.Names(), ", ")});
    return out;
  }
  CheckField(*kind, q.date, q.date_pos, {FieldType::kDate}, "a date", out);
  for (const auto& [name, pos] : q.fields)
    if (q.aggregate == KpiAggregate::kMedian && name == q.median)
      CheckField(*kind, name, pos, {FieldType::kInteger, FieldType::kNumber}, "a number", out);
    else
      CheckField(*kind, name, pos, {}, "", out);
  // A filter value no record can hold would give 0 or 0% without a word.
  for (const FieldFilter* filter : {&q.where, &q.ratio})
    for (const auto& condition : *filter) {
      const std::string& name = condition.first;
      const FieldSpec* spec = kind->Field(name);
      auto at = std::find_if(q.fields.begin(), q.fields.end(),
                             [&](const auto& f) { return f.first == name; });
      if (spec && at != q.fields.end())
        if (std::string why = FilterProblem(*kind, *spec, condition.second); !why.empty())
          out.push_back({at->second, why});
    }
  if (!q.median_from.empty()) {
    CheckField(*kind, q.median_from, q.median_from_pos, {FieldType::kDate}, "a date", out);
    CheckField(*kind, q.median_to, q.median_to_pos, {FieldType::kDate}, "a date", out);
  }
  return out;
}

std::vector<Measurement> ComputeKpi(const std::vector<Record>& records, const std::string& path,
                                    Kpi& kpi) {
  KpiQuery& q = *kpi.query;
  // Every period holding a dated record of the kind, with the records
  // `where` selects in it: a period without any record of the kind has no
  // value (one stray date makes one period, not decades of zeros).
  std::map<int, std::vector<const Record*>> by_period;
  for (const Record& r : records) {
    if (!r.kind || r.kind->name != q.kind) continue;
    std::optional<int> period = PeriodOf(r, q.date, kpi.cadence);
    if (!period) continue;
    std::vector<const Record*>& selected = by_period[*period];
    if (MatchesFilter(q.where, r)) selected.push_back(&r);
  }
  std::vector<Measurement> out;
  if (by_period.empty()) return out;
  q.covered = std::pair(by_period.begin()->first, by_period.rbegin()->first);
  for (const auto& [p, selected] : by_period) {
    Measurement m;
    std::optional<double> value = ValueOf(q, kpi.unit, selected, m.comment);
    if (!value) continue;
    std::set<std::string> files;
    for (const Record* r : selected) files.insert(r->path);
    m.path = path;
    m.pos = m.kpi_pos = m.period_pos = m.value_pos = q.pos;
    m.kpi = kpi.id;
    m.period = PeriodName(p, kpi.cadence);
    m.value = *value;
    m.value_text = NumberText(*value);
    m.source = "computed from " + std::to_string(selected.size()) + " " + q.kind + " records" +
               (files.empty() ? "" : " (" + Join({files.begin(), files.end()}, ", ") + ")");
    m.computed = true;
    m.record_count = static_cast<int>(selected.size());
    m.record_kind = q.kind;
    out.push_back(std::move(m));
  }
  return out;
}

void AddComputedMeasurements(Corpus& corpus) {
  for (Document& d : corpus.documents)
    for (Kpi& kpi : d.kpis) {
      if (!kpi.typed || !kpi.query || !KpiQueryProblems(corpus.kinds, *kpi.query).empty()) continue;
      for (Measurement& m : ComputeKpi(corpus.records, d.path, kpi))
        corpus.measurements.push_back(std::move(m));
    }
}

}  // namespace smsdoc
