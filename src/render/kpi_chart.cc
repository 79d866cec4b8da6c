#include "render/kpi_chart.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "analyse/kpi_periods.h"
#include "base/text.h"
#include "render/kpi_text.h"

namespace smsdoc {

namespace {

// Sizes in px, drawn at natural size like the process map: text 12 px.
struct Frame {
  int width, height, left, right, top, bottom;
  int PlotWidth() const { return width - left - right; }
  int PlotHeight() const { return height - top - bottom; }
};
constexpr Frame kFull{640, 240, 72, 28, 16, 40};
constexpr Frame kCompact{320, 160, 64, 28, 12, 30};

// A "nice" tick step (1, 2 or 5 times a power of ten) for about `ticks`
// intervals over `range`.
double NiceStep(double range, int ticks) {
  double raw = range / ticks;
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (raw <= m * power) return m * power;
  return 10 * power;
}

struct Scale {
  double lo, hi, step;
};

// The y range: every value, the target and the warning threshold, rounded
// out to whole ticks; a percentage never beyond 0..100.
Scale YScale(const Kpi& kpi, const std::vector<KpiPoint>& points) {
  double lo = kpi.target_value, hi = kpi.target_value;
  if (kpi.warning) lo = std::min(lo, *kpi.warning), hi = std::max(hi, *kpi.warning);
  for (const auto& p : points) lo = std::min(lo, p.value), hi = std::max(hi, p.value);
  double pad = hi > lo ? (hi - lo) * 0.1 : std::max(1.0, std::abs(hi) * 0.1);
  double step = NiceStep(hi - lo + 2 * pad, 4);
  Scale s{std::floor((lo - pad) / step) * step, std::ceil((hi + pad) / step) * step, step};
  if (kpi.unit == KpiUnit::kPercent) s.lo = std::max(s.lo, 0.0), s.hi = std::min(s.hi, 100.0);
  if (lo >= 0) s.lo = std::max(s.lo, 0.0);  // no negative axis for values that cannot be
  if (s.hi <= s.lo) s.hi = s.lo + step;
  return s;
}

std::string Attr(const char* name, double v) {
  return std::string(" ") + name + "=\"" + KpiNumber(v, 1) + "\"";
}

// The mark of one value: its shape says the state without colour.
std::string Mark(KpiState state, double x, double y) {
  switch (state) {
    case KpiState::kMet: return "<circle" + Attr("cx", x) + Attr("cy", y) + " r=\"4.5\"/>";
    case KpiState::kNear:
      return "<path d=\"M" + KpiNumber(x, 1) + " " + KpiNumber(y - 5.5, 1) + " L" +
             KpiNumber(x + 5.5, 1) + " " + KpiNumber(y + 4.5, 1) + " L" + KpiNumber(x - 5.5, 1) +
             " " + KpiNumber(y + 4.5, 1) + " Z\"/>";
    case KpiState::kMissed:
      return "<path d=\"M" + KpiNumber(x - 4.5, 1) + " " + KpiNumber(y - 4.5, 1) + " L" +
             KpiNumber(x + 4.5, 1) + " " + KpiNumber(y + 4.5, 1) + " M" + KpiNumber(x + 4.5, 1) +
             " " + KpiNumber(y - 4.5, 1) + " L" + KpiNumber(x - 4.5, 1) + " " +
             KpiNumber(y + 4.5, 1) + "\"/>";
  }
  return "";
}

}  // namespace

std::string KpiTrendSvg(const Kpi& kpi, const KpiSeries& series, const Labels& labels,
                        size_t periods, bool compact) {
  const Frame& f = compact ? kCompact : kFull;
  // The periods across: measured and missing ones in order (their texts
  // sort as time does within one frequency), the last `periods` of them.
  std::vector<std::pair<std::string, const KpiPoint*>> shown = KpiAxis(series);
  if (shown.size() > periods) shown.erase(shown.begin(), shown.end() - static_cast<long>(periods));
  std::vector<KpiPoint> plotted;
  for (const auto& [period, point] : shown)
    if (point) plotted.push_back(*point);

  Scale s = YScale(kpi, plotted);
  auto y_of = [&](double v) {
    return f.top + f.PlotHeight() * (s.hi - std::clamp(v, s.lo, s.hi)) / (s.hi - s.lo);
  };
  double slot = shown.empty() ? 0 : static_cast<double>(f.PlotWidth()) / shown.size();
  auto x_of = [&](size_t i) { return f.left + slot * (i + 0.5); };

  std::string target_text =
      labels("kpi_target") + " " + KpiValueText(kpi.target_value, kpi.unit, labels);
  std::string summary = kpi.id + " " + kpi.name + ": " + target_text;
  if (!plotted.empty())
    summary += ", " + labels("kpi_latest") + " " + plotted.back().period + " " +
               KpiValueText(plotted.back().value, kpi.unit, labels) + " (" +
               labels(KpiStateKey(plotted.back().state)) + ")";
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"kpi-chart" +
                    std::string(compact ? " compact" : "") + "\" width=\"" +
                    std::to_string(f.width) + "\" height=\"" + std::to_string(f.height) +
                    "\" viewBox=\"0 0 " + std::to_string(f.width) + " " + std::to_string(f.height) +
                    "\" role=\"img\" aria-label=\"" + HtmlEscape(summary) + "\" data-kpi=\"" +
                    HtmlEscape(kpi.id) + "\">";

  // Grid and y axis labels.
  for (double v = s.lo; v <= s.hi + s.step / 2; v += s.step) {
    double y = y_of(v);
    svg += "<line class=\"grid\" x1=\"" + std::to_string(f.left) + "\"" + Attr("y1", y) + " x2=\"" +
           std::to_string(f.width - f.right) + "\"" + Attr("y2", y) +
           "/><text class=\"tick\" x=\"" + std::to_string(f.left - 6) + "\"" + Attr("y", y + 4) +
           " text-anchor=\"end\">" + HtmlEscape(KpiValueText(v, kpi.unit, labels)) + "</text>";
  }
  // Target and warning lines, each named at its right end.
  auto threshold = [&](double v, const std::string& cls, const std::string& text) {
    double y = y_of(v);
    svg += "<line class=\"" + cls + "\" x1=\"" + std::to_string(f.left) + "\"" + Attr("y1", y) +
           " x2=\"" + std::to_string(f.width - f.right) + "\"" + Attr("y2", y) + "><title>" +
           HtmlEscape(text) + "</title></line>";
  };
  threshold(kpi.target_value, "target", target_text);
  if (kpi.warning)
    threshold(*kpi.warning, "warning",
              labels("kpi_warning") + " " + KpiValueText(*kpi.warning, kpi.unit, labels));

  // Period labels: as many as fit, counted back from the latest, which
  // always has one.
  size_t every = std::max<size_t>(1, (shown.size() * (compact ? 60 : 52)) / f.PlotWidth() + 1);
  for (size_t i = 0; i < shown.size(); ++i)
    if ((shown.size() - 1 - i) % every == 0)
      svg += "<text class=\"period\"" + Attr("x", x_of(i)) + " y=\"" +
             std::to_string(f.height - f.bottom + 16) + "\" text-anchor=\"middle\">" +
             HtmlEscape(shown[i].first) + "</text>";

  // The trend: a line through consecutive measured periods, broken at gaps.
  std::string line;
  auto flush = [&] {
    if (line.find(' ') != std::string::npos)
      svg += "<polyline class=\"trend\" points=\"" + line + "\"/>";
    line.clear();
  };
  for (size_t i = 0; i < shown.size(); ++i) {
    if (!shown[i].second) {
      flush();
      continue;
    }
    line += (line.empty() ? "" : " ") + KpiNumber(x_of(i), 1) + "," +
            KpiNumber(y_of(shown[i].second->value), 1);
  }
  flush();

  // Marks and gaps.
  for (size_t i = 0; i < shown.size(); ++i) {
    const auto& [period, point] = shown[i];
    if (!point) {
      svg += "<g class=\"gap\" data-period=\"" + HtmlEscape(period) + "\"><title>" +
             HtmlEscape(period + ": " + labels("kpi_no_measurement")) + "</title><text" +
             Attr("x", x_of(i)) + " y=\"" + std::to_string(f.height - f.bottom - 4) +
             "\" text-anchor=\"middle\">?</text></g>";
      continue;
    }
    std::string value = KpiValueText(point->value, kpi.unit, labels);
    svg += "<g class=\"point " + std::string(KpiStateName(point->state)) + "\" data-period=\"" +
           HtmlEscape(period) + "\" data-value=\"" + KpiNumber(point->value, 2) + "\"><title>" +
           HtmlEscape(period + ": " + value + " (" + labels(KpiStateKey(point->state)) + ")") +
           "</title>" + Mark(point->state, x_of(i), y_of(point->value)) + "</g>";
  }
  return svg + "</svg>\n";
}

}  // namespace smsdoc
