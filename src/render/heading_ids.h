#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "link/graph.h"

namespace smsdoc {

/// The ids body headings get on their pages. A heading keeps its anchor
/// (model/body.h) unless the theme's document page already uses that id
/// (`id="revision-history"`): then it takes the next free suffix, as a
/// duplicate heading does ("revision-history-1"). Links name headings by
/// their anchors (so diagnostics and `[[ID#anchor]]` stay as written) and
/// are pointed at the page id here.
class HeadingIds {
 public:
  HeadingIds(const Graph& graph, const std::set<std::string>& theme_ids);

  /// The id on `node`'s page of its heading `anchor` (`anchor` itself when
  /// unchanged, or when `node` is not a document).
  const std::string& Of(int node, const std::string& anchor) const;

  /// `node`'s body HTML with the changed heading ids.
  std::string Apply(int node, const std::string& html) const;

 private:
  const Graph& graph_;
  std::vector<std::map<std::string, std::string>> changed_;  ///< per document: anchor -> id
};

}  // namespace smsdoc
