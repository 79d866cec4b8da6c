#include "load/kpi_reader.h"

#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "base/text.h"
#include "load/kpi_query_reader.h"

namespace smsdoc {

namespace {

const char* kUpgrade =
    "give it 'id' (e.g. KPI-INC-01), 'unit' (percent, count, duration, currency, score), "
    "'direction' (higher, lower), a numeric 'target' and 'frequency' (monthly, quarterly, "
    "yearly) to measure it (docs/measurement.md)";

std::optional<double> PlainNumber(std::string_view text) {
  std::string s(Trim(text));
  if (s.empty() || s.find_first_of("xXnNiI") != std::string::npos) return std::nullopt;
  char* end = nullptr;
  errno = 0;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return std::nullopt;
  return v;
}

// "4h", "30m", "1h30m", "2d" as minutes.
std::optional<double> DurationText(std::string_view text) {
  std::string s(Trim(text));
  if (s.empty()) return std::nullopt;
  double total = 0;
  size_t i = 0;
  std::string order = "dhm";  // each unit once, largest first
  while (i < s.size()) {
    size_t start = i;
    while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
    if (i == start || i >= s.size()) return std::nullopt;
    std::optional<double> n = PlainNumber(s.substr(start, i - start));
    char unit = static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    size_t at = order.find(unit);
    if (!n || at == std::string::npos) return std::nullopt;
    total += *n * (unit == 'd' ? 1440 : unit == 'h' ? 60 : 1);
    order.erase(0, at + 1);
    ++i;
  }
  return total;
}

template <typename E>
E EnumOf(const std::string& word, const std::vector<std::string>& names) {
  for (size_t i = 0; i < names.size(); ++i)
    if (names[i] == word) return static_cast<E>(i);
  return static_cast<E>(0);
}

std::string Lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// A number in the unit's terms at `key`, reported with kpi-target.
std::optional<double> ValueAt(FieldReader& row, const std::string& key, KpiUnit unit,
                              bool required) {
  std::string text = row.Text(key, required);
  if (text.empty()) return std::nullopt;
  std::string why;
  std::optional<double> v = ParseKpiValue(text, unit, why);
  if (!v)
    row.diags().Error(row.path(), row.PosOf(key), "'" + key + "' " + why + ", got '" + text + "'",
                      "kpi-target");
  return v;
}

void ReadTyped(FieldReader& row, Kpi& kpi) {
  kpi.typed = true;
  kpi.id = row.Id("id", true);
  std::string unit = row.Enum("unit", true, KpiUnitNames());
  kpi.unit = EnumOf<KpiUnit>(unit, KpiUnitNames());
  kpi.direction =
      EnumOf<KpiDirection>(row.Enum("direction", true, KpiDirectionNames()), KpiDirectionNames());
  // The frequency's case is free: "Monthly" is the old form's spelling.
  if (const YamlNode* f = row.Node("frequency"); f && f->IsScalar()) {
    std::string word = Lower(std::string(Trim(f->scalar)));
    const auto& names = FrequencyNames();
    bool known = false;
    for (const auto& n : names) known |= n == word;
    if (known)
      kpi.cadence = EnumOf<Frequency>(word, names);
    else
      row.Enum("frequency", true, names);  // reports it, with a suggestion
  }
  if (row.Node("from"))
    kpi.query = ReadKpiQuery(row, unit.empty() ? std::nullopt : std::optional<KpiUnit>(kpi.unit));
  if (unit.empty()) return;  // the target cannot be judged without it
  std::optional<double> target = ValueAt(row, "target", kpi.unit, false);  // required above
  std::optional<double> warning = ValueAt(row, "warning", kpi.unit, false);
  if (target) kpi.target_value = *target;
  if (target && warning) {
    bool worse = kpi.direction == KpiDirection::kHigher ? *warning < *target : *warning > *target;
    if (worse)
      kpi.warning = warning;
    else
      row.diags().Error(
          row.path(), row.PosOf("warning"),
          "'warning' must lie on the worse side of the target (" +
              std::string(kpi.direction == KpiDirection::kHigher ? "below" : "above") + " " +
              kpi.target + ", since " +
              (kpi.direction == KpiDirection::kHigher ? "higher" : "lower") + " is better), got '" +
              row.Node("warning")->scalar + "'",
          "kpi-target");
  }
}

}  // namespace

const std::vector<std::string>& KpiFieldNames() {
  static const std::vector<std::string> kNames = {
      "id", "name", "unit", "direction", "target", "warning", "frequency", "services", "from"};
  return kNames;
}

const std::vector<std::string>& KpiUnitNames() {
  static const std::vector<std::string> kNames = {"percent", "count", "duration", "currency",
                                                  "score"};
  return kNames;
}

const std::vector<std::string>& KpiDirectionNames() {
  static const std::vector<std::string> kNames = {"higher", "lower"};
  return kNames;
}

const std::vector<std::string>& FrequencyNames() {
  static const std::vector<std::string> kNames = {"monthly", "quarterly", "yearly"};
  return kNames;
}

Kpi ReadKpi(FieldReader& row) {
  Kpi kpi;
  kpi.pos = row.PosOf("name");
  kpi.name = row.Text("name", true);
  kpi.target = row.Text("target", true);
  kpi.frequency = row.Text("frequency", row.Node("id") != nullptr);
  kpi.services = row.List("services");
  if (row.Node("id")) {
    kpi.pos = row.PosOf("id");
    ReadTyped(row, kpi);
    return kpi;
  }
  std::vector<std::string> typed_only;
  for (const char* key : {"unit", "direction", "warning", "services", "from"})
    if (row.Node(key)) typed_only.push_back(key);
  row.diags().Warning(
      row.path(), kpi.pos,
      "KPI '" + kpi.name + "' is free text and cannot be measured" +
          (typed_only.empty() ? "" : " ('" + Join(typed_only, "', '") + "' need an 'id')") + ": " +
          kUpgrade,
      "kpi-untyped");
  return kpi;
}

std::optional<double> ParseKpiValue(std::string_view text, KpiUnit unit, std::string& why) {
  std::string s(Trim(text));
  std::optional<double> v;
  switch (unit) {
    case KpiUnit::kPercent:
      if (!s.empty() && s.back() == '%') s.pop_back();
      v = PlainNumber(s);
      if (!v || *v < 0 || *v > 100) return why = "must be a percentage 0..100", std::nullopt;
      return v;
    case KpiUnit::kCount:
      v = PlainNumber(s);
      if (!v || *v < 0 || *v != std::floor(*v))
        return why = "must be a whole number 0 or more", std::nullopt;
      return v;
    case KpiUnit::kDuration:
      v = PlainNumber(s);
      if (!v) v = DurationText(s);
      if (!v || *v < 0)
        return why = "must be a duration: minutes, or e.g. 4h, 30m, 1h30m, 2d", std::nullopt;
      return v;
    case KpiUnit::kCurrency:
    case KpiUnit::kScore:
      v = PlainNumber(s);
      if (!v) return why = "must be a number", std::nullopt;
      return v;
  }
  return std::nullopt;
}

std::optional<double> ParseMeasuredValue(std::string_view text) {
  std::optional<double> v = PlainNumber(text);
  if (!v) {
    std::string s(Trim(text));
    if (!s.empty() && s.back() == '%') v = PlainNumber(s.substr(0, s.size() - 1));
  }
  return v ? v : DurationText(text);
}

}  // namespace smsdoc
