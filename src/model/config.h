#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "base/diagnostics.h"
#include "model/field_filter.h"
#include "model/framework.h"
#include "model/imports.h"
#include "model/kinds.h"

namespace smsdoc {

/// The default of `limits: {file_size_mb: N}`: a text input larger than
/// this is refused before it is read, so one pasted dump cannot exhaust
/// memory.
inline constexpr long kDefaultFileSizeMb = 64;

/// A role that may own, approve or act (a key of `roles:`).
struct Role {
  std::string key;
  std::string title;
};

/// A band of risk scores (Low, Medium, High...) with its colour.
struct ScoreBand {
  std::string name;
  long min = 0;        ///< scores from here up to the next band's min
  std::string colour;  ///< "#RRGGBB"
};

/// How risks are scored (risk_scoring: in smsdoc.yaml).
struct RiskScoring {
  enum class Formula { kMultiply, kAdd };
  Formula formula = Formula::kMultiply;
  std::vector<std::pair<long, std::string>> likelihood = {
      {1, "Rare"}, {2, "Unlikely"}, {3, "Possible"}, {4, "Likely"}, {5, "Almost certain"}};
  std::vector<std::pair<long, std::string>> impact = {
      {1, "Negligible"}, {2, "Minor"}, {3, "Moderate"}, {4, "Major"}, {5, "Severe"}};
  std::vector<ScoreBand> bands = {
      {"Low", 1, "#C6EFCE"}, {"Medium", 8, "#FFEB9C"}, {"High", 15, "#FFC7CE"}};
  long acceptance = 7;  ///< scores above this exceed the acceptance criteria

  long Combine(long a, long b) const { return formula == Formula::kAdd ? a + b : a * b; }
  /// The band a score falls in, or nullptr below the first.
  const ScoreBand* BandOf(long score) const;
  /// The scale named "likelihood" or "impact", or nullptr.
  const std::vector<std::pair<long, std::string>>* Scale(const std::string& name) const;
};

/// What a document that leaves a field out gets (`defaults:`).
struct DocumentDefaults {
  std::string owner, approver, type;
  int review_months = 0;  ///< 0: none
};

/// What a document's or process's front matter key that smsdoc does not
/// know and `document_fields:` does not declare becomes (`unknown_fields:`).
enum class UnknownFields {
  kError,  ///< `field-unknown`, as for records
  kWarn,   ///< a `field-undeclared` warning; the value is dropped
  kKeep,   ///< kept silently and shown on the document's page
};

/// rules: a rule of a process, checked on the records of one kind as of
/// the as-of date (docs/rules.md): the records `where` selects must have
/// the `require` fields, and `to` at most `within_days` after `from`.
struct ProcessRule {
  std::string id, title;
  std::string process;  ///< the process or document it belongs to, or ""
  std::string kind;
  FieldFilter where;  ///< which records of the kind it checks
  std::vector<std::string> require;
  int within_days = -1;  ///< -1: no time limit
  std::string from, to;  ///< date fields of the time limit
  Pos pos;               ///< of the rule's key
  Pos process_pos, kind_pos;
  std::vector<std::pair<std::string, Pos>> fields;  ///< every field it names, where
};

/// smsdoc.yaml.
struct Config {
  std::string organization;
  std::string title;
  std::string scope;
  /// The content folders of each type (`folders:` takes one or a list); the
  /// first of each is where `smsdoc new` writes.
  std::vector<std::string> policies_dirs = {"policies"};
  std::vector<std::string> processes_dirs = {"processes"};
  std::vector<std::string> records_dirs = {"records"};
  /// Service report commentary: PERIOD/SERVICE.md files (docs/measurement.md).
  std::vector<std::string> service_reports_dirs = {"service-reports"};
  /// Every content folder: policies, processes, records, then service reports.
  std::vector<std::string> ContentFolders() const;
  /// The folders smsdoc.yaml names explicitly, with where it names them.
  std::vector<std::pair<std::string, Pos>> configured_folders;
  std::string output = "site";
  std::string theme;  ///< user theme folder, relative to the root; "" = default
  /// The language of pages and workbooks: the theme's labels/<language>.yaml.
  std::string language = "en";
  Pos language_pos;
  /// Where the site is published, ending in '/'; "" = unknown. With it the
  /// build writes 404.html and sitemap.xml, which need absolute addresses.
  std::string base_url;
  bool allow_raw_html = false;
  /// limits: file_size_mb; a text input above it is refused unread.
  long file_size_mb = kDefaultFileSizeMb;
  std::vector<Role> roles;  ///< in file order
  RiskScoring risk_scoring;
  /// readiness: the Stage 1 checklist can be off (check: false), and items
  /// may be not applicable, each with its justification.
  struct NotApplicable {
    std::string key, justification;
    Pos pos;
  };
  bool readiness_check = true;
  std::vector<NotApplicable> not_applicable;
  /// diagnostics: a warning code made "ignore" or "error".
  struct DiagnosticLevel {
    std::string code, level;
    Pos pos;
  };
  std::vector<DiagnosticLevel> diagnostic_levels;
  std::vector<ProcessRule> rules;  ///< in file order
  /// sampling: the seed of the Stage 2 samples and the people to be
  /// interviewed, whose trainings are sampled (all people's when none).
  uint64_t sample_seed = 1;
  std::vector<std::string> sample_people;
  Pos sample_people_pos;
  /// audit: the audit this build is evidence for: its purpose (one of
  /// AuditPurposes(), empty when not said) and the audit record.
  std::string audit_purpose, audit_id;
  Pos audit_id_pos;
  /// frameworks: catalogues beside ISO/IEC 20000-1 (built-in names or
  /// files), primary: the framework bare `clauses:` numbers belong to, and
  /// mappings: between frameworks (docs/frameworks.md). The loader fills
  /// `frameworks` (ISO/IEC 20000-1 first) and `mappings` from them.
  std::vector<FrameworkSource> framework_sources, mapping_sources;
  std::string primary;  ///< "" = kDefaultPrimary
  Pos primary_pos;
  std::vector<Framework> frameworks;
  std::vector<Mapping> mappings;
  /// The ID of the framework bare clause numbers belong to.
  std::string Primary() const { return primary.empty() ? kDefaultPrimary : primary; }
  /// defaults: for every document, and per folder (`folders:` under it,
  /// the longest matching folder first).
  DocumentDefaults defaults;
  std::vector<std::pair<std::string, DocumentDefaults>> folder_defaults;
  /// document_fields: extra front matter fields of documents and processes,
  /// declared as a record kind's fields are; documents' values point here.
  std::vector<FieldSpec> document_fields;
  UnknownFields unknown_fields = UnknownFields::kError;
  /// imports: the ITSM tool's exports read as records (docs/itsm-exports.md).
  std::vector<ImportSpec> imports;
  /// The defaults for the document at `path`, folder entries over the
  /// global ones field by field.
  DocumentDefaults DefaultsFor(const std::string& path) const;

  const Role* FindRole(const std::string& key) const;
  std::vector<std::string> RoleKeys() const;
};

inline constexpr const char* kConfigFile = "smsdoc.yaml";

}  // namespace smsdoc
