#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/clauses.h"
#include "model/framework.h"
#include "model/measurement.h"

namespace smsdoc {

/// A name an approval gives (an `Approved-by:` trailer value), resolved
/// against roles: and the people register.
struct Approver {
  std::string written;  ///< as in the trailer
  std::string shown;    ///< the role's title, or "Name (Role title)"; `written` if unknown
  std::string role;     ///< the role key it names or the person holds; "" if unknown
  bool known = false;   ///< a role key or title, or a person's ID or name
};

/// What the analysis derives from one revision of a document's history
/// (parallel to DocumentControl::history).
struct RevisionState {
  bool body_changed = false;        ///< the body differs from the revision before
  bool approval = false;            ///< a valid approval (see DocumentState)
  std::vector<Approver> approvers;  ///< its Approved-by values
};

/// An Approved-by that does not count: it names no role or person
/// (approval-unknown), or not the document's approver (approval-mismatch).
struct ApprovalProblem {
  enum class Kind { kUnknown, kMismatch };
  Kind kind;
  size_t revision;      ///< index into the history
  std::string message;  ///< "Approved-by 'bob' in 1a2b3c4 (2026-03-01) names ..."
};

enum class ReviewState { kNone, kDue, kOverdue };

/// Document control (ISO/IEC 20000-1 7.5) of one document as of a date.
struct DocumentState {
  bool in_force = false;                 ///< status approved
  std::vector<RevisionState> revisions;  ///< parallel to the history
  std::string approved_on;               ///< the last valid approval's date, or ""
  std::string approved_by;               ///< who gave it, as shown (titles and names), or ""
  std::string approval_commit;           ///< its commit ("" for front matter only)
  /// Indexes into the history of body changes after the last approval.
  std::vector<size_t> changed_after_approval;
  std::string version_problem;                     ///< a version that went backwards or repeats
  std::vector<ApprovalProblem> approval_problems;  ///< since the last valid approval
  /// The one review rule: last review = the later of reviewed_on and the
  /// last approval ("" when neither is recorded: shown as "none recorded",
  /// never as the effective date); the cycle runs from it, else from
  /// effective (review_from); next = review_from + review_months.
  std::string last_review, review_from, next_review;
  /// review_from + review_months passes kLastDate: next_review stays "".
  bool next_review_past_last_date = false;
  ReviewState review = ReviewState::kNone;  ///< documents in force only
};

/// How one clause is met. Leaf clauses are judged from what names them or
/// an ancestor (naming a clause names all of it); a parent from its leaves.
struct ClauseCoverage {
  /// kExcluded: a control the Statement of Applicability excludes (other
  /// frameworks only), neither counted as met nor as missing.
  enum class State {
    kCovered,
    kPartlyCovered,
    kDocumentedOnly,
    kEvidencedOnly,
    kNotCovered,
    kExcluded
  };
  const Clause* clause = nullptr;
  bool leaf = true;
  // Items naming the clause, an ancestor or a sub-clause, by ID: for the
  // clause page. Only documents in force count as documented.
  std::vector<int> documents, processes;  ///< in force (approved)
  std::vector<int> not_in_force;          ///< drafts and retired: shown, never counted
  std::vector<int> records;               ///< evidence (completed internal audits among them)
  std::vector<int> internal_audits, external_audits;  ///< completed
  std::vector<int> open_findings;
  std::string last_internal_audit, last_external_audit;  ///< latest `performed`
  /// Every leaf of the clause was audited internally within the 12 months
  /// before the as-of date (the internal audit cycle).
  bool audited_in_cycle = false;
  std::vector<std::string> unaudited_leaves;  ///< leaves not audited in the cycle
  State state = State::kNotCovered;
};

/// A document or record addressing an item of a framework through a
/// mapping: it names `through` (another framework's item, or a part of it)
/// which a mapping pairs with `item`.
struct MappedRef {
  FrameworkRef item;     ///< the item addressed
  FrameworkRef through;  ///< the item named
  bool operator==(const MappedRef&) const = default;
  auto operator<=>(const MappedRef&) const = default;
};

/// How one item of a framework other than ISO/IEC 20000-1 is met, in the
/// same terms as ClauseCoverage: leaves from what names them, parents from
/// their leaves. What names an item through a mapping counts as naming it.
struct ItemCoverage {
  const FrameworkItem* item = nullptr;
  bool leaf = true;
  // By ID. Directly: naming the item, an ancestor or a part of it.
  std::vector<int> documents;     ///< in force (approved), processes among them
  std::vector<int> not_in_force;  ///< drafts and retired: shown, never counted
  std::vector<int> records;       ///< evidence (internal audits once performed, ...)
  /// Through a mapping only (not also named directly): the node and the
  /// other frameworks' items it names, as "8.7.2" or "acme:X.1".
  struct Mapped {
    int node = -1;
    std::vector<FrameworkRef> through;
  };
  std::vector<Mapped> mapped_documents, mapped_records;
  int excluded_by = -1;  ///< the SoA entry excluding the control, or -1
  ClauseCoverage::State state = ClauseCoverage::State::kNotCovered;
};

/// The coverage of one framework of config.frameworks, in catalogue order.
struct FrameworkCoverage {
  const Framework* framework = nullptr;
  std::vector<ItemCoverage> items;
  /// The coverage of item `id`, or nullptr.
  const ItemCoverage* Find(std::string_view id) const;
};

/// One item of the Stage 1 readiness checklist and how the SMS stands.
struct ReadinessItem {
  std::string key;     ///< "service-catalogue": the name smsdoc.yaml uses
  std::string title;   ///< "Service catalogue"
  std::string clause;  ///< the clause the item belongs to
  enum class State { kMet, kAtRisk, kMissing, kNotApplicable };
  State state = State::kMissing;
  std::string reason;         ///< why at risk or missing; the justification if n/a
  std::vector<int> evidence;  ///< nodes that satisfy it
};

/// The Stage 1 checklist of a framework beside ISO/IEC 20000-1.
struct FrameworkReadiness {
  std::string framework;  ///< its ID, "iso27001"
  std::string title;      ///< "ISO/IEC 27001:2022"
  std::vector<ReadinessItem> items;
};

/// A document a certification body reviews at Stage 1, and the readiness
/// items it is evidence for (indexes into the checklist).
struct Stage1Document {
  int node = -1;
  std::vector<size_t> items;
};

/// Something the SMS manager should act on, as of a date: the "What needs
/// attention" page, `smsdoc status` and the warnings share this list.
struct AttentionItem {
  enum class Kind {
    kReviewOverdue,         ///< a document's next review is past
    kReviewDue,             ///< due within kDueSoonDays
    kChangedAfterApproval,  ///< body changed since the last approval
    kVersion,               ///< version went backwards or repeats
    kApproval,              ///< an Approved-by naming no one or not the approver
    kOverdue,               ///< a record's due date is past and it is not done
    kExpired,               ///< a record's expiry date is past
    kExpiring,              ///< expires within kExpiringDays
    kMeasurementMissing,    ///< a typed KPI has periods without a measurement
    kRuleBreach,            ///< a record breaks a process rule (Config::rules)
  };
  Kind kind;
  int node;          ///< the document or record
  std::string date;  ///< the date concerned, or ""
  std::string what;  ///< "review overdue since 2026-05-04"
  Pos pos;           ///< where to fix it
  std::string code;  ///< the diagnostic code of a warning item

