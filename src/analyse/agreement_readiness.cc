#include "analyse/agreement_readiness.h"

#include <algorithm>
#include <map>
#include <vector>

#include "base/text.h"

namespace smsdoc {

namespace {

// A scalar field's text; a ref's ID (refs keep theirs in `items`).
std::string FieldText(const Record& r, const char* name) {
  const FieldValue* f = r.Field(name);
  if (!f) return "";
  return f->text.empty() && !f->items.empty() ? f->items.front() : f->text;
}

// Why a review date does not hold as of `as_of`; "" when it does.
std::string ReviewProblem(const Record& r, const std::string& as_of) {
  std::string next = FieldText(r, "next_review");
  if (next.empty()) return "no next review date";
  if (next < as_of) return "review was due on " + next;
  return "";
}

// Why a signed SLA does not count as of `as_of`; "" when it does.
std::string SlaProblem(const Record& sla, const std::string& as_of) {
  std::string signed_on = FieldText(sla, "signed_on");
  if (!signed_on.empty() && signed_on > as_of) return "signed only on " + signed_on;
  std::string expires = FieldText(sla, "expires");
  if (!expires.empty() && expires < as_of) return "expired on " + expires;
  return ReviewProblem(sla, as_of);
}

// Why a supplier's agreement does not hold as of `as_of`; "" when it does.
std::string SupplierProblem(const Record& supplier, const std::string& as_of) {
  std::string end = FieldText(supplier, "contract_end");
  if (end.empty() && FieldText(supplier, "contract").empty() &&
      FieldText(supplier, "contract_start").empty())
    return "no contract recorded";
  if (!end.empty() && end < as_of) return "contract ended on " + end;
  return ReviewProblem(supplier, as_of);
}

}  // namespace

ReadinessItem JudgeSlas(const Graph& graph, const std::string& as_of, ReadinessItem item) {
  const std::vector<Record>& records = graph.corpus->records;
  std::vector<size_t> customers;
  std::map<std::string, std::vector<size_t>> signed_slas;  // by customer ID
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    if (r.kind->name == "customer" && r.status == "active") customers.push_back(i);
    if (r.kind->name == "sla" && r.status == "signed")
      signed_slas[FieldText(r, "customer")].push_back(i);
  }
  if (customers.empty()) {
    item.reason = "no active customer records (kind customer)";
    return item;
  }
  if (signed_slas.empty()) {
    item.reason = "no signed SLA records (kind sla)";
    return item;
  }
  std::vector<std::string> problems;
  for (size_t c : customers) {
    const std::string& id = records[c].id;
    auto it = signed_slas.find(id);
    if (it == signed_slas.end()) {
      problems.push_back(id + ": no signed SLA");
      continue;
    }
    std::vector<std::string> why;
    for (size_t s : it->second) {
      std::string p = SlaProblem(records[s], as_of);
      if (p.empty()) {
        item.evidence.push_back(graph.RecordNode(s));
        why.clear();
        break;
      }
      why.push_back(records[s].id + " " + p);
    }
    if (!why.empty()) problems.push_back(id + ": " + Join(why, ", "));
  }
  std::sort(item.evidence.begin(), item.evidence.end());
  item.state = problems.empty() ? ReadinessItem::State::kMet : ReadinessItem::State::kAtRisk;
  item.reason = Join(problems, "; ");
  return item;
}

ReadinessItem JudgeSuppliers(const Graph& graph, const std::string& as_of, ReadinessItem item) {
  const std::vector<Record>& records = graph.corpus->records;
  std::vector<std::string> problems;
  bool any = false;
  for (size_t i = 0; i < records.size(); ++i) {
    const Record& r = records[i];
    std::string type = FieldText(r, "type");
    // Internal suppliers work to agreements of their own (8.3.4.2), not
    // contracts: the register lists them, readiness does not ask.
    if (r.kind->name != "supplier" || r.status != "active" || type == "internal") continue;
    any = true;
    if (std::string p = SupplierProblem(r, as_of); !p.empty())
      problems.push_back(r.id + ": " + p);
    else
      item.evidence.push_back(graph.RecordNode(i));
  }
  if (!any) {
    item.reason = "no active external or lead supplier records (kind supplier)";
    return item;
  }
  item.state = problems.empty() ? ReadinessItem::State::kMet : ReadinessItem::State::kAtRisk;
  item.reason = Join(problems, "; ");
  return item;
}

}  // namespace smsdoc
