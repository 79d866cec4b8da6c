#include "render/sampling_text.h"

#include <map>

namespace smsdoc {

std::string PopulationTitle(const Population& p, const Labels& labels) {
  static const std::map<std::string, std::string> kLabels = {
      {"changes", "sample_changes"},
      {"emergency-changes", "sample_emergency_changes"},
      {"failed-changes", "sample_failed_changes"},
      {"incidents", "sample_incidents"},
      {"major-incidents", "sample_major_incidents"},
      {"problems", "sample_problems"},
      {"trainings", "sample_trainings"},
      {"actions", "sample_actions"},
      {"supplier-reviews", "sample_supplier_reviews"}};
  return labels.Format(kLabels.at(p.group), {{"value", p.value}});
}

}  // namespace smsdoc
