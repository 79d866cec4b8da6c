// `smsdoc status`: the SMS's state on one screen, as JSON for scripts, and
// a CI gate (--fail-on).
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>

#include "analyse/status.h"
#include "base/json.h"
#include "base/terminal.h"
#include "base/text.h"
#include "cli/diagnostic_formats.h"
#include "cli/prepare.h"

namespace smsdoc {

namespace {

std::string JsonIds(const std::vector<std::string>& ids) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + JsonQuote(ids[i]);
  return out + "]";
}

std::string JsonCounts(const std::map<std::string, int>& counts) {
  std::string out = "{";
  for (const auto& [key, n] : counts)
    out += (out.size() > 1 ? ", " : "") + JsonQuote(key) + ": " + std::to_string(n);
  return out + "}";
}

// "not covered" -> "not_covered": a JSON key scripts can use as a name.
std::string KeyOf(std::string state) {
  std::replace(state.begin(), state.end(), ' ', '_');
  return state;
}

std::string Json(const StatusSummary& s, const Session& session, const Diagnostics& diags,
                 const std::vector<std::string>& failed) {
  const Model& model = session.model;
  std::string out = "{\n";
  auto field = [&](const char* name, const std::string& value, bool last = false) {
    out += "  " + JsonQuote(name) + ": " + value + (last ? "\n" : ",\n");
  };
  field("as_of", JsonQuote(session.as_of()));
  field("revision", JsonQuote(model.corpus.revision));
  const Config& config = model.corpus.config;
  field("audit", config.audit_purpose.empty()
                     ? std::string("null")
                     : "{\"purpose\": " + JsonQuote(config.audit_purpose) +
                           ", \"id\": " + JsonQuote(config.audit_id) + "}");
  field("documents", JsonCounts(s.documents_by_status));
  field("reviews_overdue", JsonIds(s.reviews_overdue));
  field("reviews_due", JsonIds(s.reviews_due));
  field("changed_after_approval", JsonIds(s.changed_after_approval));
  field("version_problems", JsonIds(s.version_problems));
  field("approval_problems", JsonIds(s.approval_problems));
  field("expired", JsonIds(s.expired));
  field("expiring", JsonIds(s.expiring));
  field("overdue", JsonIds(s.overdue));
  field("open_findings", JsonCounts(s.open_findings));
  field("uncovered_clauses", JsonIds(s.uncovered_clauses));
  field("readiness_missing", JsonIds(s.readiness_missing));
  std::string readiness = "[";
  for (const StatusSummary::Readiness& r : s.readiness) {
    std::string items = "{";
    for (const auto& [key, state] : r.items)
      items += (items.size() > 1 ? ", " : "") + JsonQuote(key) + ": " + JsonQuote(state);
    readiness += std::string(readiness.size() > 1 ? ", " : "") +
                 "{\"framework\": " + JsonQuote(r.framework) +
                 ", \"title\": " + JsonQuote(r.title) + ", \"items\": " + items + "}}";
  }
  field("readiness", readiness + "]");
  field("kpis", JsonCounts(s.kpis));
  field("measurements_missing", JsonIds(s.measurements_missing));
  // {"iso27001": {"covered": 3, "partly_covered": 1, ...}}, states in order.
  std::string frameworks = "{";
  for (const auto& [id, counts] : s.framework_coverage) {
    frameworks += (frameworks.size() > 1 ? ", " : "") + JsonQuote(id) + ": {";
    for (size_t i = 0; i < counts.size(); ++i)
      frameworks += (i ? ", " : "") + JsonQuote(KeyOf(counts[i].first)) + ": " +
                    std::to_string(counts[i].second);
    frameworks += "}";
  }
  field("framework_coverage", frameworks + "}");
  std::string rules = "{";
  for (const auto& [rule, ids] : s.rule_breaches)
    rules += (rules.size() > 1 ? ", " : "") + JsonQuote(rule) + ": " + JsonIds(ids);
  field("rule_breaches", rules + "}");
  field("errors", std::to_string(diags.ErrorCount()));
  field("warnings", std::to_string(diags.WarningCount()));
  field("diagnostics", DiagnosticsJsonArray(diags));
  field("failed", JsonIds(failed), true);
  return out + "}\n";
}

// Lines of "label  count ids", red when something is wrong, green when
// clean, on a terminal only.
class Screen {
 public:
  Screen(std::ostream& out, bool colour) : out_(out), colour_(colour) {}
  void Line(const std::string& label, const std::string& text, bool bad) {
    std::string padded = label + std::string(label.size() < 24 ? 24 - label.size() : 1, ' ');
    out_ << padded << Paint(text, bad ? "31" : "32") << "\n";
  }
  void Plain(const std::string& label, const std::string& text) {
    out_ << label << std::string(label.size() < 24 ? 24 - label.size() : 1, ' ') << text << "\n";
  }
  std::string Paint(const std::string& text, const char* code) const {
    return colour_ ? "\033[" + std::string(code) + "m" + text + "\033[0m" : text;
  }

