#include "analyse/readiness.h"

#include <algorithm>
#include <map>

#include "analyse/agreement_readiness.h"
#include "analyse/coverage.h"
#include "analyse/framework_judges.h"
#include "base/dates.h"
#include "base/text.h"
#include "model/clauses.h"

namespace smsdoc {

namespace {

class Judge {
 public:
  Judge(const Graph& graph, const Analysis& analysis, const Framework& framework)
      : graph_(graph),
        analysis_(analysis),
        framework_(framework),
        primary_(framework.id == kDefaultPrimary),
        as_of_(analysis.as_of),
        cycle_start_(AddMonths(analysis.as_of, -kAuditCycleMonths).value_or("")) {}

  ReadinessItem Evaluate(const ReadinessRule& rule) const {
    ReadinessItem item{rule.key, rule.title, rule.clause};
    // Agreements are judged from their registers, not from documents.
    if (rule.judge == "slas") return JudgeSlas(graph_, as_of_, item);
    if (rule.judge == "suppliers") return JudgeSuppliers(graph_, as_of_, item);
    if (rule.judge == "soa") return JudgeSoa(graph_, analysis_, framework_, item);
    if (rule.judge == "measurements") return JudgeMeasurements(graph_, analysis_, item);
    if (!rule.processes.empty()) return Processes(item, rule.processes);
    if (!rule.record_kind.empty()) return Records(item, rule.record_kind);
    return Documents(item, rule.document_type);
  }

 private:
  // The same rule as coverage: naming a clause names all of it. ISO/IEC
  // 20000-1's numbers are the documents' `clauses`, the other frameworks'
  // their `controls`.
  bool Names(const Document& d, const std::string& clause) const {
    if (primary_)
      return std::any_of(d.clauses.begin(), d.clauses.end(),
                         [&](const std::string& c) { return NamesPartOf(c, clause); });
    return std::any_of(d.controls.begin(), d.controls.end(), [&](const FrameworkRef& c) {
      return c.framework == framework_.id && NamesPartOf(c.item, clause);
    });
  }

  std::vector<int> DocumentsNaming(const std::string& clause, const std::string& type,
                                   bool processes_only) const {
    std::vector<int> out;
    for (size_t i = 0; i < graph_.corpus->documents.size(); ++i) {
      const Document& d = graph_.corpus->documents[i];
      if (processes_only && !d.is_process) continue;
      if (!type.empty() && d.type != type) continue;
      if (Names(d, clause)) out.push_back(graph_.DocumentNode(i));
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

  ReadinessItem Documents(ReadinessItem item, const std::string& type) const {
    item.evidence = DocumentsNaming(item.clause, type, false);
    if (item.evidence.empty()) {
      item.reason = "no " + (type.empty() ? std::string("document or process") : type) +
                    " names clause " + (primary_ ? "" : framework_.id + ":") + item.clause;
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

  ReadinessItem Processes(ReadinessItem item, const std::vector<std::string>& clauses) const {
    std::vector<std::string> missing, problems;
    for (const std::string& clause : clauses) {
      std::vector<int> found = DocumentsNaming(clause, "", true);
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

  bool NamesFramework(const Record& r) const {
    if (primary_) return !r.clauses.empty();
    return std::any_of(r.controls.begin(), r.controls.end(),
                       [&](const FrameworkRef& ref) { return ref.framework == framework_.id; });
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
        // An audit naming none of this framework's items (an ISMS audit for
        // ISO/IEC 20000-1) is no evidence of its checklist.
        if (performed.empty() || !IsInternalAudit(r) || !NamesFramework(r)) continue;
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
      // Every leaf clause audited internally within the cycle: ISO/IEC
      // 20000-1's 4 to 10 from its coverage, another framework's
      // requirements (not its controls, the SoA's) from the audits' items.
      item.evidence = recent;
      std::vector<std::string> unaudited =
          primary_ ? Unaudited() : UnauditedRequirements(graph_, framework_, recent);
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
  const Framework& framework_;
  bool primary_;  ///< ISO/IEC 20000-1, whose clauses coverage judges
  std::string as_of_, cycle_start_;
};

// smsdoc.yaml's `not_applicable:` name for an item: bare for ISO/IEC
// 20000-1, "iso27001:scope" for another framework's.
std::string NotApplicableKey(const Framework& framework, const std::string& key) {
  return framework.id == kDefaultPrimary ? key : framework.id + ":" + key;
}

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

std::vector<std::string> ReadinessKeys(const Config& config) {
  std::vector<std::string> keys;
  for (const Framework& fw : config.frameworks)
    for (const ReadinessRule& r : fw.readiness) keys.push_back(NotApplicableKey(fw, r.key));
  return keys;
}

std::vector<ReadinessItem> EvaluateReadiness(const Graph& graph, const Analysis& analysis,
                                             const Framework& framework) {
  Judge judge(graph, analysis, framework);
  std::vector<ReadinessItem> items;
  for (const ReadinessRule& rule : framework.readiness) {
    ReadinessItem item = judge.Evaluate(rule);
    for (const auto& na : graph.corpus->config.not_applicable) {
      if (na.key != NotApplicableKey(framework, item.key)) continue;
      item.state = ReadinessItem::State::kNotApplicable;
      item.reason = na.justification;
    }
    items.push_back(std::move(item));
  }
  return items;
}

std::vector<FrameworkReadiness> EvaluateOtherReadiness(const Graph& graph,
                                                       const Analysis& analysis) {
  std::vector<FrameworkReadiness> out;
  for (const Framework& fw : graph.corpus->config.frameworks)
    if (fw.id != kDefaultPrimary && !fw.readiness.empty())
      out.push_back({fw.id, fw.Title(), EvaluateReadiness(graph, analysis, fw)});
  return out;
}

std::vector<ReadinessItem> CombinedChecklist(const Analysis& analysis) {
  std::vector<ReadinessItem> out = analysis.readiness;
  for (const FrameworkReadiness& fw : analysis.framework_readiness)
    for (ReadinessItem item : fw.items) {
      item.key = fw.framework + ":" + item.key;
      item.title += " (" + fw.title + ")";
      out.push_back(std::move(item));
    }
  return out;
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
