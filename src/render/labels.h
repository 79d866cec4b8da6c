#pragma once
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "adapters/templates.h"
#include "base/diagnostics.h"
#include "model/analysis.h"
#include "model/labels.h"

namespace smsdoc {

/// A theme's label tables: language -> its files (shown path, YAML source),
/// the default theme's first, then the user theme's over it key by key.
using LabelSources = std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

/// The labels of `language` (smsdoc.yaml's `language:` at `pos`). English
/// is the reference: every language must have all its keys (an error
/// naming the missing ones), a key English lacks is a warning. A language
/// without a table is an error against smsdoc.yaml naming those there are;
/// the build then goes on in English.
Labels ChooseLabels(const LabelSources& sources, const std::string& language, Pos pos,
                    Diagnostics& diags);

/// The default theme's English labels: for tests, and the default of
/// callers without a theme.
const Labels& EnglishLabels();

/// The label key of a clause's coverage state ("state_covered"): pages and
/// the workbooks' formulas and colour rules say it in one word.
const char* CoverageStateLabel(ClauseCoverage::State state);

/// The keys of the labels a template source names (`l.documents`).
std::set<std::string> LabelKeysNamed(const std::string& source);

/// The labels of `keys` as the template value `l` (`{{{l.documents}}}`).
TemplateValue LabelsValue(const Labels& labels, const std::set<std::string>& keys);

}  // namespace smsdoc
