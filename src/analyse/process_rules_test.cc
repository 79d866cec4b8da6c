#include "analyse/process_rules.h"

#include <doctest/doctest.h>

#include "test_support.h"

namespace smsdoc {

namespace {

// Actions raised 2026-01-01: A1 minor due in 90 days, A2 minor due in 91,
// A3 minor open with no due date, A4 major without a root cause.
const char* kActions =
    "- {id: A1, kind: action, title: One, status: open, source_type: other, raised: 2026-01-01,\n"
    "   classification: minor, due: 2026-04-01, root_cause: Why}\n"
    "- {id: A2, kind: action, title: Two, status: open, source_type: other, raised: 2026-01-01,\n"
    "   classification: minor, due: 2026-04-02, root_cause: Why}\n"
    "- {id: A3, kind: action, title: Three, status: open, source_type: other,\n"
    "   raised: 2026-01-01, classification: minor, root_cause: Why}\n"
    "- {id: A4, kind: action, title: Four, status: closed, source_type: other,\n"
    "   raised: 2026-01-01, classification: major, due: 2026-01-10}\n";

std::unique_ptr<testing::Sms> RulesSms(const std::string& rules, const std::string& as_of) {
  MemoryDisk disk = testing::BaseSms();
  disk.Add("smsdoc.yaml", std::string(testing::kConfig) + rules);
  disk.Add("records/actions.yaml", kActions);
  return testing::RunSms(disk, as_of);
}

const char* kRules =
    "rules:\n"
    "  minor-90:\n"
    "    title: Minor in 90 days\n"
    "    process: PRC-CHG\n"
    "    kind: action\n"
    "    where: {classification: minor}\n"
    "    within: {days: 90, from: raised, to: due}\n"
    "  root-cause:\n"
    "    kind: action\n"
    "    where: {classification: [major, minor]}\n"
    "    require: [root_cause]\n";

std::vector<std::string> Breaches(const testing::Sms& sms, size_t rule) {
  std::vector<std::string> out;
  for (const RuleResult::Breach& b : sms.analysis().rules.at(rule).breaches)
    out.push_back(sms.graph().nodes[b.node].id + ": " + b.what);
  return out;
}

}  // namespace

TEST_CASE("a time limit counts the days between two dates, or to the as-of date") {
  auto sms = RulesSms(kRules, "2026-03-31");
  REQUIRE_FALSE(sms->diags.HasErrors());
  REQUIRE(sms->analysis().rules.size() == 2);
  CHECK(sms->analysis().rules[0].population.size() == 3);  // the minor ones
  // A3 has no due date, but only 89 days have passed.
  CHECK(Breaches(*sms, 0) ==
        std::vector<std::string>{
            "A2: Due 2026-04-02 is 91 days after Raised 2026-01-01 (90 at most)"});
  auto later = RulesSms(kRules, "2026-04-02");
  CHECK(
      Breaches(*later, 0) ==
      std::vector<std::string>{"A2: Due 2026-04-02 is 91 days after Raised 2026-01-01 (90 at most)",
                               "A3: no Due 91 days after Raised 2026-01-01 (90 at most)"});
  CHECK(later->analysis().rules[0].breaches[1].date == "2026-04-01");  // when the limit ran out
}

TEST_CASE("required fields, breaches as warnings, on the attention list and in status") {
  auto sms = RulesSms(kRules, "2026-03-31");
  CHECK(Breaches(*sms, 1) == std::vector<std::string>{"A4: no Root cause recorded"});
  std::vector<std::string> warnings;
  for (const Diagnostic& d : sms->diags.items())
    if (d.code == "rule-breach") warnings.push_back(d.message);
  CHECK(warnings ==
        std::vector<std::string>{
            "'A2': breaks rule 'minor-90' (Minor in 90 days): Due 2026-04-02 is 91 days after "
            "Raised 2026-01-01 (90 at most)",
            "'A4': breaks rule 'root-cause': no Root cause recorded"});
}

TEST_CASE("a rule naming what does not exist is an error where it is written") {
  auto sms = RulesSms(
      "rules:\n"
      "  a:\n"
      "    process: PRC-CHX\n"
      "    kind: actoin\n"
      "    require: [x]\n"
      "  b:\n"
      "    kind: action\n"
      "    where: {clasification: minor}\n"
      "    within: {days: 90, from: raised, to: owner}\n"
      "  c:\n"
      "    kind: action\n"
      "    when: {a: b}\n",
      "2026-03-31");
  std::vector<std::string> errors;
  for (const Diagnostic& d : sms->diags.items())
    if (d.severity == Severity::kError)
      errors.push_back(std::to_string(d.pos.line) + ":" + std::to_string(d.pos.col) + " " +
                       d.message + " [" + d.code + "]");
  CHECK(errors ==
        std::vector<std::string>{
            "8:14 unknown process or document 'PRC-CHX' in rule 'a' (did you mean 'PRC-CHG'?) "
            "[config-rule]",
            "9:11 unknown kind 'actoin' in rule 'a' (did you mean 'action'?) [config-rule]",
            "13:13 kind 'action' has no field 'clasification' in rule 'b' (did you mean "
            "'classification'?) [config-rule]",
            "14:42 'owner' is no date field of kind 'action' in rule 'b': 'within' measures the "
            "days between two dates [config-rule]",
            "15:3 rule 'c' checks nothing: give it 'require: [FIELD, ...]' or 'within: {days: N, "
            "from: FIELD, to: FIELD}' [config-rule]",
            "17:5 unknown field 'when' [field-unknown]",
        });
  // The broken rules are left out of the analysis.
  CHECK(sms->analysis().rules.empty());
}

}  // namespace smsdoc
