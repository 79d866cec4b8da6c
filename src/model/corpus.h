#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/body.h"
#include "model/config.h"
#include "model/framework.h"
#include "model/kinds.h"
#include "model/measurement.h"

namespace smsdoc {

/// A reference from one item to another, as written: an ID or a path.
struct Reference {
  std::string relation;  ///< "related", "interfaces", "body", a field name...
  std::string target;    ///< ID, or a root-relative path when by_path
  bool by_path = false;
  std::string anchor;         ///< heading anchor, without '#'
  std::string required_kind;  ///< "" or a record kind / "process"
  int link_index = -1;        ///< index into the body's links (body links only)
  Pos pos;
};

/// One RACI row of a process.
struct Activity {
  std::string step;
  std::string responsible;
  std::string accountable;
  std::vector<std::string> consulted;
  std::vector<std::string> informed;
};

/// One change of a document in git, with what its front matter said then.
/// Loaded facts only; what they mean (approvals, changes after approval)
/// is the analysis' (model/analysis.h).
struct Revision {
  std::string commit;  ///< full hash; "" for uncommitted changes in the work tree
  std::string path;    ///< the file's path then (it may have been renamed since)
  std::string date, author;
  std::string summary;                   ///< the `Change:` trailer, else the commit subject
  std::vector<std::string> approved_by;  ///< the `Approved-by:` trailer values
  std::string version, approved_on;      ///< front matter at this revision
  bool boundary = false;                 ///< the edge of a shallow clone: a state, not a change
  size_t body_hash = 0;                  ///< to compare bodies across revisions
};

/// A document's history in git.
struct DocumentControl {
  std::string no_history;         ///< why there is no history ("not in git"), or ""
  std::vector<Revision> history;  ///< newest first
};

/// `accept: {CODE: reason}` on an item: that warning, on that item, is
/// reviewed and left as it is; not printed, listed with the reason.
struct Acceptance {
  std::string warning, reason;  ///< the warning's code
  Pos pos;
};

/// A front matter key kept as written (`unknown_fields: keep`).
struct KeptField {
  std::string key;
  std::string text;  ///< the value as plain text; lists and maps in YAML flow style
  Pos pos;
};

/// A record field's validated value, in the kind's field order.
struct FieldValue {
  const FieldSpec* spec = nullptr;
  std::string text;                ///< scalar types
  std::vector<std::string> items;  ///< list types
  Pos pos;
};

/// A policy-type document or a process definition (Markdown with front matter).
struct Document {
  std::string path;  ///< relative to the SMS root
  bool is_process = false;
  std::string id, title, type, owner, approver, version, status, effective;
  std::string approved_on, reviewed_on;                ///< front matter dates, "" when absent
  std::string author, classification, change_summary;  ///< optional, for the master list
  int review_months = 0;
  std::vector<std::string> clauses;                   ///< ISO/IEC 20000-1 clause numbers
  std::vector<FrameworkRef> controls;                 ///< items of the other frameworks
  Pos id_pos, version_pos, review_pos, approver_pos;  ///< of the keys, for warnings
  Pos effective_pos, approved_on_pos;
  std::vector<Acceptance> accepts;
  /// The values of smsdoc.yaml's `document_fields:` it has, in their order
  /// (specs in Config::document_fields), and the unknown keys it kept.
  std::vector<FieldValue> fields;
  std::vector<KeptField> kept;
  DocumentControl control;

  // Process definitions only.
  std::string purpose;
  std::vector<std::string> inputs, outputs, record_kinds;
  std::vector<Activity> activities;
  std::vector<Kpi> kpis;

  Body body;
  std::vector<Reference> refs;  ///< front matter first, then body links
};

/// A file a record lists under `evidence_files:`: a file of a content
/// folder that smsdoc copies to the site as it is (docs/content-model.md).
struct EvidenceFile {
  std::string written;  ///< as the record wrote it
  std::string path;     ///< relative to the SMS root
  Pos pos;              ///< of the list item
  uintmax_t size = 0;   ///< bytes; size and hash filled once the file is found
  std::string sha256;   ///< 64 lower-case hex digits, "" when not found
};

/// One structured entry of a records/*.yaml file.
struct Record {
  std::string path;
  const KindSpec* kind = nullptr;
  std::string id, title, status, owner;
  std::vector<std::string> clauses;    ///< ISO/IEC 20000-1 clause numbers
  std::vector<FrameworkRef> controls;  ///< items of the other frameworks
  Pos pos;                             ///< of the record's mapping
  Pos id_pos;                          ///< of its ID, which names its page
  std::vector<FieldValue> fields;
  std::vector<Reference> refs;
  std::vector<Acceptance> accepts;
  std::vector<EvidenceFile> evidence_files;  ///< in the order written
  /// Read from an ITSM export (smsdoc.yaml's `imports:`): a row of its
  /// register, no page of its own, never an orphan.
  bool imported = false;

  const FieldValue* Field(const std::string& name) const;
};

/// A service report's commentary (clause 9.4): the Markdown file
/// FOLDER/PERIOD/SERVICE.md of a `service_reports` folder, whose period and
/// service (the slug of the service's name) come from its path.
struct Commentary {
  std::string path;
  std::string period, service_slug;  ///< as written in the path, checked later
  Body body;
  std::vector<Reference> refs;  ///< the body's links
};

/// Everything loaded from an SMS: plain data for the link stage.
struct Corpus {
  Config config;
  KindCatalogue kinds;              ///< built in, extended by smsdoc.yaml; records point into it
  std::vector<Document> documents;  ///< policies then processes, by path
  std::vector<Record> records;      ///< by path, then file order
  std::vector<Measurement> measurements;  ///< by path, then file order
  std::vector<Commentary> commentaries;   ///< by path
  std::vector<std::string> assets;        ///< other files in document folders
  /// Files that could not be loaded at all (no front matter, bad YAML,
  /// a record without ID or kind) and folders that could not be read:
  /// references to them, or into them, cannot be judged.
  std::vector<std::string> unloaded;
  /// Where the SMS was read from, e.g. "main@1a2b3c4d5e6f"; "" outside git.
  std::string revision;
  /// Draft documents left out of a published site (IDs and paths):
  /// references to them are not errors and render as plain text.
  std::vector<std::string> withheld;
};

/// The corpus without its draft documents, for `build --published-only`.
Corpus WithoutDrafts(const Corpus& corpus);

}  // namespace smsdoc
