#include "analyse/review_pack.h"

#include <algorithm>
#include <set>

#include "analyse/coverage.h"
#include "analyse/kpi_periods.h"
#include "base/dates.h"
#include "model/clauses.h"

namespace smsdoc {

namespace {

// The clauses whose processes' KPIs speak for customers (business
// relationship and service level management) and for suppliers.
const char* kCustomerClauses[] = {"8.3.2", "8.3.3"};
const char* kSupplierClauses[] = {"8.3.4"};

std::string FieldText(const Record& r, const char* name) {
  const FieldValue* f = r.Field(name);
  return f ? f->text : "";
}

// Dated on or before `date`; a record without the date counts as known.
bool ByDate(const Record& r, const char* field, const std::string& date) {
  std::string when = FieldText(r, field);
  return when.empty() || when <= date;
}

bool NamesAny(const Document& process, const char* const* clauses, size_t count) {
  for (const std::string& c : process.clauses)
    for (size_t i = 0; i < count; ++i)
      if (CoversClause(c, clauses[i])) return true;
  return false;
}

class Gatherer {
 public:
  Gatherer(const Graph& graph, const Analysis& analysis, ReviewPack& pack)
      : graph_(graph), analysis_(analysis), pack_(pack) {}

  void Run() {
    const Record& review = RecordAt(pack_.review);
    std::string held = FieldText(review, "held");
    pack_.capped = held.empty() || held > analysis_.as_of;
    pack_.date = pack_.capped ? analysis_.as_of : held;
    const std::string& date = pack_.date;
    pack_.previous = Previous(review);
    std::string since = pack_.previous >= 0 ? FieldText(RecordAt(pack_.previous), "held") : "";
    if (pack_.previous >= 0) pack_.previous_actions = ActionsOf(pack_.previous);
    pack_.raised_actions = ActionsOf(pack_.review);
    // Within the period: open at the date or raised since the last review.
    auto current = [&](const Record& r, const char* raised) {
      return OpenAt(r, date) || FieldText(r, raised) > since;
    };
    for (size_t i = 0; i < graph_.corpus->records.size(); ++i) {
      const Record& r = graph_.corpus->records[i];
      int node = graph_.RecordNode(i);
      const std::string& kind = r.kind->name;
      if (kind == "audit" && !HeldBy(r, date).empty()) pack_.audits.push_back(node);
      if (kind == "finding" && ByDate(r, "raised", date)) {
        std::string cls = FieldText(r, "classification");
        if (OpenAt(r, date)) pack_.open_findings.push_back(node);
        if ((cls == "major" || cls == "minor") && current(r, "raised"))
          pack_.nonconformities.push_back(node);
        if (cls == "ofi" && current(r, "raised")) pack_.opportunities.push_back(node);
      }
      if (kind == "action" && ByDate(r, "raised", date) && current(r, "raised"))
        pack_.corrective_actions.push_back(node);
      if (kind == "risk" && ByDate(r, "opened", date) && r.status != "closed") {
        std::string type = FieldText(r, "type");
        if (type == "opportunity") pack_.opportunities.push_back(node);
        if (type == "risk" && FieldText(r, "exceeds_acceptance") == "true")
          pack_.risks.push_back(node);
      }
    }
    for (auto* list : {&pack_.audits, &pack_.open_findings, &pack_.nonconformities,
                       &pack_.corrective_actions, &pack_.risks, &pack_.opportunities})
      ById(*list);
    Kpis();
  }

 private:
  const Record& RecordAt(int node) const {
    return graph_.corpus->records[graph_.nodes[node].index];
  }
  bool IsKind(int node, const char* kind) const {
    return node >= 0 && graph_.nodes[node].type == Node::Type::kRecord &&
           RecordAt(node).kind->name == kind;
  }
  void ById(std::vector<int>& nodes) const {
    std::sort(nodes.begin(), nodes.end(),
              [&](int a, int b) { return graph_.nodes[a].id < graph_.nodes[b].id; });
    nodes.erase(std::unique(nodes.begin(), nodes.end()), nodes.end());
  }

  // The latest completed review held before this one's date.
  int Previous(const Record& review) const {
    int best = -1;
    std::string best_held;
    for (size_t i = 0; i < graph_.corpus->records.size(); ++i) {
      const Record& r = graph_.corpus->records[i];
      if (r.kind->name != "review" || &r == &review) continue;
      std::string held = HeldBy(r, pack_.date);
      if (held.empty() || held >= pack_.date) continue;
      if (held > best_held || (held == best_held && r.id < RecordAt(best).id))
        best = graph_.RecordNode(i), best_held = held;
    }
    return best;
  }

  // The actions a review names (related, or any other reference) and
  // those naming it as their source.
  std::vector<int> ActionsOf(int review) const {
    std::vector<int> out;
    for (const Link& link : graph_.links[review])
      if (IsKind(link.target, "action")) out.push_back(link.target);
    for (const Backlink& back : graph_.backlinks[review])
      if (IsKind(back.source, "action") && graph_.RefTarget(back.source, "source") == review)
        out.push_back(back.source);
    ById(out);
    return out;
  }

  void Kpis() {
    const Corpus& corpus = *graph_.corpus;
    for (const KpiSeries& s : analysis_.kpis) pack_.kpis.push_back(SeriesUpTo(s, pack_.date));
    // Missed in their latest period first, each part in the analysis' order.
    std::stable_partition(pack_.kpis.begin(), pack_.kpis.end(), [](const KpiSeries& s) {
      return !s.points.empty() && s.points.back().state == KpiState::kMissed;
    });
    for (size_t i = 0; i < pack_.kpis.size(); ++i) {
      const Document& process = corpus.documents[pack_.kpis[i].document];
      if (NamesAny(process, kCustomerClauses, std::size(kCustomerClauses)))
        pack_.customer_kpis.push_back(i);
      if (NamesAny(process, kSupplierClauses, std::size(kSupplierClauses)))
        pack_.supplier_kpis.push_back(i);
    }
  }

  const Graph& graph_;
  const Analysis& analysis_;
  ReviewPack& pack_;
};

}  // namespace

ReviewPack GatherReviewPack(const Graph& graph, const Analysis& analysis, int review_node) {
  ReviewPack pack;
  pack.review = review_node;
  Gatherer(graph, analysis, pack).Run();
  return pack;
}

bool OpenAt(const Record& record, const std::string& date) {
  if (std::find(record.kind->done.begin(), record.kind->done.end(), record.status) ==
      record.kind->done.end())
    return true;
  std::string closed = FieldText(record, "closed_on");
  return !closed.empty() && closed > date;
}

bool OverdueAt(const Record& record, const std::string& date) {
  std::string due = FieldText(record, "due");
  return !due.empty() && due < date && OpenAt(record, date);
}

KpiSeries SeriesUpTo(const KpiSeries& series, const std::string& date) {
  KpiSeries out;
  out.document = series.document;
  out.kpi = series.kpi;
  // A period counts once it has ended: a month's value is known after it.
  auto ended = [&](const std::string& period) {
    std::string end = PeriodEnd(period);
    return !end.empty() && end <= date;
  };
  for (const KpiPoint& p : series.points)
    if (ended(p.period)) out.points.push_back(p);
  for (const std::string& m : series.missing)
    if (ended(m)) out.missing.push_back(m);
  for (const std::string& m : series.unjudged)
    if (ended(m)) out.unjudged.push_back(m);
  for (auto it = out.points.rbegin(); it != out.points.rend(); ++it) {
    if (it->state != KpiState::kMissed) break;
    ++out.missed_in_a_row;
  }
  return out;
}

}  // namespace smsdoc
