// `smsdoc init`: a new SMS from the starter set, written only where no
// file is (write/new_file.h).
#include <filesystem>
#include <iostream>

#include "cli/commands.h"
#include "cli/prepare.h"
#include "init/prompts.h"
#include "init/starter.h"
#include "write/new_file.h"

namespace smsdoc {

namespace fs = std::filesystem;

namespace {

// Empty, or holding only a git repository (`git init` first is common).
bool IsEmptyFolder(const fs::path& dir) {
  for (const auto& entry : fs::directory_iterator(dir))
    if (entry.path().filename() != ".git") return false;
  return true;
}

// `path` as the user would type it from the current folder.
std::string Shown(const fs::path& root, const std::string& path) {
  return (root / path).lexically_normal().string();
}

}  // namespace

int RunInit(const InitOptions& options, std::istream& in, bool interactive, std::ostream& out,
            std::ostream& err) {
  fs::path dir = options.dir;
  std::error_code ec;
  if (fs::exists(dir, ec) && !fs::is_directory(dir, ec))
    return Fail("'" + options.dir + "' is a file, not a folder", err);
  if (fs::is_directory(dir, ec) && !IsEmptyFolder(dir) && !options.force)
    return Fail("'" + options.dir +
                    "' is not empty; choose an empty folder, or pass --force to add the "
                    "starter files that are missing (no file is ever overwritten)",
                err);
  InitAnswers answers;
  GivenAnswers given;
  if (!options.organization.empty()) {
    answers.organization = options.organization;
    given.organization = true;
  }
  if (!options.scope.empty()) {
    answers.scope = options.scope;
    given.scope = true;
  }
  if (!options.roles.empty()) {
    answers.roles.clear();
    for (const std::string& text : options.roles) {
      std::string error;
      auto role = ParseRole(text, error);
      if (!role) return Fail(error, err);
      answers.roles.push_back(*role);
    }
    given.roles = true;
  }
  if (interactive) AskAnswers(answers, given, in, out);

  size_t written = 0;
  for (const StarterFile& file : StarterFiles(answers, options.minimal, options.ci)) {
    std::string error;
    switch (CreateNewFile(dir / file.path, file.bytes, error)) {
      case NewFileResult::kWritten: ++written; break;
      case NewFileResult::kExists:
        out << "kept " << Shown(dir, file.path) << " (it exists)\n";
        break;
      case NewFileResult::kFailed:
        return Fail("cannot write '" + Shown(dir, file.path) + "': " + error, err);
    }
  }
  out << "wrote " << Plural(written, "file") << " in " << dir.lexically_normal().string()
      << "\nNext: " << (options.dir == "." ? "" : "cd " + options.dir + " && ")
      << "smsdoc build, then open site/index.html; 'smsdoc new policy \"Title\"' adds a "
         "document.\n";
  return kExitOk;
}

}  // namespace smsdoc
