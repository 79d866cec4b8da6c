#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/diagnostics.h"

namespace smsdoc {

/// A clause or control of a framework's catalogue: number and short title
/// only, never the standard's text.
struct FrameworkItem {
  std::string id;      ///< its number: "8.5.1", "A.5.15"
  std::string title;   ///< "Change management", "Access control"
  std::string parent;  ///< the number of the item it belongs to, "" at the top
  enum class Kind { kRequirement, kControl };
  Kind kind = Kind::kRequirement;
  /// Further facts, in file order: the 27001:2022 control theme.
  std::vector<std::pair<std::string, std::string>> attributes;
};

/// ISO/IEC 20000-1's clauses are the items of the built-in primary framework.
using Clause = FrameworkItem;

/// An item of a framework's Stage 1 checklist: documented information a
/// certification body asks for. It is met by documents in force naming
/// `clause` (of `document_type` if given), by records of `record_kind`, by
/// a process document for each of `processes`, or by a named `judge`.
struct ReadinessRule {
  std::string key;    ///< "scope": the name smsdoc.yaml's not_applicable uses
  std::string title;  ///< "Scope of the SMS"
  std::string clause;
  std::string document_type;
  std::string record_kind;
  std::string judge;  ///< "slas", "suppliers", "soa", "measurements", or ""
  std::vector<std::string> processes;
};

/// The record kind of Statement of Applicability entries (kinds.yaml).
inline constexpr const char* kSoaKind = "applicability";

/// A catalogue of clauses and controls (docs/frameworks.md).
struct Framework {
  std::string id;                    ///< "iso27001": the prefix references use
  std::string name;                  ///< "ISO/IEC 27001"
  std::string edition;               ///< "2022"
  std::string path;                  ///< the catalogue file, "" when built in
  std::vector<FrameworkItem> items;  ///< in catalogue order, parents first
  std::vector<ReadinessRule> readiness;

  /// "ISO/IEC 27001:2022".
  std::string Title() const { return edition.empty() ? name : name + ":" + edition; }
  /// The item numbered `id`, or nullptr.
  const FrameworkItem* Find(std::string_view id) const;
  /// Every item number, for suggestions.
  std::vector<std::string> Ids() const;
  /// True when the catalogue has controls (an SoA lists them).
  bool HasControls() const;
  /// The controls a Statement of Applicability lists: control items no
  /// other item belongs to (A.5.15, not its theme A.5), in catalogue order.
  std::vector<const FrameworkItem*> SoaControls() const;
  /// True when no item of the catalogue belongs to `item` (by `parent:`).
  bool IsLeaf(const FrameworkItem& item) const;
};

/// The ID of the built-in framework `clauses:` means unless smsdoc.yaml
/// names another `primary:`.
inline constexpr const char* kDefaultPrimary = "iso20000-1";

/// An item of a framework other than ISO/IEC 20000-1 named by a document or
/// record: `iso27001:A.5.15` under `clauses:`, or under `controls:`.
struct FrameworkRef {
  std::string framework;  ///< the framework's ID
  std::string item;       ///< the item's number
  /// "iso27001:A.5.15": how references and workbook cells write it.
  std::string Text() const { return framework + ":" + item; }
  bool operator==(const FrameworkRef&) const = default;
  auto operator<=>(const FrameworkRef&) const = default;
};

/// Moves the references to frameworks other than ISO/IEC 20000-1
/// ("iso27001:A.5.15", as the loader writes them) from `clauses` to
/// `controls`, each once, in the order written.
void SplitFrameworkRefs(std::vector<std::string>& clauses, std::vector<FrameworkRef>& controls);

/// Pairs of items of two frameworks that address the same thing, from a
/// mapping file: one document naming either addresses both.
struct Mapping {
  std::string from, to;                                    ///< framework IDs
  std::string path;                                        ///< the mapping file, "" when built in
  std::vector<std::pair<std::string, std::string>> pairs;  ///< (from item, to item)
};

/// Where smsdoc.yaml names a framework or mapping: a built-in name or a file.
struct FrameworkSource {
  std::string value;
  Pos pos;
};

}  // namespace smsdoc
