#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "base/diagnostics.h"
#include "model/corpus.h"

namespace smsdoc {

/// A page-bearing item of the SMS: a document, a process or a record.
struct Node {
  enum class Type { kDocument, kProcess, kRecord };
  Type type;
  size_t index;  ///< into Corpus::documents or Corpus::records
  std::string id;
  std::string title;
  std::string url;  ///< of its page, relative to the site root
};

/// Where a reference leads once resolved.
struct Link {
  int target = -1;     ///< node index, or -1 for a copied file
  std::string url;     ///< relative to the site root
  std::string anchor;  ///< fragment, without '#'
  /// A copied file: a body link to it keeps its query and fragment as
  /// written (BodyLink::suffix) instead of `anchor`.
  bool file = false;
};

struct Backlink {
  int source;
  std::string relation;
};

/// The linked model: every item by ID, every reference resolved, every
/// backlink known. Immutable once built; render reads it. It points into
/// the Corpus it was linked from, which must stay where it is.
struct Graph {
  const Corpus* corpus = nullptr;
  std::vector<Node> nodes;  ///< documents first (corpus order), then records
  std::unordered_map<std::string, int> by_id;
  std::vector<std::vector<Link>> links;          ///< per node, parallel to its refs
  std::vector<std::vector<Backlink>> backlinks;  ///< per node, by source ID
  /// Per service report commentary (Corpus::commentaries), parallel to its refs.
  std::vector<std::vector<Link>> commentary_links;

  int DocumentNode(size_t doc_index) const { return static_cast<int>(doc_index); }
  int RecordNode(size_t record_index) const {
    return static_cast<int>(corpus->documents.size() + record_index);
  }
  const std::vector<Reference>& RefsOf(int node) const;
  std::string PathOf(int node) const;
  /// The record node the first reference of `field` leads to, or -1.
  int RefTarget(int node, const std::string& field) const;
  /// A lookup field's value (FieldType::kLookup): the field of the record
  /// its ref names, with that record's node in `target`; null when none.
  const FieldValue* LookUp(int node, const FieldSpec& spec, int& target) const;
};

/// The relation an edge carries, from the field a reference was written
/// in: a finding is "raised-in" its audit, an action "addresses" its
/// source, a risk is "treated-by" its actions, a body link "mentions";
/// otherwise the field's name ("related", "interfaces", "person").
std::string RelationName(const Graph& graph, int source, const std::string& field);

/// The link stage: indexes IDs and paths, resolves every reference and
/// anchor (unknown ones are errors with a suggestion), collects backlinks.
Graph LinkCorpus(const Corpus& corpus, Diagnostics& diags);

}  // namespace smsdoc