 private:
  std::ostream& out_;
  bool colour_;
};

std::string Listed(size_t n, const char* what, const std::vector<std::string>& ids) {
  std::string text = std::to_string(n) + (*what ? std::string(" ") + what : "");
  if (!ids.empty()) text += ": " + Join(ids, ", ");
  return text;
}

void Text(const StatusSummary& s, const Session& session, std::ostream& out, bool colour) {
  Screen screen(out, colour);
  const std::string& revision = session.model.corpus.revision;
  out << screen.Paint("SMS status as of " + session.as_of(), "1")
      << (revision.empty() ? "" : " (" + revision + ")") << "\n\n";
  const Config& config = session.model.corpus.config;
  if (!config.audit_purpose.empty())
    screen.Plain("Evidence for", config.audit_purpose +
                                     (config.audit_id.empty() ? "" : " audit " + config.audit_id));
  std::string docs;
  int total = 0;
  for (const auto& [status, n] : s.documents_by_status) {
    docs += (docs.empty() ? "" : ", ") + std::to_string(n) + " " + status;
    total += n;
  }
  screen.Plain("Documents", std::to_string(total) + (docs.empty() ? "" : " (" + docs + ")"));
  screen.Line("Reviews overdue", Listed(s.reviews_overdue.size(), "", s.reviews_overdue),
              !s.reviews_overdue.empty());
  screen.Plain("Reviews due",
               Listed(s.reviews_due.size(),
                      ("within " + std::to_string(kDueSoonDays) + " days").c_str(), s.reviews_due));
  screen.Line("Changed after approval",
              Listed(s.changed_after_approval.size(), "", s.changed_after_approval),
              !s.changed_after_approval.empty());
  if (!s.version_problems.empty())
    screen.Line("Version problems", Listed(s.version_problems.size(), "", s.version_problems),
                true);
  if (!s.approval_problems.empty())
    screen.Line("Approval problems", Listed(s.approval_problems.size(), "", s.approval_problems),
                true);
  screen.Line("Expired", Listed(s.expired.size(), "", s.expired), !s.expired.empty());
  screen.Plain("Expiring", Listed(s.expiring.size(), "within 60 days", s.expiring));
  screen.Line("Overdue", Listed(s.overdue.size(), "actions, treatments, plans", s.overdue),
              !s.overdue.empty());
  std::string findings;
  int open = 0;
  for (const auto& [cls, n] : s.open_findings) {
    findings += (findings.empty() ? "" : ", ") + std::to_string(n) + " " + cls;
    open += n;
  }
  auto major = s.open_findings.find("major");
  screen.Line("Open findings",
              std::to_string(open) + (findings.empty() ? "" : " (" + findings + ")"),
              major != s.open_findings.end() && major->second > 0);
  screen.Line("Uncovered clauses", Listed(s.uncovered_clauses.size(), "", s.uncovered_clauses),
              !s.uncovered_clauses.empty());
  screen.Line("Readiness missing", Listed(s.readiness_missing.size(), "", s.readiness_missing),
              !s.readiness_missing.empty());
  for (const auto& [id, counts] : s.framework_coverage) {
    std::vector<std::string> parts;
    bool gaps = false;
    for (const auto& [state, n] : counts) {
      parts.push_back(std::to_string(n) + " " + state);
      gaps = gaps || (state == "not covered" && n > 0);
    }
    screen.Line("Coverage " + id, Join(parts, ", "), gaps);
  }
  // Each framework's checklist when the SMS has more than one.
  for (const StatusSummary::Readiness& r : s.readiness) {
    if (s.readiness.size() < 2) break;
    std::map<std::string, std::vector<std::string>> by_state;
    for (const auto& [key, state] : r.items) by_state[state].push_back(key);
    std::vector<std::string> parts;
    for (const char* state : {"met", "at risk", "missing", "not applicable"}) {
      const std::vector<std::string>& keys = by_state[state];
      parts.push_back(
          std::to_string(keys.size()) + " " + state +
          (keys.empty() || std::string(state) == "met" ? "" : " (" + Join(keys, ", ") + ")"));
    }
    screen.Line("Readiness " + r.framework, Join(parts, ", "),
                !by_state["missing"].empty() || !by_state["at risk"].empty());
  }
  auto kpis = [&](const char* key) {
    auto it = s.kpis.find(key);
    return it == s.kpis.end() ? 0 : it->second;
  };
  screen.Line("KPIs",
              std::to_string(kpis("typed")) + " typed, " + std::to_string(kpis("measured")) +
                  " measured, " + std::to_string(kpis("missed_latest")) + " missed latest",
              kpis("missed_latest") > 0);
  screen.Line("Measurements missing",
              Listed(s.measurements_missing.size(), "", s.measurements_missing),
              !s.measurements_missing.empty());
  size_t breaking = 0;
  std::vector<std::string> rules;
  for (const auto& [rule, ids] : s.rule_breaches) {
    breaking += ids.size();
    rules.push_back(rule + " (" + Join(ids, ", ") + ")");
  }
  screen.Line("Rule breaches", Listed(breaking, "", rules), breaking > 0);
}

}  // namespace

