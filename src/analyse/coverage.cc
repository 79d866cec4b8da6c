#include "analyse/coverage.h"

#include <algorithm>

#include "analyse/register_rules.h"
#include "base/dates.h"
#include "base/text.h"
#include "load/clause_catalogue.h"

namespace smsdoc {

namespace {

using State = ClauseCoverage::State;

bool IsLeaf(const std::vector<Clause>& catalogue, size_t c) {
  return c + 1 >= catalogue.size() || !CoversClause(catalogue[c + 1].id, catalogue[c].id);
}

State LeafState(const ClauseCoverage& cov) {
  return LeafStateOf(!cov.documents.empty() || !cov.processes.empty(), !cov.records.empty());
}

}  // namespace

State LeafStateOf(bool documented, bool evidenced) {
  if (documented && evidenced) return State::kCovered;
  if (documented) return State::kDocumentedOnly;
  if (evidenced) return State::kEvidencedOnly;
  return State::kNotCovered;
}

State ParentStateOf(const std::vector<State>& leaves) {
  if (leaves.empty()) return State::kNotCovered;
  bool same = std::all_of(leaves.begin(), leaves.end(), [&](State s) { return s == leaves[0]; });
  return same ? leaves[0] : State::kPartlyCovered;
}

const char* StateName(State state) {
  switch (state) {
    case State::kCovered: return "covered";
    case State::kPartlyCovered: return "partly covered";
    case State::kDocumentedOnly: return "documented only";
    case State::kEvidencedOnly: return "evidenced only";
    case State::kNotCovered: return "not covered";
    case State::kExcluded: return "excluded";
  }
  return "";
}

std::vector<std::string> ClausesOf(const Graph& graph, int node) {
  const Node& n = graph.nodes[node];
  if (n.type != Node::Type::kRecord) return graph.corpus->documents[n.index].clauses;
  const Record& r = graph.corpus->records[n.index];
  std::vector<std::string> out = r.clauses;
  for (const auto& f : r.fields)
    // Another framework's item ("iso27001:A.8.13") is no 20000-1 clause.
    if (f.spec->type == FieldType::kClause && !f.text.empty() &&
        f.text.find(':') == std::string::npos)
      out.push_back(f.text);
  return out;
}

bool IsInternalAudit(const Record& audit) {
  const FieldValue* type = audit.Field("type");
  return type && type->text == "internal";
}

std::string HeldBy(const Record& event, const std::string& as_of) {
  const FieldValue* date = event.Field(event.kind->name == "audit" ? "performed" : "held");
  if (event.status != "completed" || !date || date->text.empty() || date->text > as_of) return "";
  return date->text;
}

std::vector<std::string> MissingMinutes(const Record& review) {
  std::vector<std::string> missing;
  if (review.kind->name != "review") return missing;
  for (const char* field : {"decisions", "outputs"}) {
    const FieldValue* value = review.Field(field);
    if (!value || Trim(value->text).empty()) missing.push_back(field);
  }
  return missing;
}

bool IsEvidence(const Record& record, const std::string& as_of) {
  const std::string& kind = record.kind->name;
  if (kind == "audit") return !HeldBy(record, as_of).empty();
  // A review without its decisions and outputs has no minutes to show.
  if (kind == "review") return !HeldBy(record, as_of).empty() && MissingMinutes(record).empty();
  if (kind == "training") return record.status != "planned";
  return true;
}

bool NamesPartOf(std::string_view ref, std::string_view clause) {
  return CoversClause(clause, ref) || CoversClause(ref, clause);
}

std::vector<ClauseCoverage> ComputeCoverage(const Graph& graph, const std::string& as_of) {
  const std::vector<Clause>& catalogue = ClauseCatalogue();
  std::vector<ClauseCoverage> out;
  for (size_t c = 0; c < catalogue.size(); ++c)
    out.push_back({.clause = &catalogue[c], .leaf = IsLeaf(catalogue, c)});
  // Nodes in ID order, so every list is sorted and the output stable.
  std::vector<int> nodes(graph.nodes.size());
  for (size_t i = 0; i < nodes.size(); ++i) nodes[i] = static_cast<int>(i);
  std::sort(nodes.begin(), nodes.end(),
            [&](int a, int b) { return graph.nodes[a].id < graph.nodes[b].id; });
  for (int node : nodes) {
    const Node& n = graph.nodes[node];
    std::vector<std::string> refs = ClausesOf(graph, node);
    const Record* record =
        n.type == Node::Type::kRecord ? &graph.corpus->records[n.index] : nullptr;
    const Document* doc = record ? nullptr : &graph.corpus->documents[n.index];
    std::string kind = record ? record->kind->name : "";
    std::string performed = kind == "audit" ? HeldBy(*record, as_of) : "";
    bool evidence = record && IsEvidence(*record, as_of);
    bool internal = kind == "audit" && IsInternalAudit(*record);
    for (ClauseCoverage& cov : out) {
      const std::string& id = cov.clause->id;
      // On a leaf, naming part of it is naming it or an ancestor (nothing
      // below a leaf can be named): only leaves take audit dates.
      if (std::none_of(refs.begin(), refs.end(),
                       [&](const std::string& r) { return NamesPartOf(r, id); }))
        continue;
      if (doc) {
        if (doc->status != "approved")
          cov.not_in_force.push_back(node);
        else
          (n.type == Node::Type::kProcess ? cov.processes : cov.documents).push_back(node);
        continue;
      }
      if (kind == "finding" && !RegisterRules::IsDone(*record)) cov.open_findings.push_back(node);
      if (!evidence) continue;  // planned, cancelled or not yet held
      if (kind != "audit") {
        cov.records.push_back(node);
        continue;
      }
      if (!internal) {
        cov.external_audits.push_back(node);
        if (cov.leaf) cov.last_external_audit = std::max(cov.last_external_audit, performed);
        continue;
      }
      cov.records.push_back(node);
      cov.internal_audits.push_back(node);
      if (cov.leaf) cov.last_internal_audit = std::max(cov.last_internal_audit, performed);
    }
  }

  // Leaves are judged by what addresses them; lists of a leaf hold only
  // that, since nothing below it can be named.
  // "" (a cycle starting before year 0000) sorts before every date.
  std::string cycle_start = AddMonths(as_of, -kAuditCycleMonths).value_or("");
  for (ClauseCoverage& cov : out) {
    if (!cov.leaf) continue;
    cov.state = LeafState(cov);
    cov.audited_in_cycle =
        !cov.last_internal_audit.empty() && cov.last_internal_audit >= cycle_start;
    if (!cov.audited_in_cycle) cov.unaudited_leaves.push_back(cov.clause->id);
  }
  // Parents from their leaves: covered only when all of them are.
  for (size_t c = 0; c < out.size(); ++c) {
    ClauseCoverage& parent = out[c];
    if (parent.leaf) continue;
    std::vector<const ClauseCoverage*> leaves;
    std::vector<State> states;
    for (size_t d = c + 1; d < out.size() && CoversClause(out[d].clause->id, parent.clause->id);
         ++d)
      if (out[d].leaf) {
        leaves.push_back(&out[d]);
        states.push_back(out[d].state);
      }
    parent.state = ParentStateOf(states);
    // All of it was audited by the oldest of its leaves' last audits.
    parent.audited_in_cycle = true;
    for (const ClauseCoverage* l : leaves) {
      parent.audited_in_cycle = parent.audited_in_cycle && l->audited_in_cycle;
      if (!l->audited_in_cycle) parent.unaudited_leaves.push_back(l->clause->id);
    }
    auto oldest = [&](std::string ClauseCoverage::*date) {
      std::string result;
      for (const ClauseCoverage* l : leaves) {
        if ((l->*date).empty()) return std::string();
        if (result.empty() || l->*date < result) result = l->*date;
      }
      return result;
    };
    parent.last_internal_audit = oldest(&ClauseCoverage::last_internal_audit);
    parent.last_external_audit = oldest(&ClauseCoverage::last_external_audit);
  }
  return out;
}

}  // namespace smsdoc
