#include "check/readiness.h"

#include <algorithm>
#include <map>

#include "base/dates.h"
#include "base/text.h"
#include "link/coverage.h"
#include "model/clauses.h"

namespace smsdoc {

namespace {

// How an item is satisfied: documents naming a clause (of a type, if
// given), a process for every clause 8 process, or records of a kind.
struct Rule {
  const char* key;
  const char* title;
  const char* clause;
  const char* document_type = nullptr;  ///< documents: type required
  const char* record_kind = nullptr;    ///< records instead of documents
  bool processes = false;               ///< one process per clause 8 process
};

const Rule kRules[] = {
    {"scope", "Scope of the SMS", "4.3"},
    {"service-management-policy", "Service management policy", "5.2", "policy"},
    {"roles", "Roles, responsibilities and authorities", "5.3"},
    {"risk-approach", "Approach to risks and opportunities", "6.1"},
    {"objectives", "Service management objectives", "6.2"},
    {"service-management-plan", "Service management plan", "6.3"},
    {"document-control", "Control of documented information", "7.5"},
    {"change-management-policy", "Change management policy", "8.5.1.1"},
    {"information-security-policy", "Information security policy", "8.7.3.1"},
    {"continuity-plan", "Service continuity plan", "8.7.2", "plan"},
    {"service-catalogue", "Service catalogue", "8.2.4"},
    {"service-level-agreements", "Service level agreements", "8.3.3"},
    {"supplier-agreements", "Supplier agreements", "8.3.4"},
    {"clause-8-processes", "A process document for each clause 8 process", "8", nullptr,
     nullptr, true},
    {"competence-records", "Competence records", "7.2", nullptr, "training"},
    {"internal-audit", "Internal audit of clauses 4 to 10, performed", "9.2", nullptr, "audit"},
    {"management-review", "Management review, performed", "9.3", nullptr, "review"},
    {"corrective-actions", "Corrective actions", "10.1", nullptr, "action"},
};

// The clause 8 processes a certification body expects a document for.
const char* kProcessClauses[] = {"8.2.4", "8.2.5", "8.2.6", "8.3.2", "8.3.3", "8.3.4",
                                 "8.4.1", "8.4.2", "8.4.3", "8.5.1", "8.5.2", "8.5.3",
                                 "8.6.1", "8.6.2", "8.6.3", "8.7.1", "8.7.2", "8.7.3"};

class Judge {
 public:
  Judge(const Graph& graph, const std::string& as_of)
      : graph_(graph), as_of_(as_of), year_ago_(AddMonths(as_of, -12)) {}

  ReadinessItem Evaluate(const Rule& rule) const {
    ReadinessItem item{rule.key, rule.title, rule.clause};
    if (rule.processes) return Processes(item);
    if (rule.record_kind) return Records(item, rule.record_kind);
    return Documents(item, rule.document_type);
  }

 private:
  const Document& DocAt(int node) const {
    return graph_.corpus->documents[graph_.nodes[node].index];
  }
  const Record& RecordAt(int node) const {
    return graph_.corpus->records[graph_.nodes[node].index];
  }

  std::vector<int> DocumentsNaming(const std::string& clause, const char* type,
                                   bool processes_only) const {
    std::vector<int> out;
    for (size_t i = 0; i < graph_.corpus->documents.size(); ++i) {
      const Document& d = graph_.corpus->documents[i];
      if (processes_only && !d.is_process) continue;
      if (type && d.type != type) continue;
      if (std::any_of(d.clauses.begin(), d.clauses.end(),
                      [&](const std::string& c) { return CoversClause(c, clause); }))
        out.push_back(graph_.DocumentNode(i));
    }
    return out;
  }

  // In force: approved and not overdue for review.
  std::string Problem(const Document& d) const {
    if (d.status != "approved") return d.id + " is " + d.status;
    std::string next = AddMonths(d.effective, d.review_months);
    if (!next.empty() && next < as_of_) return d.id + " was due for review on " + next;
    return "";
  }

  ReadinessItem Documents(ReadinessItem item, const char* type) const {
    item.evidence = DocumentsNaming(item.clause, type, false);
    if (item.evidence.empty()) {
      item.reason = std::string("no ") + (type ? std::string(type) : "document or process") +
                    " names clause " + item.clause;
      return item;
    }
    std::vector<std::string> problems;
    for (int n : item.evidence) {
      std::string p = Problem(DocAt(n));
      if (p.empty()) {
        item.state = ReadinessItem::State::kMet;
        return item;
      }
      problems.push_back(p);
    }
    item.state = ReadinessItem::State::kAtRisk;
    item.reason = Join(problems, "; ");
    return item;
  }

  ReadinessItem Processes(ReadinessItem item) const {
    std::vector<std::string> missing, problems;
    for (const char* clause : kProcessClauses) {
      std::vector<int> found = DocumentsNaming(clause, nullptr, true);
      if (found.empty()) missing.push_back(clause);
      for (int n : found) {
        item.evidence.push_back(n);
        if (std::string p = Problem(DocAt(n)); !p.empty()) problems.push_back(p);
      }
    }
    std::sort(item.evidence.begin(), item.evidence.end());
    item.evidence.erase(std::unique(item.evidence.begin(), item.evidence.end()),
                        item.evidence.end());
    std::sort(problems.begin(), problems.end());
    problems.erase(std::unique(problems.begin(), problems.end()), problems.end());
    if (!missing.empty()) {
      item.reason = "no process document for " + Join(missing, ", ");
    } else if (!problems.empty()) {
      item.state = ReadinessItem::State::kAtRisk;
      item.reason = Join(problems, "; ");
    } else {
      item.state = ReadinessItem::State::kMet;
    }
    return item;
  }

