#pragma once
// Shared by the unit tests: a small valid SMS in memory.
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "base/disk.h"
#include "base/temp_folder.h"
#include "pipeline/pipeline.h"

namespace smsdoc::testing {

inline const char* kConfig =
    "organization: Test Org\n"
    "scope: Everything.\n"
    "roles:\n"
    "  sms-manager: {title: SMS Manager}\n"
    "  change-manager: {title: Change Manager}\n";

/// Front matter for a valid document; `extra` is appended inside it.
inline std::string Doc(const std::string& id, const std::string& extra = "",
                       const std::string& body = "Body.\n", const std::string& type = "policy") {
  return "---\nid: " + id + "\ntitle: Title of " + id + "\ntype: " + type +
         "\nowner: sms-manager\napprover: sms-manager\nversion: \"1.0\"\n"
         "status: approved\neffective: 2026-01-15\nreview_months: 12\n" +
         extra + "---\n" + body;
}

/// A valid SMS with one policy (POL-1, headings "Scope" and "Roles") and
/// one process (PRC-CHG).
inline MemoryDisk BaseSms() {
  MemoryDisk disk;
  disk.Add("smsdoc.yaml", kConfig);
  disk.Add("policies/policy.md", Doc("POL-1", "", "# Policy\n\n## Scope\n\n## Roles\n"));
  disk.Add("processes/change.md",
           Doc("PRC-CHG", "purpose: Control change.\n", "Change body.\n", "process"));
  return disk;
}

/// An audit record of `type`, as a list entry of a records file.
inline std::string Audit(const std::string& id, const std::string& type, const std::string& status,
                         const std::string& performed, const std::string& clauses) {
  return "- id: " + id + "\n  kind: audit\n  title: Audit " + id + "\n  status: " + status +
         "\n  period: \"2026\"\n  type: " + type + "\n  planned: 2026-01-10\n" +
         (performed.empty() ? "" : "  performed: " + performed + "\n") + "  clauses: " + clauses +
         "\n";
}

/// The date the unit tests judge an SMS against, unless they say otherwise.
inline constexpr const char* kAsOf = "2026-11-21";

/// An SMS as the one pipeline (load, link, analyse, check) leaves it, with
/// its diagnostics sorted. On the heap: the graph points into the corpus.
struct Sms {
  Model model;
  Diagnostics diags;

  const Graph& graph() const { return model.graph; }
  const Analysis& analysis() const { return model.analysis; }
  /// The node of `id`; throws when there is none.
  int Node(const std::string& id) const { return model.graph.by_id.at(id); }
  /// The document `id` and its state in the analysis.
  Document& DocumentOf(const std::string& id) {
    return model.corpus.documents[model.graph.nodes[Node(id)].index];
  }
  const DocumentState& StateOf(const std::string& id) const {
    return model.analysis.documents[model.graph.nodes[Node(id)].index];
  }
  /// The state of record `id`'s date field `field` (kNone when absent).
  DateState DateOf(const std::string& id, const std::string& field) const {
    size_t r = model.graph.nodes[Node(id)].index;
    const std::vector<FieldValue>& fields = model.corpus.records[r].fields;
    for (size_t i = 0; i < fields.size(); ++i)
      if (fields[i].spec->name == field) return model.analysis.record_dates[r][i];
    return DateState::kNone;
  }
  /// The codes of the diagnostics, in order.
  std::vector<std::string> Codes() const {
    std::vector<std::string> codes;
    for (const Diagnostic& d : diags.items()) codes.push_back(d.code);
    return codes;
  }
};

/// Runs the SMS on `disk` through RunPipeline, outside git, as of `as_of`.
inline std::unique_ptr<Sms> RunSms(const Disk& disk, const std::string& as_of = kAsOf,
                                   int jobs = 2) {
  auto sms = std::make_unique<Sms>();
  RunPipeline({.disk = &disk, .why_not = kNotInGit}, {.as_of = as_of, .jobs = jobs}, sms->model,
              sms->diags);
  sms->diags.Sort();
  return sms;
}

/// A fresh folder under the system's temporary folder, removed with it.
struct TempDir {
  std::filesystem::path path;
  TempDir() : path(MakeTempFolder("smsdoc-test")) {
    if (path.empty()) throw std::runtime_error("cannot make a temporary folder");
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

inline std::string ReadBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteBytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace smsdoc::testing
