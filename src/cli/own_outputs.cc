#include "cli/own_outputs.h"

#include <filesystem>
#include <fstream>

#include "adapters/zip.h"
#include "base/text.h"
#include "cli/diagnostic_formats.h"
#include "render/json_schema.h"
#include "write/pack_writer.h"
#include "write/paths.h"
#include "write/site_writer.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// `folder` (relative to the root or absolute) relative to `root`, ending
// in '/', or "" when it is not inside the root.
std::string Inside(const fs::path& root, const fs::path& folder) {
  fs::path abs = AbsolutePath(folder.is_absolute() ? folder : root / folder);
  if (!IsWithin(abs, root) || abs == root) return "";
  return abs.lexically_relative(root).generic_string() + "/";
}

}  // namespace

OwnOutputs::OwnOutputs(const CommandOptions& options, const Config& config)
    : root_(AbsolutePath(options.root).string()) {
  fs::path root(root_);
  // --out is relative to the current folder, `output:` to the root.
  std::vector<fs::path> outputs = {config.output};
  if (!options.out.empty()) outputs.push_back(AbsolutePath(options.out));
  for (const fs::path& out : outputs)
    if (std::string rel = Inside(root, out); !rel.empty()) outputs_.push_back(rel);
  std::vector<std::string> read = config.ContentFolders();
  read.push_back(config.theme);
  for (const std::string& folder : read)
    if (!folder.empty())
      if (std::string rel = Inside(root, folder); !rel.empty()) read_.push_back(rel);
  if (!options.theme.empty())
    if (std::string rel = Inside(root, AbsolutePath(options.theme)); !rel.empty())
      read_.push_back(rel);
}

bool OwnOutputs::operator()(const std::string& path) const {
  for (const std::string& out : outputs_)
    if (StartsWith(path, out)) return true;
  // A file in a folder the build reads is published or used, whoever wrote it.
  for (const std::string& folder : read_)
    if (StartsWith(path, folder)) return false;
  std::string name = fs::path(path).filename().string();
  if (path.find(".smsdoc-new-") != std::string::npos ||
      path.find(".smsdoc-old-") != std::string::npos ||
      (StartsWith(name, ".smsdoc-pack-") && EndsWith(name, ".zip")))
    return true;
  if (InMarkedFolder(path)) return true;
  if (EndsWith(name, ".zip")) {
    std::optional<std::string> comment = ZipComment(fs::path(root_) / path);
    return comment && StartsWith(*comment, kPackMarker);
  }
  return (EndsWith(name, ".sarif") || EndsWith(name, ".json")) && IsDiagnosticsLog(path);
}

bool OwnOutputs::InMarkedFolder(const std::string& path) const {
  for (size_t slash = path.find('/'); slash != std::string::npos;
       slash = path.find('/', slash + 1)) {
    std::string folder = path.substr(0, slash);
    auto [it, added] = marked_.emplace(folder, false);
    if (added) {
      std::error_code ec;
      it->second = fs::is_regular_file(fs::path(root_) / folder / kOutputMarker, ec);
    }
    if (it->second) return true;
  }
  return false;
}

bool OwnOutputs::IsDiagnosticsLog(const std::string& path) const {
  std::ifstream in(fs::path(root_) / path, std::ios::binary);
  std::string head(kDiagnosticsLogHeadSize, '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(in.gcount()));
  return IsDiagnosticsLogHead(head) ||
         (EndsWith(path, ".schema.json") && StartsWith(head, kSchemaFileStart));
}

}  // namespace smsdoc