  std::string DateOf(const Record& r, const char* field) const {
    const FieldValue* v = r.Field(field);
    return v ? v->text : "";
  }

  ReadinessItem Records(ReadinessItem item, const std::string& kind) const {
    std::vector<int> done, recent;
    for (size_t i = 0; i < graph_.corpus->records.size(); ++i) {
      const Record& r = graph_.corpus->records[i];
      if (r.kind->name != kind) continue;
      int node = graph_.RecordNode(i);
      if (kind == "audit") {
        const FieldValue* type = r.Field("type");
        if (r.status != "completed" || !type || type->text != "internal") continue;
        done.push_back(node);
        if (DateOf(r, "performed") >= year_ago_) recent.push_back(node);
      } else if (kind == "review") {
        if (r.status != "completed") continue;
        done.push_back(node);
        if (DateOf(r, "held") >= year_ago_) recent.push_back(node);
      } else if (kind == "training") {
        if (r.status == "completed") done.push_back(node), recent.push_back(node);
      } else {
        done.push_back(node), recent.push_back(node);
      }
    }
    item.evidence = done;
    if (done.empty()) {
      item.reason = kind == "audit"    ? "no completed internal audit"
                    : kind == "review" ? "no completed management review"
                                       : "no " + kind + " records";
      return item;
    }
    if (recent.empty()) {
      item.state = ReadinessItem::State::kAtRisk;
      item.reason = "the last was more than 12 months before " + as_of_;
      return item;
    }
    if (kind == "audit") {
      // The audits of the last 12 months must cover clauses 4 to 10.
      std::vector<std::string> uncovered;
      for (const char* top : {"4", "5", "6", "7", "8", "9", "10"}) {
        bool covered = std::any_of(recent.begin(), recent.end(), [&](int n) {
          const auto& clauses = RecordAt(n).clauses;
          return std::any_of(clauses.begin(), clauses.end(),
                             [&](const std::string& c) { return CoversClause(c, top); });
        });
        if (!covered) uncovered.push_back(top);
      }
      if (!uncovered.empty()) {
        item.state = ReadinessItem::State::kAtRisk;
        item.reason = "internal audits of the last 12 months did not cover clause " +
                      Join(uncovered, ", ");
        item.evidence = recent;
        return item;
      }
      item.evidence = recent;
    }
    item.state = ReadinessItem::State::kMet;
    return item;
  }

  const Graph& graph_;
  std::string as_of_, year_ago_;
};

}  // namespace

const char* ReadinessStateName(ReadinessItem::State state) {
  switch (state) {
    case ReadinessItem::State::kMet: return "met";
    case ReadinessItem::State::kAtRisk: return "at risk";
    case ReadinessItem::State::kMissing: return "missing";
    case ReadinessItem::State::kNotApplicable: return "not applicable";
  }
  return "";
}

std::vector<std::string> ReadinessKeys() {
  std::vector<std::string> keys;
  for (const Rule& r : kRules) keys.push_back(r.key);
  return keys;
}

std::vector<ReadinessItem> EvaluateReadiness(const Graph& graph, const std::string& as_of) {
  Judge judge(graph, as_of);
  std::vector<ReadinessItem> items;
  for (const Rule& rule : kRules) {
    ReadinessItem item = judge.Evaluate(rule);
    for (const auto& na : graph.corpus->config.not_applicable) {
      if (na.key != item.key) continue;
      item.state = ReadinessItem::State::kNotApplicable;
      item.reason = na.justification;
    }
    items.push_back(std::move(item));
  }
  return items;
}

void CheckReadiness(const Graph& graph, const std::string& as_of, bool strict,
                    Diagnostics& diags) {
  const Config& config = graph.corpus->config;
  std::vector<std::string> keys = ReadinessKeys();
  for (const auto& na : config.not_applicable)
    if (std::find(keys.begin(), keys.end(), na.key) == keys.end())
      diags.Error(kConfigFile, na.pos,
                  "unknown readiness item '" + na.key + "'" + DidYouMean(na.key, keys),
                  "config-key");
  if (!config.readiness_check) return;
  for (const ReadinessItem& item : EvaluateReadiness(graph, as_of)) {
    if (item.state != ReadinessItem::State::kMissing) continue;
    Diagnostic d{kConfigFile, {}, strict ? Severity::kError : Severity::kWarning,
                 "Stage 1 readiness: '" + item.title + "' (" + item.key + ", clause " +
                     item.clause + ") is missing: " + item.reason,
                 "readiness-missing"};
    diags.Add(std::move(d));
  }
}

std::vector<Stage1Document> Stage1Documents(const Graph& graph,
                                            const std::vector<ReadinessItem>& checklist) {
  std::map<std::string, Stage1Document> by_id;
  for (size_t i = 0; i < graph.corpus->documents.size(); ++i) {
    int node = graph.DocumentNode(i);
    if (!graph.corpus->documents[i].is_process) by_id[graph.nodes[node].id].node = node;
  }
  for (size_t item = 0; item < checklist.size(); ++item) {
    for (int node : checklist[item].evidence) {
      if (graph.nodes[node].type == Node::Type::kRecord) continue;
      Stage1Document& doc = by_id[graph.nodes[node].id];
      doc.node = node;
      doc.items.push_back(item);
    }
  }
  std::vector<Stage1Document> out;
  for (auto& [id, doc] : by_id) out.push_back(std::move(doc));
  return out;
}

}  // namespace smsdoc