  bool IsWarning() const { return kind != Kind::kReviewDue && kind != Kind::kExpiring; }
};

inline constexpr int kDueSoonDays = 30;
inline constexpr int kExpiringDays = 60;
inline constexpr int kAuditCycleMonths = 12;

/// A process rule (Config::rules) judged on its kind's records.
struct RuleResult {
  size_t rule = 0;              ///< index into Config::rules
  std::vector<int> population;  ///< the record nodes it selects
  struct Breach {
    int node;
    std::string what;  ///< "due 2026-12-15 is 272 days after raised 2026-03-18 (90 at most)"
    std::string date;  ///< the date concerned, or ""
    Pos pos;           ///< the field to fix, else the record
  };
  std::vector<Breach> breaches;  ///< in population order
};

/// A Stage 2 population: the records of one kind (and filter) an auditor
/// samples, and the sample drawn from it (docs/sampling.md).
struct Population {
  std::string key;           ///< "changes", "incidents-P1", ...: names the draw
  std::string group;         ///< the definition it comes from: "changes", "incidents", ...
  std::string kind;          ///< the record kind
  std::string field;         ///< the filter's field, or ""
  std::string value;         ///< ...and its value (a priority, "emergency")
  std::vector<int> members;  ///< record nodes, by ID
  std::vector<int> sample;   ///< the drawn members, by ID
};

/// The state of a record's date field as of a date.
enum class DateState { kNone, kOverdue, kExpired, kExpiring };

/// Everything that depends on the as-of date and the rules, computed once
/// after link (analyse/analysis.h) and read by every surface: pages,
/// workbooks, `status`, `graph`, `pack`, `diff`. Node indexes are the
/// graph's.
/// A warning an item accepted (`accept: {CODE: reason}`): not reported,
/// listed with its reason for the team's review (attention.html).
struct AcceptedWarning {
  std::string id, code, message, reason;
  std::string path;
  Pos pos;  ///< of the warning
};

/// One pair of a mapping and how both sides stand: a row of the
/// cross-framework matrix (its page and workbook).
struct MatrixRow {
  size_t mapping = 0;  ///< index into config.mappings
  const FrameworkItem* from = nullptr;
  const FrameworkItem* to = nullptr;
  ClauseCoverage::State from_state = ClauseCoverage::State::kNotCovered;
  ClauseCoverage::State to_state = ClauseCoverage::State::kNotCovered;
  /// Documents in force naming either side (or an ancestor or part of
  /// it) directly, by ID.
  std::vector<int> documents;
};

struct Analysis {
  std::string as_of;
  std::vector<DocumentState> documents;  ///< parallel to Corpus::documents
  /// Per record, per field (parallel to Record::fields).
  std::vector<std::vector<DateState>> record_dates;
  std::vector<ClauseCoverage> coverage;  ///< catalogue order
  /// The frameworks beside ISO/IEC 20000-1, in config.frameworks' order.
  std::vector<FrameworkCoverage> frameworks;
  /// Per graph node, what it addresses through mappings, sorted; empty
  /// (no lists) without mappings.
  std::vector<std::vector<MappedRef>> mapped;
  std::vector<MatrixRow> matrix;         ///< FrameworkMatrix: every pair of every mapping
  std::vector<ReadinessItem> readiness;  ///< ISO/IEC 20000-1's, checklist order
  /// The other frameworks' checklists (smsdoc.yaml's `frameworks:` order).
  std::vector<FrameworkReadiness> framework_readiness;
  std::vector<Stage1Document> stage1;     ///< by ID
  std::vector<AttentionItem> attention;   ///< by node, then kind
  std::vector<AcceptedWarning> accepted;  ///< by ID, then code (set by the check stage)
  std::vector<KpiSeries> kpis;            ///< typed KPIs, by document, then KPI order
  std::vector<RuleResult> rules;          ///< Config::rules' order; valid rules only
  uint64_t sample_seed = 0;               ///< the seed the samples were drawn with
  std::vector<Population> samples;        ///< Stage 2 populations with records

  /// The coverage of clause `id`, or nullptr.
  const ClauseCoverage* CoverageOf(const std::string& id) const;
  /// The coverage of framework `id` (not ISO/IEC 20000-1), or nullptr.
  const FrameworkCoverage* FrameworkOf(std::string_view id) const;
};

}  // namespace smsdoc