int RunStatus(const CommandOptions& options, std::ostream& out, std::ostream& err) {
  std::vector<std::string> names = StatusConditionNames();
  for (const std::string& c : options.fail_on)
    if (std::find(names.begin(), names.end(), c) == names.end())
      return Fail("--fail-on: unknown condition '" + c + "'" + DidYouMean(c, names) +
                      " (known: " + Join(names, ", ") + ")",
                  err);
  Session session;
  Diagnostics diags;
  if (std::optional<int> usage = Prepare(options, session, diags, err)) return *usage;
  diags.Sort();
  // A broken SMS has no trustworthy summary: its errors, and for JSON an
  // object all the same, so scripts can always parse what they get.
  if (diags.HasErrors()) {
    if (options.format == "json") {
      out << Json(StatusSummary{}, session, diags, {});
    } else {
      Print(diags, err);
    }
    err << "smsdoc: " << Counts(diags) << "; fix the errors for a status\n";
    return kExitContent;
  }
  StatusSummary summary = Summarize(session.model.graph, session.model.analysis);
  std::map<std::string, bool> holds = summary.Conditions();
  std::vector<std::string> failed;
  for (const std::string& c : options.fail_on)
    if (holds[c] && std::find(failed.begin(), failed.end(), c) == failed.end()) failed.push_back(c);

  if (options.format == "json") {
    out << Json(summary, session, diags, failed);
  } else {
    bool colour =
        &out == &std::cout && IsTerminal(StandardStream::kOutput) && !std::getenv("NO_COLOR");
    Text(summary, session, out, colour);
    if (!failed.empty()) out << "\nFailing: " << Join(failed, ", ") << "\n";
  }
  return failed.empty() ? kExitOk : kExitContent;
}

}  // namespace smsdoc
