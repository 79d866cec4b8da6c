// `smsdoc schema`: JSON Schemas for editors, from the definitions the
// loader uses (render/json_schema.h), written only over earlier schemas.
#include <algorithm>
#include <filesystem>

#include "base/disk.h"
#include "cli/commands.h"
#include "cli/prepare.h"
#include "load/loader.h"
#include "model/config.h"
#include "render/json_schema.h"
#include "write/schema_file.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// True when `inner` is `outer` or inside it (both made absolute).
bool Within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  fs::path a = fs::weakly_canonical(fs::absolute(inner, ec), ec);
  fs::path b = fs::weakly_canonical(fs::absolute(outer, ec), ec);
  auto [end, _] = std::mismatch(b.begin(), b.end(), a.begin(), a.end());
  return end == b.end();
}

}  // namespace

int RunSchema(const CommandOptions& options, std::ostream& out, std::ostream& err) {
  fs::path root = options.root;
  if (std::string why = MissingSms(options.root); !why.empty()) return Fail(why, err);
  RealDisk disk(root);
  Diagnostics diags;
  // The content's own problems do not stop the schemas (`check` reports
  // them), smsdoc.yaml's do: the schemas are made of its settings.
  Corpus corpus = LoadCorpus(disk, Jobs(options), diags);
  Diagnostics config_diags;
  for (const auto& d : diags.items())
    if (d.path == kConfigFile) config_diags.Add(d);
  if (config_diags.HasErrors()) {
    Print(config_diags, err);
    err << "smsdoc: " << Counts(config_diags) << " in smsdoc.yaml; no schema written\n";
    return kExitContent;
  }
  fs::path dir = options.out.empty() ? root / "schemas" : fs::path(options.out);
  const Config& config = corpus.config;
  std::vector<std::string> folders = config.ContentFolders();
  folders.push_back(config.output);
  for (const auto& folder : folders)
    if (Within(dir, root / folder) || Within(root / folder, dir))
      return Fail("'" + dir.lexically_normal().string() + "' holds or is inside '" + folder +
                      "', a content or output folder: choose another --out",
                  err);
  std::vector<SchemaFile> files = JsonSchemas(corpus);
  for (const auto& file : files)
    if (!SchemaFileReplaceable(dir / file.name, kSchemaFileStart))
      return Fail("'" + (dir / file.name).lexically_normal().string() +
                      "' exists and is not a schema smsdoc wrote; nothing written",
                  err);
  for (const auto& file : files) {
    std::string error;
    fs::path path = dir / file.name;
    if (ReplaceSchemaFile(path, file.bytes, kSchemaFileStart, error) != SchemaFileResult::kWritten)
      return Fail("cannot write '" + path.lexically_normal().string() + "': " + error, err);
    out << path.lexically_normal().string() << "\n";
  }
  return kExitOk;
}

}  // namespace smsdoc
