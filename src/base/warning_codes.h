#pragma once
#include <string>
#include <vector>

namespace smsdoc {

/// The codes smsdoc reports as warnings (docs/diagnostics.md): the ones
/// smsdoc.yaml's `diagnostics:` may ignore or make errors and an item may
/// `accept:`. Errors are never lowered: each means the site would be wrong.
/// guard.diagnostic_codes checks this list against the documentation.
inline const std::vector<std::string>& WarningCodes() {
  static const std::vector<std::string> kCodes = {"accept-unused",
                                                  "approval-mismatch",
                                                  "approval-unknown",
                                                  "changed-after-approval",
                                                  "config-folder",
                                                  "content-ignored",
                                                  "expired",
                                                  "field-undeclared",
                                                  "history-shallow",
                                                  "import-unmatched",
                                                  "kpi-untyped",
                                                  "measurement-missing",
                                                  "orphan",
                                                  "overdue",
                                                  "raw-html",
                                                  "raw-html-text",
                                                  "readiness-missing",
                                                  "record-empty",
                                                  "ref-self",
                                                  "review-overdue",
                                                  "rule-breach",
                                                  "theme-unused",
                                                  "url-blocked",
                                                  "url-remote",
                                                  "version-order",
                                                  "workbook-date",
                                                  "workbook-text-cut"};
  return kCodes;
}

}  // namespace smsdoc
