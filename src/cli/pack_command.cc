// `smsdoc pack`: build, then zip the site for the certification body.
#include <filesystem>
#include <fstream>
#include <sstream>

#include "adapters/sha256.h"
#include "base/interrupt.h"
#include "cli/commands.h"
#include "cli/prepare.h"
#include "write/manifest.h"
#include "write/pack_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

int RunPack(const CommandOptions& options, std::ostream& err) {
  CommandOptions build = options;
  build.out.clear();  // --out names the zip; the site goes where `build` puts it
  fs::path zip;
  BuildFollowUp next;
  // Checked before the build writes anything, so a refusal changes nothing.
  next.vet = [&](const BuildTarget& target) {
    zip = options.out.empty() ? DefaultPackPath(target.site, target.info.as_of)
                              : fs::path(options.out);
    return CheckPackFile(zip, target.site, options.root, target.content_folders);
  };
  next.then = [&](const BuildTarget& target) {
    size_t count = 0;
    ClearLeftovers(zip, options.quiet, err);
    if (std::string error = WritePack(target.site, zip, target.info, count); !error.empty()) {
      int code = Fail(error + "; the site was built but not packed", err);
      return InterruptSignal() ? 128 + InterruptSignal() : code;
    }
    if (!options.quiet)
      err << "packed " << Plural(count, "file") << " -> " << zip.generic_string() << "\n";
    // The manifest cannot vouch for itself (docs/evidence.md): its hash
    // must travel apart from the zip.
    std::ifstream in(target.site / kManifestFile, std::ios::binary);
    if (!in) return Fail(std::string("cannot read ") + kManifestFile + " back from the site", err);
    std::stringstream manifest;
    manifest << in.rdbuf();
    err << "manifest SHA-256 " << Sha256Hex(manifest.str())
        << ": send it apart from the zip, to check with smsdoc verify --expect\n";
    return static_cast<int>(kExitOk);
  };
  return RunBuild(build, err, next);
}

}  // namespace smsdoc
