#include "render/kpi_text.h"

#include <charconv>
#include <map>

#include "base/text.h"

namespace smsdoc {

std::string KpiNumber(double v, int decimals) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  std::string s(buf, ec == std::errc() ? end : buf);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string KpiValueText(double value, KpiUnit unit, const Labels& labels) {
  std::string n = KpiNumber(value, 2);
  switch (unit) {
    case KpiUnit::kPercent: return n + "%";
    case KpiUnit::kDuration: return n + " " + labels("kpi_minutes");
    default: return n;
  }
}

std::string KpiTargetText(const Kpi& kpi, const Labels& labels) {
  std::string text = (kpi.direction == KpiDirection::kHigher ? "\u2265 " : "\u2264 ") +
                     KpiValueText(kpi.target_value, kpi.unit, labels);
  if (kpi.warning)
    text += " (" + labels("kpi_warning") + " " + KpiValueText(*kpi.warning, kpi.unit, labels) + ")";
  return text;
}

const char* KpiStateKey(KpiState state) {
  switch (state) {
    case KpiState::kMet: return "kpi_met";
    case KpiState::kNear: return "kpi_near";
    case KpiState::kMissed: return "kpi_missed";
  }
  return "";
}

const char* KpiFrequencyKey(Frequency frequency) {
  switch (frequency) {
    case Frequency::kMonthly: return "kpi_monthly";
    case Frequency::kQuarterly: return "kpi_quarterly";
    case Frequency::kYearly: return "kpi_yearly";
  }
  return "";
}

const char* KpiUnitKey(KpiUnit unit) {
  switch (unit) {
    case KpiUnit::kPercent: return "kpi_unit_percent";
    case KpiUnit::kCount: return "kpi_unit_count";
    case KpiUnit::kDuration: return "kpi_unit_duration";
    case KpiUnit::kCurrency: return "kpi_unit_currency";
    case KpiUnit::kScore: return "kpi_unit_score";
  }
  return "";
}

std::string KpiSourceText(const Corpus& corpus, const KpiPoint& point, const Labels& labels) {
  if (point.measurement < 0) return "";
  const Measurement& m = corpus.measurements[point.measurement];
  if (!m.computed) return "";
  const KindSpec* kind = corpus.kinds.Find(m.record_kind);
  return labels.Format("kpi_computed_from", {{"count", std::to_string(m.record_count)},
                                             {"kind", kind ? kind->title : m.record_kind}});
}

std::string KpiAnchor(const Kpi& kpi) { return "kpi-" + Slugify(kpi.id); }

std::vector<std::pair<std::string, const KpiPoint*>> KpiAxis(const KpiSeries& series) {
  std::map<std::string, const KpiPoint*> axis;
  for (const auto& p : series.points) axis[p.period] = &p;
  for (const auto& m : series.missing) axis.emplace(m, nullptr);
  for (const auto& m : series.unjudged) axis.emplace(m, nullptr);
  return {axis.begin(), axis.end()};
}

}  // namespace smsdoc
