#include "check/service_report_checks.h"

#include <algorithm>
#include <map>

#include "analyse/service_report.h"
#include "base/text.h"

namespace smsdoc {

void CheckServiceReports(const Corpus& corpus, Diagnostics& diags) {
  if (corpus.commentaries.empty()) return;
  std::vector<std::string> slugs;
  for (const std::string& name : ServiceNames(corpus)) slugs.push_back(Slugify(name));
  bool catalogue = HasServiceCatalogue(corpus);
  std::map<std::pair<std::string, std::string>, const Commentary*> seen;
  for (const Commentary& c : corpus.commentaries) {
    if (!ReportPeriodFrequency(c.period))
      diags.Error(c.path, {},
                  "'" + c.period +
                      "' is not a report period: name the folder YYYY-MM, YYYY-Qn or "
                      "YYYY, e.g. 2026-10",
                  "report-period");
    if (std::find(slugs.begin(), slugs.end(), c.service_slug) == slugs.end())
      diags.Error(c.path, {},
                  (catalogue ? "no service record is titled '" : "no KPI names a service '") +
                      c.service_slug + "'" + DidYouMean(c.service_slug, slugs) +
                      (catalogue ? ": name the file after a service record's title"
                                 : ": name the file after a service of a KPI's `services:`") +
                      " in lower case, words joined by '-'",
                  "report-service");
    auto [it, first] = seen.emplace(std::make_pair(c.period, c.service_slug), &c);
    if (!first)
      diags.Error(c.path, {},
                  "a second commentary for " + c.service_slug + " in " + c.period + ", also in " +
                      it->second->path,
                  "report-duplicate");
  }
}

}  // namespace smsdoc
