#pragma once
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "link/graph.h"
#include "model/analysis.h"

namespace smsdoc {

/// The numbers of framework `framework`'s items node `node` names: for
/// ISO/IEC 20000-1 its clauses (ClausesOf), for any other framework its
/// `controls` and the clause fields holding "framework:number".
std::vector<std::string> ItemsNamed(const Graph& graph, int node, std::string_view framework);

/// True when naming item `ref` of `fw` addresses `item` or part of it: the
/// same item, an ancestor (naming an item names all of it) or a part of it
/// (by `parent:`), as NamesPartOf for ISO/IEC 20000-1's clauses.
bool NamesPartOfItem(const Framework& fw, std::string_view ref, std::string_view item);

/// Per graph node, what it addresses through config.mappings: each pair
/// whose one side the node names (NamesPartOfItem) gives the other side.
/// Sorted, each once; no lists at all without mappings.
std::vector<std::vector<MappedRef>> MappedRefs(const Graph& graph);

/// The coverage of every framework of config.frameworks but ISO/IEC
/// 20000-1 (which has ComputeCoverage), as of `as_of`: a leaf is documented
/// by documents in force naming it, an ancestor or a part of it, directly
/// or through a mapping (`mapped`, from MappedRefs), and evidenced by
/// records doing so (IsEvidence; audits only the organisation's own); a
/// parent is judged from its leaves.
std::vector<FrameworkCoverage> ComputeFrameworkCoverage(
    const Graph& graph, const std::vector<std::vector<MappedRef>>& mapped,
    const std::string& as_of);

/// How many items (parents included) are in each state, in the order of
/// ClauseCoverage::State, by StateName: what the pages and `status` show.
std::vector<std::pair<std::string, int>> CountByState(const FrameworkCoverage& coverage);

/// Every pair of every mapping, in config.mappings' order, each mapping's
/// in catalogue order of its `from` items, then its `to` items.
std::vector<MatrixRow> FrameworkMatrix(const Graph& graph, const Analysis& analysis);

}  // namespace smsdoc
