#pragma once
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "model/config.h"

namespace smsdoc {

/// smsdoc's own outputs lying in the SMS folder (docs/evidence.md): they
/// are not the SMS, so they must not make the work tree "differ from its
/// commit" and change the evidence of the next build or pack:
/// the output folder (`output:`, `--out`) and, outside the folders a build
/// reads (the content folders, the theme: their files are published or
/// used, whoever wrote them):
///  - every folder holding the `.smsdoc-output` marker (earlier builds,
///    `diff`'s `site-changes/`);
///  - a `.zip` whose comment says `smsdoc pack` wrote it;
///  - a `.sarif` or `.json` file that begins as `check --format sarif` or
///    `--format json` output begins, or a `.schema.json` file as
///    `smsdoc schema` writes them;
///  - the temporary names of a write (`.smsdoc-new-*`, `.smsdoc-old-*`,
///    `.smsdoc-pack-*.zip`).
class OwnOutputs {
 public:
  OwnOutputs(const CommandOptions& options, const Config& config);
  /// `path`: a file relative to the SMS root, with '/'.
  bool operator()(const std::string& path) const;

 private:
  bool InMarkedFolder(const std::string& path) const;
  bool IsDiagnosticsLog(const std::string& path) const;
  std::string root_;
  std::vector<std::string> outputs_;            ///< output folders, relative to the root, with '/'
  std::vector<std::string> read_;               ///< folders a build reads, relative, with '/'
  mutable std::map<std::string, bool> marked_;  ///< folder -> holds the marker
};

}  // namespace smsdoc
