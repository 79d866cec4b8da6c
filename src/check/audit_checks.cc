#include "check/audit_checks.h"

#include "base/text.h"

namespace smsdoc {

void CheckAudit(const Graph& graph, Diagnostics& diags) {
  const Config& config = graph.corpus->config;
  if (config.audit_id.empty()) return;
  std::vector<std::string> audits;
  for (const Record& r : graph.corpus->records) {
    if (r.kind->name != "audit") continue;
    if (r.id == config.audit_id) return;
    audits.push_back(r.id);
  }
  diags.Error(kConfigFile, config.audit_id_pos,
              "'audit: id' names '" + config.audit_id + "', which is no audit record" +
                  DidYouMean(config.audit_id, audits),
              "config-audit");
}

}  // namespace smsdoc
