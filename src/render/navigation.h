#pragma once
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "link/graph.h"
#include "model/labels.h"

namespace smsdoc {

/// Documents and processes of one type in one folder ("Procedures",
/// "Policies (policies/it)"), by ID: a group of the side list, and the
/// range of previous/next.
struct NavGroup {
  std::string title;
  std::vector<int> nodes;
};

/// One step of a page's breadcrumbs; `url` relative to the site root,
/// empty for the page itself.
struct Crumb {
  std::string title;
  std::string url;
};

/// The site's navigation, worked out once per build (pages are rendered on
/// several threads; this is read-only afterwards): groups for the side list
/// and previous/next, and the trail of every page.
class Navigation {
 public:
  Navigation(const Graph& graph, const Labels& labels);
  const std::vector<NavGroup>& Groups() const { return groups_; }
  /// Home › section › ... › this page (`title`).
  std::vector<Crumb> Trail(const std::string& page_url, const std::string& title) const;
  /// The node whose page is `page_url`, or -1.
  int NodeAt(const std::string& page_url) const;
  /// The previous and next document in `node`'s group (-1 for none).
  std::pair<int, int> Neighbours(int node) const;

 private:
  const Graph& graph_;
  const Labels& labels_;
  std::vector<NavGroup> groups_;
  std::vector<std::pair<int, int>> place_;  ///< per node: group, position (-1 for records)
  std::map<std::string, int> node_at_;
};

/// The plural heading of a document type: "policy" -> "Policies". Types
/// are the SMS's own words (front matter): only processes and documents
/// without a type are headed from `labels`.
std::string TypeHeading(const std::string& type, const Labels& labels);

}  // namespace smsdoc
