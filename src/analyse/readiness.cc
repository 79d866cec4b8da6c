#include "analyse/readiness.h"

#include <algorithm>
#include <map>

#include "analyse/agreement_readiness.h"
#include "analyse/coverage.h"
#include "base/dates.h"
#include "base/text.h"
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
    {"clause-8-processes", "A process document for each clause 8 process", "8", nullptr, nullptr,
     true},
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
  Judge(const Graph& graph, const Analysis& analysis)
      : graph_(graph),
        analysis_(analysis),
        as_of_(analysis.as_of),
        cycle_start_(AddMonths(analysis.as_of, -kAuditCycleMonths).value_or("")) {}

  ReadinessItem Evaluate(const Rule& rule) const {
    ReadinessItem item{rule.key, rule.title, rule.clause};
    // Agreements are judged from their registers, not from documents.
    if (item.key == "service-level-agreements") return JudgeSlas(graph_, as_of_, item);
    if (item.key == "supplier-agreements") return JudgeSuppliers(graph_, as_of_, item);
    if (rule.processes) return Processes(item);
    if (rule.record_kind) return Records(item, rule.record_kind);
    return Documents(item, rule.document_type);
  }

 private:
  std::vector<int> DocumentsNaming(const std::string& clause, const char* type,
                                   bool processes_only) const {
    std::vector<int> out;
    for (size_t i = 0; i < graph_.corpus->documents.size(); ++i) {
      const Document& d = graph_.corpus->documents[i];
      if (processes_only && !d.is_process) continue;
      if (type && d.type != type) continue;
      // The same rule as coverage: naming a clause names all of it.
      if (std::any_of(d.clauses.begin(), d.clauses.end(),
                      [&](const std::string& c) { return NamesPartOf(c, clause); }))
        out.push_back(graph_.DocumentNode(i));
    }
    return out;
  }

  // In force: approved and not overdue for review (the analysis' one rule).
  std::string Problem(int node) const {
    size_t index = graph_.nodes[node].index;
    const Document& d = graph_.corpus->documents[index];
    const DocumentState& state = analysis_.documents[index];
    if (!state.in_force) return d.id + " is " + d.status;
    if (state.review == ReviewState::kOverdue)
      return d.id + " was due for review on " + state.next_review;
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
      std::string p = Problem(n);
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
        if (std::string p = Problem(n); !p.empty()) problems.push_back(p);
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

  // The leaves of clauses 4 to 10 not audited internally in the cycle,
  // shortened to their parents where all of a parent is missing.
  std::vector<std::string> Unaudited() const {
    std::vector<std::string> out;
    for (const ClauseCoverage& cov : analysis_.coverage) {
      if (cov.audited_in_cycle) continue;
      const std::string& id = cov.clause->id;
      bool under_listed = std::any_of(out.begin(), out.end(),
                                      [&](const std::string& o) { return CoversClause(id, o); });
      // A parent none of whose leaves were audited stands for them all.
      bool whole = cov.unaudited_leaves.size() == LeafCount(id);
      if (!under_listed && (cov.leaf || whole)) out.push_back(id);
    }
    return out;
  }

  size_t LeafCount(const std::string& id) const {
    return static_cast<size_t>(std::count_if(
        analysis_.coverage.begin(), analysis_.coverage.end(),
        [&](const ClauseCoverage& c) { return c.leaf && CoversClause(c.clause->id, id); }));
  }

  ReadinessItem Records(ReadinessItem item, const std::string& kind) const {
    std::vector<int> done, recent;
    std::vector<std::string> without_minutes;  // held reviews: "MR-1 lacks outputs"
    for (size_t i = 0; i < graph_.corpus->records.size(); ++i) {
      const Record& r = graph_.corpus->records[i];
      if (r.kind->name != kind) continue;
      int node = graph_.RecordNode(i);
      if (kind == "audit") {
        // Only the organisation's own audits, once performed.
        std::string performed = HeldBy(r, as_of_);
        // An audit of another framework alone (an ISMS audit) is no
        // evidence of this checklist's clauses.
        if (performed.empty() || !IsInternalAudit(r) || r.clauses.empty()) continue;
        done.push_back(node);
        if (performed >= cycle_start_) recent.push_back(node);
      } else if (kind == "review") {
        std::string held = HeldBy(r, as_of_);
        if (held.empty()) continue;
        // Performed means minuted: its decisions and outputs recorded.
        if (std::vector<std::string> missing = MissingMinutes(r); !missing.empty()) {
          without_minutes.push_back(r.id + " lacks " + Join(missing, " and "));
          continue;
        }
        done.push_back(node);
        if (held >= cycle_start_) recent.push_back(node);
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
      if (!without_minutes.empty())
        item.reason +=
            " with its decisions and outputs recorded (" + Join(without_minutes, "; ") + ")";
      return item;
    }
    if (recent.empty()) {
      item.state = ReadinessItem::State::kAtRisk;
      item.reason = "the last was more than " + std::to_string(kAuditCycleMonths) +
                    " months before " + as_of_;
      return item;
    }
    if (kind == "audit") {
      // Every leaf clause of 4 to 10 audited internally within the cycle.
      item.evidence = recent;
      std::vector<std::string> unaudited = Unaudited();
      if (!unaudited.empty()) {
        item.state = ReadinessItem::State::kAtRisk;
        item.reason = "internal audits of the last " + std::to_string(kAuditCycleMonths) +
                      " months did not cover clause " + Join(unaudited, ", ");
        return item;
      }
    }
    item.state = ReadinessItem::State::kMet;
    return item;
  }

  const Graph& graph_;
  const Analysis& analysis_;
  std::string as_of_, cycle_start_;
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

std::vector<ReadinessItem> EvaluateReadiness(const Graph& graph, const Analysis& analysis) {
  Judge judge(graph, analysis);
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
