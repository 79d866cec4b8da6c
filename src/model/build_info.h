#pragma once
#include <string>

namespace smsdoc {

/// The facts of one run beyond the SMS files: the date everything is
/// judged against, and where the SMS came from.
struct BuildInfo {
  std::string as_of;     ///< YYYY-MM-DD
  std::string revision;  ///< source commit, "" outside git
  std::string version;   ///< smsdoc's
  /// Workbooks' colour rules judge dates by TODAY() when opened instead of
  /// the as-of date (--live-dates); the default keeps files reproducible.
  bool live_dates = false;
  /// For the certification body (--audience auditor): internal pages (the
  /// attention worklist with its file:line references) are left out.
  bool auditor = false;
};

}  // namespace smsdoc
