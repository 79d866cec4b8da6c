#include "check/workbook_limits.h"

#include <algorithm>

#include "base/text.h"
#include "base/utf8.h"
#include "model/workbook.h"

namespace smsdoc {

namespace {

void CheckDate(const std::string& path, const std::string& id, const char* field,
               const std::string& date, Pos pos, Diagnostics& diags) {
  if (date.empty() || date >= kFirstExcelDate) return;
  diags.Warning(path, pos,
                std::string("'")
                    .append(id)
                    .append("': '")
                    .append(field)
                    .append(": ")
                    .append(date)
                    .append("' is before ")
                    .append(kFirstExcelDate)
                    .append(", the first date Excel holds: the register workbooks show it as "
                            "text, not as a date"),
                "workbook-date");
}

// The text of a field's cell as the workbooks write it (render/workbooks.cc
// joins lists with "; " and references with ", ").
std::string CellText(const FieldValue& v) {
  switch (v.spec->type) {
    case FieldType::kList: return Join(v.items, "; ");
    case FieldType::kRefs:
    case FieldType::kClauses:
    case FieldType::kControls: return Join(v.items, ", ");
    default: return v.text;  // role lists show titles: never near the limit
  }
}

std::string Thousands(size_t n) {
  std::string digits = std::to_string(n), out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

void CheckText(const Record& r, const FieldValue& v, Diagnostics& diags) {
  std::string text = CellText(v);
  size_t length = CountCodePoints(text);
  if (length <= kMaxCellChars) return;
  std::string_view kept = Utf8Head(text, kMaxCellChars);
  // The last words kept, so the reader finds the cut in the workbook.
  std::string_view tail = kept.substr(Utf8Head(kept, kMaxCellChars - 20).size());
  diags.Warning(r.path, v.pos,
                std::string("'")
                    .append(r.id)
                    .append("': '")
                    .append(v.spec->name)
                    .append("' has ")
                    .append(Thousands(length))
                    .append(" characters, more than the ")
                    .append(Thousands(kMaxCellChars))
                    .append(" an Excel cell holds: the register workbooks keep the first ")
                    .append(Thousands(kMaxCellChars))
                    .append(", up to '...")
                    .append(tail)
                    .append("'; the site shows it whole"),
                "workbook-text-cut");
}

// A record field some workbook shows: its kind's columns, and the
// treatment plan's for a risk.
bool InWorkbook(const Record& r, const std::string& field) {
  auto has = [&](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), field) != list.end();
  };
  return has(r.kind->columns) || (r.kind->name == "risk" && has(kTreatmentPlanColumns));
}

}  // namespace

void CheckWorkbookLimits(const Graph& graph, Diagnostics& diags) {
  for (const Document& d : graph.corpus->documents) {
    CheckDate(d.path, d.id, "effective", d.effective, d.effective_pos, diags);
    CheckDate(d.path, d.id, "approved_on", d.approved_on, d.approved_on_pos, diags);
    CheckDate(d.path, d.id, "reviewed_on", d.reviewed_on, d.review_pos, diags);
  }
  for (const Record& r : graph.corpus->records) {
    for (const FieldValue& v : r.fields) {
      if (!InWorkbook(r, v.spec->name)) continue;
      if (v.spec->type == FieldType::kDate)
        CheckDate(r.path, r.id, v.spec->name.c_str(), v.text, v.pos, diags);
      else
        CheckText(r, v, diags);
    }
  }
}

}  // namespace smsdoc
