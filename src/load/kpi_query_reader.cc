#include "load/kpi_query_reader.h"

#include "base/text.h"
#include "load/filter_reader.h"
#include "load/kpi_reader.h"

namespace smsdoc {

namespace {

const char* kForm =
    "{kind: KIND, date: DATE-FIELD, where: {field: value}, and one of count: true, ratio: "
    "{field: value}, median: FIELD, median: {from: DATE-FIELD, to: DATE-FIELD}}";

// `median:` as a number field or {from: DATE, to: DATE}; false when malformed.
bool ReadMedian(const YamlNode& node, const std::string& path, KpiQuery& q, Diagnostics& diags) {
  if (node.IsScalar() && !Trim(node.scalar).empty()) {
    q.median = std::string(Trim(node.scalar));
    return true;
  }
  if (node.IsMap()) {
    ReportUnknownKeys(node, {"from", "to"}, path, "key", " in 'median'", "kpi-from", diags);
    const YamlNode* from = node.Find("from");
    const YamlNode* to = node.Find("to");
    if (from && to && from->IsScalar() && to->IsScalar() && !Trim(from->scalar).empty() &&
        !Trim(to->scalar).empty()) {
      q.median_from = std::string(Trim(from->scalar));
      q.median_to = std::string(Trim(to->scalar));
      q.median_from_pos = from->pos;
      q.median_to_pos = to->pos;
      return true;
    }
  }
  diags.Error(path, node.pos,
              "'median' must name a number field (median: FIELD) or two date fields (median: "
              "{from: DATE-FIELD, to: DATE-FIELD}) whose days apart are the value",
              "kpi-from");
  return false;
}

// The unit each aggregate's values come in, or "" when any but percent fits.
std::string UnitOf(const KpiQuery& q) {
  switch (q.aggregate) {
    case KpiAggregate::kCount: return "count";
    case KpiAggregate::kRatio: return "percent";
    case KpiAggregate::kMedian: return q.median.empty() ? "duration" : "";
  }
  return "";
}

}  // namespace

const std::vector<std::string>& KpiQueryKeys() {
  static const std::vector<std::string> keys = {"kind",  "date",  "where",
                                                "count", "ratio", "median"};
  return keys;
}

std::optional<KpiQuery> ReadKpiQuery(FieldReader& row, std::optional<KpiUnit> unit) {
  const YamlNode& node = *row.Node("from");
  Diagnostics& diags = row.diags();
  const std::string& path = row.path();
  if (!node.IsMap()) {
    diags.Error(path, node.pos, "'from' must be a mapping: " + std::string(kForm), "kpi-from");
    return std::nullopt;
  }
  int errors = diags.ErrorCount();
  ReportUnknownKeys(node, KpiQueryKeys(), path, "key", " in 'from'", "kpi-from", diags);
  KpiQuery q;
  q.pos = row.PosOf("from");
  FieldReader from(node, node.pos, path, row.config(), diags);
  q.kind = from.Text("kind", true);
  q.kind_pos = from.PosOf("kind");
  q.date = from.Text("date", true);
  q.date_pos = from.PosOf("date");
  if (const YamlNode* where = node.Find("where"))
    ReadFilter(*where, "where", "{priority: P1}", path, "kpi-from", q.where, q.fields, diags);

  std::vector<std::string> aggregates;
  for (const char* key : {"count", "ratio", "median"})
    if (node.Find(key)) aggregates.push_back(key);
  if (aggregates.size() != 1) {
    diags.Error(
        path, aggregates.empty() ? q.pos : from.PosOf(aggregates[1]),
        "'from' needs exactly one of 'count', 'ratio' and 'median'" +
            (aggregates.empty() ? std::string() : ", got '" + Join(aggregates, "', '") + "'"),
        "kpi-from");
    return std::nullopt;
  }
  q.aggregate_pos = from.PosOf(aggregates[0]);
  const YamlNode& value = *node.Find(aggregates[0]);
  if (aggregates[0] == "count") {
    q.aggregate = KpiAggregate::kCount;
    if (!value.IsScalar() || Trim(value.scalar) != "true")
      diags.Error(path, value.pos, "'count' takes 'true': the number of records 'where' selects",
                  "kpi-from");
  } else if (aggregates[0] == "ratio") {
    q.aggregate = KpiAggregate::kRatio;
    std::vector<std::pair<std::string, Pos>> fields;
    ReadFilter(value, "ratio", "{resolved_within_sla: true}", path, "kpi-from", q.ratio, fields,
               diags);
    if (value.IsMap() && value.entries.empty())
      diags.Error(path, value.pos,
                  "'ratio' names no field: give the filter whose share is measured, e.g. "
                  "'{resolved_within_sla: true}'",
                  "kpi-from");
    q.fields.insert(q.fields.end(), fields.begin(), fields.end());
  } else {
    q.aggregate = KpiAggregate::kMedian;
    if (ReadMedian(value, path, q, diags) && !q.median.empty())
      q.fields.push_back({q.median, value.pos});
  }
  if (unit) {
    const std::string& unit_name = KpiUnitNames()[static_cast<int>(*unit)];
    std::string wanted = UnitOf(q);
    // A field's median may fall halfway between two values: no count.
    if ((!wanted.empty() && wanted != unit_name) ||
        (wanted.empty() && (unit_name == "percent" || unit_name == "count")))
      diags.Error(path, q.aggregate_pos,
                  "'" + aggregates[0] + "' gives " +
                      (wanted == "count"      ? "a number of records"
                       : wanted == "percent"  ? "a percentage of records"
                       : wanted == "duration" ? "a duration (days between two dates)"
                                              : "a median of a number field") +
                      ", which the KPI's 'unit: " + unit_name + "' cannot hold" +
                      (wanted.empty() ? "" : ": give it 'unit: " + wanted + "'"),
                  "kpi-from");
  }
  if (diags.ErrorCount() != errors) return std::nullopt;
  return q;
}

}  // namespace smsdoc
