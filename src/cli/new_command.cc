// `smsdoc new`: a new document, process or record with the next free ID,
// written only where no file is (write/new_file.h).
#include <filesystem>

#include "base/disk.h"
#include "cli/commands.h"
#include "cli/environment.h"
#include "cli/prepare.h"
#include "init/new_item.h"
#include "load/loader.h"
#include "model/config.h"
#include "write/new_file.h"

namespace smsdoc {

namespace fs = std::filesystem;

int RunNew(const CommandOptions& options, const std::string& type, const std::string& title,
           std::ostream& out, std::ostream& err) {
  fs::path root = options.root;
  if (std::string why = MissingSms(options.root); !why.empty()) return Fail(why, err);
  RealDisk disk(root);
  Diagnostics diags;
  // Problems elsewhere in the SMS do not stop a new item: `check` reports them.
  Corpus corpus = LoadCorpus(disk, Jobs(options), diags);
  if (corpus.config.roles.empty())
    return Fail("smsdoc.yaml has no roles to give the new item; run 'smsdoc check'", err);
  std::string error;
  std::optional<std::string> today = Today(error);
  if (!today) return Fail(error, err);
  NewItem item = PlanNewItem(type, title, corpus, *today, [&](const std::string& path) {
    std::error_code e;
    return fs::exists(root / path, e);
  });
  if (!item.error.empty()) return Fail(item.error, err);
  switch (CreateNewFile(root / item.path, item.bytes, error)) {
    case NewFileResult::kWritten:
      out << (root / item.path).lexically_normal().string() << "\n";
      return kExitOk;
    case NewFileResult::kExists:
      return Fail(
          "'" + (root / item.path).lexically_normal().string() + "' exists; nothing written", err);
    case NewFileResult::kFailed: break;
  }
  return Fail("cannot write '" + (root / item.path).lexically_normal().string() + "': " + error,
              err);
}

}  // namespace smsdoc
